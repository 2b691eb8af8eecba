using CrmBpm.Crm.Claims;
using CrmBpm.Engine.Errors;
using CrmBpm.Engine.Runtime;
using CrmBpm.Server.Api.Contracts;
using CrmBpm.Server.Claims;
using CrmBpm.Server.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrmBpm.Server.Api;

/// <summary>/api/claims: register with an action plan (each item becomes a task), add items later, decide.</summary>
public static class ClaimsEndpoints
{
    /// <summary>Maps the claim endpoints.</summary>
    public static RouteGroupBuilder MapClaimsEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/claims").WithTags("Claims").RequireAuthorization(Policies.Work);
        group.MapGet("/", ListClaims).WithName("ListClaims").WithSummary("Claims, newest first, optionally of one partner or status.");
        group.MapGet("/{claimId:guid}", GetClaim).WithName("GetClaim").WithSummary("A claim with its action plan.");
        group.MapPost("/", RegisterClaim).WithName("RegisterClaim").WithSummary("Registers a claim and starts its handling; plan items become tasks.");
        group.MapPost("/{claimId:guid}/plan-items", AddPlanItem).WithName("AddClaimPlanItem").WithSummary("Adds an item to the action plan; it becomes a task at once.");
        group.MapPut("/{claimId:guid}/plan-items/{itemId:guid}", EditPlanItem).WithName("EditClaimPlanItem")
            .WithSummary("Corrects an open plan item while the claim is open; its task follows (redirected, or replaced for a new title or deadline); 409 when changed since the version read.");
        group.MapDelete("/{claimId:guid}/plan-items/{itemId:guid}", RemovePlanItem).WithName("RemoveClaimPlanItem")
            .WithSummary("Removes an open plan item (kept as cancelled, logged) and cancels its task; give ?version= as read.");
        group.MapPost("/{claimId:guid}/decision", DecideClaim).WithName("DecideClaim")
            .WithSummary("The responsible employee decides Satisfied / NotSatisfied (details required); refused while plan items are open.");
        return api;
    }

    /// <summary>List.</summary>
    public static async Task<Ok<PagedList<ClaimDto>>> ListClaims(ClaimService claims, Guid? partnerId, ClaimStatus? status, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var paging = PageRequest.From(page, pageSize);
        var all = await claims.ListAsync(partnerId, cancellationToken);
        return TypedResults.Ok(paging.Apply(all.Where(c => status is null || c.Status == status).Select(ClaimDto.From)));
    }

    /// <summary>One.</summary>
    public static async Task<Ok<ClaimDto>> GetClaim(Guid claimId, ClaimService claims, CancellationToken cancellationToken) =>
        TypedResults.Ok(ClaimDto.From(await claims.GetAsync(claimId, cancellationToken)));

    /// <summary>Register.</summary>
    public static async Task<Created<ClaimDto>> RegisterClaim(
        RegisterClaimRequest request, ClaimService claims, ClaimDepartments departments, WorkScope work, UserDirectory directory, CancellationToken cancellationToken)
    {
        var check = new Check().Present(request.PartnerId, "partnerId").Required(request.Reason, "reason").Required(request.ResponsibleId, "responsibleId")
            .Required(request.Description, "description", 4000);
        var plan = request.Plan ?? [];
        for (var i = 0; i < plan.Count; i++)
        {
            CheckItem(check, plan[i], $"plan[{i}]");
        }

        check.ThrowIfAny();
        await CheckUsersAsync(directory, [("responsibleId", request.ResponsibleId!), .. plan.Select((p, i) => ($"plan[{i}].performerId", p.PerformerId!))], cancellationToken);
        var department = await departments.ResolveAsync(request.Department, cancellationToken);
        var claim = await claims.RegisterAsync(new RegisterClaim
        {
            PartnerId = request.PartnerId!.Value, Reason = request.Reason!, Department = department, ResponsibleId = request.ResponsibleId!,
            Description = request.Description!, RegisteredBy = work.User.Id,
            Plan = [.. plan.Select(p => new PlanItemRequest(p.Title!, p.PerformerId!, p.Deadline!.Value))],
        }, cancellationToken);
        return TypedResults.Created($"/api/claims/{claim.Id}", ClaimDto.From(claim));
    }

    /// <summary>Add a plan item.</summary>
    public static async Task<Created<PlanItemDto>> AddPlanItem(Guid claimId, PlanItemRequestDto request, ClaimService claims, UserDirectory directory, CancellationToken cancellationToken)
    {
        var check = new Check();
        CheckItem(check, request, null);
        check.ThrowIfAny();
        await CheckUsersAsync(directory, [("performerId", request.PerformerId!)], cancellationToken);
        var item = await claims.AddPlanItemAsync(claimId, new PlanItemRequest(request.Title!, request.PerformerId!, request.Deadline!.Value), cancellationToken);
        return TypedResults.Created($"/api/claims/{claimId}", PlanItemDto.From(item));
    }

    /// <summary>Edit a plan item.</summary>
    public static async Task<Ok<PlanItemDto>> EditPlanItem(
        Guid claimId, Guid itemId, EditPlanItemRequest request, ClaimService claims, SubjectRights rights, WorkScope work, UserDirectory directory, CancellationToken cancellationToken)
    {
        var check = new Check().Present(request.Version, "version");
        CheckItem(check, new PlanItemRequestDto(request.Title, request.PerformerId, request.Deadline), null);
        check.ThrowIfAny();
        await EnsureMayChangeAsync(claimId, claims, rights, cancellationToken);
        await CheckUsersAsync(directory, [("performerId", request.PerformerId!)], cancellationToken);
        var item = await claims.EditPlanItemAsync(claimId, itemId, new PlanItemRequest(request.Title!, request.PerformerId!, request.Deadline!.Value), work.User.Id, request.Version, cancellationToken);
        return TypedResults.Ok(PlanItemDto.From(item));
    }

    /// <summary>Remove a plan item.</summary>
    public static async Task<Ok<ClaimDto>> RemovePlanItem(Guid claimId, Guid itemId, long? version, ClaimService claims, SubjectRights rights, WorkScope work, CancellationToken cancellationToken)
    {
        new Check().Present(version, "version").ThrowIfAny();
        await EnsureMayChangeAsync(claimId, claims, rights, cancellationToken);
        return TypedResults.Ok(ClaimDto.From(await claims.RemovePlanItemAsync(claimId, itemId, work.User.Id, version, cancellationToken)));
    }

    /// <summary>Decide.</summary>
    public static async Task<Ok<ClaimDto>> DecideClaim(Guid claimId, DecideClaimRequest request, ClaimService claims, WorkScope work, CancellationToken cancellationToken)
    {
        new Check().Present(request.Result, "result").MaxLength(request.Details, "details", 4000).ThrowIfAny();
        return TypedResults.Ok(ClaimDto.From(await claims.DecideAsync(claimId, work.User.Actor, request.Result!.Value, request.Details, cancellationToken)));
    }

    /// <summary>The responsible and the registering employee, their Heads and Administrators change a claim's plan.</summary>
    private static async Task EnsureMayChangeAsync(Guid claimId, ClaimService claims, SubjectRights rights, CancellationToken cancellationToken)
    {
        var claim = await claims.GetAsync(claimId, cancellationToken);
        if (!await rights.CanChangeAsync(new SubjectReference(ClaimService.SubjectType, claimId.ToString()), cancellationToken))
        {
            throw new ForbiddenException("claim.not-yours", $"Only {claim.ResponsibleId} (responsible), {claim.RegisteredBy} (registered it), their Heads and Administrators may change this claim's plan.");
        }
    }

    private static void CheckItem(Check check, PlanItemRequestDto item, string? prefix)
    {
        string Field(string name) => prefix is null ? name : $"{prefix}.{name}";
        check.Required(item.Title, Field("title")).Required(item.PerformerId, Field("performerId")).Present(item.Deadline, Field("deadline"));
    }

    private static async Task CheckUsersAsync(UserDirectory directory, IEnumerable<(string Field, string UserId)> users, CancellationToken cancellationToken)
    {
        var check = new Check();
        foreach (var (field, userId) in users)
        {
            check.That(await directory.FindAsync(userId, cancellationToken) is not null, field, $"There is no user '{userId}'.");
        }

        check.ThrowIfAny();
    }
}
