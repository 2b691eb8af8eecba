using CrmBpm.Server.Api.Contracts;
using CrmBpm.Server.Identity;
using CrmBpm.Server.Organisation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrmBpm.Server.Api;

/// <summary>
/// The company's structure: /api/admin/performer-roles and /api/admin/addressing-objects (Administrators) change it;
/// /api/organisation reads it for the designer's performer picker (Consultants and Administrators). Names are keys that
/// running tasks and published maps store, so there is no rename.
/// </summary>
public static class OrganisationEndpoints
{
    /// <summary>Maps the structure endpoints.</summary>
    public static RouteGroupBuilder MapOrganisationEndpoints(this RouteGroupBuilder api)
    {
        var roles = api.MapGroup("/admin/performer-roles").RequireAuthorization(Policies.Administer).WithTags("Structure");
        roles.MapGet("/", ListPerformerRoles).WithName("ListPerformerRoles").WithSummary("Performer roles with their members, by name; search matches name and description.");
        roles.MapGet("/{name}", GetPerformerRole).WithName("GetPerformerRole").WithSummary("One performer role with its members.");
        roles.MapPost("/", CreatePerformerRole).WithName("CreatePerformerRole").WithSummary("Creates a performer role; its name (unique regardless of case) can never change.");
        roles.MapPut("/{name}", UpdatePerformerRole).WithName("UpdatePerformerRole").WithSummary("Replaces the description.");
        roles.MapDelete("/{name}", DeletePerformerRole).WithName("DeletePerformerRole")
            .WithSummary("Deletes a role; refused (409) while it has members or open tasks are addressed to it.");
        roles.MapPost("/{name}/members", AddPerformerRoleMember).WithName("AddPerformerRoleMember").WithSummary("Makes a user a member, optionally for an addressing object.");
        roles.MapDelete("/{name}/members/{userName}", RemovePerformerRoleMember).WithName("RemovePerformerRoleMember")
            .WithSummary("Ends a user's membership (for ?addressingObject=, or the one without an object).");

        var objects = api.MapGroup("/admin/addressing-objects").RequireAuthorization(Policies.Administer).WithTags("Structure");
        objects.MapGet("/", ListAddressingObjects).WithName("ListAddressingObjects").WithSummary("Departments, regions and business directions, by kind and name.");
        objects.MapGet("/{name}", GetAddressingObject).WithName("GetAddressingObject").WithSummary("One addressing object.");
        objects.MapPost("/", CreateAddressingObject).WithName("CreateAddressingObject")
            .WithSummary("Creates an addressing object; its name (unique regardless of case and kind) can never change. Departments may have a parent and a head.");
        objects.MapPut("/{name}", UpdateAddressingObject).WithName("UpdateAddressingObject").WithSummary("Replaces kind, parent department (no cycles) and head; active=false deactivates (no longer offered for new use, what names it keeps working), true reactivates.");
        objects.MapDelete("/{name}", DeleteAddressingObject).WithName("DeleteAddressingObject")
            .WithSummary("Deletes an object; refused (409) while members serve it, users are in it, departments are under it or open tasks name it.");

        var read = api.MapGroup("/organisation").RequireAuthorization(Policies.Design).WithTags("Structure");
        read.MapGet("/performer-roles", ListPerformerRoleChoices).WithName("ListPerformerRoleChoices")
            .WithSummary("Performer roles for the performer picker, with their number of active members.");
        read.MapGet("/addressing-objects", ListAddressingObjectChoices).WithName("ListAddressingObjectChoices")
            .WithSummary("Active addressing objects for the performer picker, optionally of one kind.");
        return api;
    }

    /// <summary>List roles.</summary>
    public static async Task<Ok<PagedList<PerformerRoleDto>>> ListPerformerRoles(OrganisationAdministration organisation, string? search, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var paging = PageRequest.From(page, pageSize);
        new Check().MaxLength(search, "search", 200).ThrowIfAny();
        var (items, total) = await organisation.ListRolesAsync(search, paging.Page, paging.PageSize, cancellationToken);
        return TypedResults.Ok(new PagedList<PerformerRoleDto>([.. items.Select(PerformerRoleDto.From)], paging.Page, paging.PageSize, total));
    }

    /// <summary>Get a role.</summary>
    public static async Task<Ok<PerformerRoleDto>> GetPerformerRole(string name, OrganisationAdministration organisation, CancellationToken cancellationToken) =>
        TypedResults.Ok(PerformerRoleDto.From(await organisation.GetRoleAsync(name, cancellationToken)));

    /// <summary>Create a role.</summary>
    public static async Task<Created<PerformerRoleDto>> CreatePerformerRole(CreatePerformerRoleRequest request, OrganisationAdministration organisation, WorkScope work, CancellationToken cancellationToken)
    {
        var role = await organisation.CreateRoleAsync(work.User.Id, request.Name, request.Description, cancellationToken);
        return TypedResults.Created($"/api/admin/performer-roles/{Uri.EscapeDataString(role.Name)}", PerformerRoleDto.From(role));
    }

    /// <summary>Update a role.</summary>
    public static async Task<Ok<PerformerRoleDto>> UpdatePerformerRole(string name, UpdatePerformerRoleRequest request, OrganisationAdministration organisation, WorkScope work, CancellationToken cancellationToken) =>
        TypedResults.Ok(PerformerRoleDto.From(await organisation.UpdateRoleAsync(work.User.Id, name, request.Description, cancellationToken)));

    /// <summary>Delete a role.</summary>
    public static async Task<NoContent> DeletePerformerRole(string name, OrganisationAdministration organisation, WorkScope work, CancellationToken cancellationToken)
    {
        await organisation.DeleteRoleAsync(work.User.Id, name, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>Add a member.</summary>
    public static async Task<Ok<PerformerRoleDto>> AddPerformerRoleMember(string name, AddMemberRequest request, OrganisationAdministration organisation, WorkScope work, CancellationToken cancellationToken)
    {
        new Check().MaxLength(request.UserName, "userName", 256).MaxLength(request.AddressingObject, "addressingObject", 200).ThrowIfAny();
        return TypedResults.Ok(PerformerRoleDto.From(await organisation.AddMemberAsync(work.User.Id, name, request.UserName, request.AddressingObject, cancellationToken)));
    }

    /// <summary>Remove a member.</summary>
    public static async Task<Ok<PerformerRoleDto>> RemovePerformerRoleMember(
        string name, string userName, string? addressingObject, OrganisationAdministration organisation, WorkScope work, CancellationToken cancellationToken)
    {
        new Check().MaxLength(addressingObject, "addressingObject", 200).ThrowIfAny();
        return TypedResults.Ok(PerformerRoleDto.From(await organisation.RemoveMemberAsync(work.User.Id, name, userName, addressingObject, cancellationToken)));
    }

    /// <summary>List objects.</summary>
    public static async Task<Ok<PagedList<AddressingObjectDto>>> ListAddressingObjects(
        OrganisationAdministration organisation, AddressingObjectKind? kind, string? search, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var paging = PageRequest.From(page, pageSize);
        new Check().MaxLength(search, "search", 200).ThrowIfAny();
        var (items, total) = await organisation.ListObjectsAsync(kind, search, paging.Page, paging.PageSize, cancellationToken: cancellationToken);
        return TypedResults.Ok(new PagedList<AddressingObjectDto>([.. items.Select(AddressingObjectDto.From)], paging.Page, paging.PageSize, total));
    }

    /// <summary>Get an object.</summary>
    public static async Task<Ok<AddressingObjectDto>> GetAddressingObject(string name, OrganisationAdministration organisation, CancellationToken cancellationToken) =>
        TypedResults.Ok(AddressingObjectDto.From(await organisation.GetObjectAsync(name, cancellationToken)));

    /// <summary>Create an object.</summary>
    public static async Task<Created<AddressingObjectDto>> CreateAddressingObject(CreateAddressingObjectRequest request, OrganisationAdministration organisation, WorkScope work, CancellationToken cancellationToken)
    {
        new Check().MaxLength(request.Parent, "parent", 200).MaxLength(request.Head, "head", 256).ThrowIfAny();
        var created = await organisation.CreateObjectAsync(work.User.Id, request.Name, request.ToChange(), cancellationToken);
        return TypedResults.Created($"/api/admin/addressing-objects/{Uri.EscapeDataString(created.Name)}", AddressingObjectDto.From(created));
    }

    /// <summary>Update an object.</summary>
    public static async Task<Ok<AddressingObjectDto>> UpdateAddressingObject(string name, UpdateAddressingObjectRequest request, OrganisationAdministration organisation, WorkScope work, CancellationToken cancellationToken)
    {
        new Check().MaxLength(request.Parent, "parent", 200).MaxLength(request.Head, "head", 256).ThrowIfAny();
        return TypedResults.Ok(AddressingObjectDto.From(await organisation.UpdateObjectAsync(work.User.Id, name, request.ToChange(), cancellationToken)));
    }

    /// <summary>Delete an object.</summary>
    public static async Task<NoContent> DeleteAddressingObject(string name, OrganisationAdministration organisation, WorkScope work, CancellationToken cancellationToken)
    {
        await organisation.DeleteObjectAsync(work.User.Id, name, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>Roles for the picker.</summary>
    public static async Task<Ok<PagedList<PerformerRoleChoiceDto>>> ListPerformerRoleChoices(OrganisationAdministration organisation, string? search, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var paging = PageRequest.From(page, pageSize);
        new Check().MaxLength(search, "search", 200).ThrowIfAny();
        var (items, total) = await organisation.ListRolesAsync(search, paging.Page, paging.PageSize, cancellationToken);
        return TypedResults.Ok(new PagedList<PerformerRoleChoiceDto>([.. items.Select(PerformerRoleChoiceDto.From)], paging.Page, paging.PageSize, total));
    }

    /// <summary>Objects for the picker: only active ones (a deactivated object is not offered for new use).</summary>
    public static async Task<Ok<PagedList<AddressingObjectDto>>> ListAddressingObjectChoices(
        OrganisationAdministration organisation, AddressingObjectKind? kind, string? search, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var paging = PageRequest.From(page, pageSize);
        new Check().MaxLength(search, "search", 200).ThrowIfAny();
        var (items, total) = await organisation.ListObjectsAsync(kind, search, paging.Page, paging.PageSize, activeOnly: true, cancellationToken);
        return TypedResults.Ok(new PagedList<AddressingObjectDto>([.. items.Select(AddressingObjectDto.From)], paging.Page, paging.PageSize, total));
    }
}
