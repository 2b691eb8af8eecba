using CrmBpm.Server.Administration;
using CrmBpm.Server.Api.Contracts;
using CrmBpm.Server.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrmBpm.Server.Api;

/// <summary>/api/admin: users (create, edit, deactivate, reactivate, reset password, unlock), dropping the demo users, the audit log. Administrators only.</summary>
public static class AdminEndpoints
{
    /// <summary>Maps the administration endpoints.</summary>
    public static RouteGroupBuilder MapAdminEndpoints(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin").RequireAuthorization(Policies.Administer);
        var users = admin.MapGroup("/users").WithTags("User administration");
        users.MapGet("/", ListManagedUsers).WithName("ListManagedUsers").WithSummary("Users, by user name; search matches user name, display name and e-mail.");
        users.MapGet("/{userName}", GetManagedUser).WithName("GetManagedUser").WithSummary("One user with roles, department, pools and state.");
        users.MapPost("/", CreateUser).WithName("CreateUser").WithSummary("Creates a user; answers their one-time password once (to be changed at the first sign-in).");
        users.MapPut("/{userName}", UpdateUser).WithName("UpdateUser").WithSummary("Replaces name, e-mail, phone, language, time zone, roles, department and pools.");
        users.MapPost("/{userName}/deactivate", DeactivateUser).WithName("DeactivateUser")
            .WithSummary("Ends the user's sign-ins and sessions; role tasks go back to their pools, personal tasks to reassignTo (required when there are any).");
        users.MapPost("/{userName}/reactivate", ReactivateUser).WithName("ReactivateUser").WithSummary("Lets a deactivated user sign in again.");
        users.MapPost("/{userName}/reset-password", ResetPassword).WithName("ResetUserPassword")
            .WithSummary("Sets a one-time password, answered once; the user must change it at the next sign-in. Ends the user's sessions.");
        users.MapPost("/{userName}/unlock", UnlockUser).WithName("UnlockUser").WithSummary("Ends a lockout after failed sign-ins.");
        admin.MapPost("/demo-users/drop", DropDemoUsers).WithTags("User administration").WithName("DropDemoUsers")
            .WithSummary("Deletes the demo users, handing their tasks over as on deactivation; refused while only demo Administrators exist.");
        admin.MapGet("/audit", ListAudit).WithTags("Audit log").WithName("ListAudit")
            .WithSummary("Administrative changes, newest first: who, when, what, the target before and after.");
        return api;
    }

    /// <summary>List.</summary>
    public static async Task<Ok<PagedList<AdminUserDto>>> ListManagedUsers(UserAdministration administration, string? search, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var paging = PageRequest.From(page, pageSize);
        new Check().MaxLength(search, "search", 200).ThrowIfAny();
        var (items, total) = await administration.ListAsync(search, paging.Page, paging.PageSize, cancellationToken);
        return TypedResults.Ok(new PagedList<AdminUserDto>([.. items.Select(AdminUserDto.From)], paging.Page, paging.PageSize, total));
    }

    /// <summary>Get.</summary>
    public static async Task<Ok<AdminUserDto>> GetManagedUser(string userName, UserAdministration administration, CancellationToken cancellationToken) =>
        TypedResults.Ok(AdminUserDto.From(await administration.GetAsync(userName, cancellationToken)));

    /// <summary>Create.</summary>
    public static async Task<Created<OneTimePasswordDto>> CreateUser(CreateUserRequest request, UserAdministration administration, WorkScope work, CancellationToken cancellationToken)
    {
        var created = await administration.CreateAsync(work.User.Id, request.UserName, request.ToProfile(), cancellationToken);
        return TypedResults.Created($"/api/admin/users/{Uri.EscapeDataString(created.User.UserName)}", new OneTimePasswordDto(AdminUserDto.From(created.User), created.Password));
    }

    /// <summary>Update.</summary>
    public static async Task<Ok<AdminUserDto>> UpdateUser(string userName, UpdateUserRequest request, UserAdministration administration, WorkScope work, CancellationToken cancellationToken) =>
        TypedResults.Ok(AdminUserDto.From(await administration.UpdateAsync(work.User.Id, userName, request.ToProfile(), cancellationToken)));

    /// <summary>Deactivate.</summary>
    public static async Task<Ok<DeactivatedUserDto>> DeactivateUser(string userName, HandOverRequest request, UserAdministration administration, WorkScope work, CancellationToken cancellationToken)
    {
        new Check().MaxLength(request.ReassignTo, "reassignTo", 256).ThrowIfAny();
        var (user, tasks) = await administration.DeactivateAsync(work.User.Id, userName, request.ReassignTo, cancellationToken);
        return TypedResults.Ok(new DeactivatedUserDto(AdminUserDto.From(user), TasksHandedOverDto.From(tasks)));
    }

    /// <summary>Reactivate.</summary>
    public static async Task<Ok<AdminUserDto>> ReactivateUser(string userName, UserAdministration administration, WorkScope work, CancellationToken cancellationToken) =>
        TypedResults.Ok(AdminUserDto.From(await administration.ReactivateAsync(work.User.Id, userName, cancellationToken)));

    /// <summary>Reset password.</summary>
    public static async Task<Ok<OneTimePasswordDto>> ResetPassword(string userName, UserAdministration administration, WorkScope work, CancellationToken cancellationToken)
    {
        var reset = await administration.ResetPasswordAsync(work.User.Id, userName, cancellationToken);
        return TypedResults.Ok(new OneTimePasswordDto(AdminUserDto.From(reset.User), reset.Password));
    }

    /// <summary>Unlock.</summary>
    public static async Task<Ok<AdminUserDto>> UnlockUser(string userName, UserAdministration administration, WorkScope work, CancellationToken cancellationToken) =>
        TypedResults.Ok(AdminUserDto.From(await administration.UnlockAsync(work.User.Id, userName, cancellationToken)));

    /// <summary>Drop demo users.</summary>
    public static async Task<Ok<IReadOnlyList<DroppedUserDto>>> DropDemoUsers(HandOverRequest request, UserAdministration administration, WorkScope work, CancellationToken cancellationToken)
    {
        new Check().MaxLength(request.ReassignTo, "reassignTo", 256).ThrowIfAny();
        var dropped = await administration.DropDemoUsersAsync(work.User.Id, request.ReassignTo, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<DroppedUserDto>>([.. dropped.Select(d => new DroppedUserDto(d.UserName, TasksHandedOverDto.From(d.Tasks)))]);
    }

    /// <summary>Audit log.</summary>
    public static async Task<Ok<PagedList<AuditEntryDto>>> ListAudit(AdminAudit audit, string? target, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var paging = PageRequest.From(page, pageSize);
        new Check().MaxLength(target, "target", 256).ThrowIfAny();
        var (items, total) = await audit.PageAsync(target, paging.Page, paging.PageSize, cancellationToken);
        return TypedResults.Ok(new PagedList<AuditEntryDto>([.. items.Select(AuditEntryDto.From)], paging.Page, paging.PageSize, total));
    }
}
