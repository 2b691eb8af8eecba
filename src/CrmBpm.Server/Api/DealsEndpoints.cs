using CrmBpm.Crm.Deals;
using CrmBpm.Crm.Partners;
using CrmBpm.Engine.Errors;
using CrmBpm.Server.Api.Contracts;
using CrmBpm.Server.Deals;
using CrmBpm.Server.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrmBpm.Server.Api;

/// <summary>
/// /api/deals: a Manager sees and works their own deals, a Head the team's, an Administrator all. A direct stage change
/// of a process-controlled deal is refused with 409 naming the current stage and the task(s) to complete instead.
/// </summary>
public static class DealsEndpoints
{
    /// <summary>Maps the deal endpoints.</summary>
    public static RouteGroupBuilder MapDealsEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/deals").WithTags("Deals").RequireAuthorization(Policies.Work);
        group.MapGet("/", ListDeals).WithName("ListDeals").WithSummary("My deals (a Head: the team's), newest first, with filters; search matches the title or the partner's name.");
        group.MapGet("/{dealId:guid}", GetDeal).WithName("GetDeal").WithSummary("A deal with the open tasks of its process.");
        group.MapPost("/", OpenDeal).WithName("OpenDeal").WithSummary("Opens a deal; a process-controlled one starts its route map.");
        group.MapPost("/{dealId:guid}/stage", ChangeDealStage).WithName("ChangeDealStage")
            .WithSummary("Moves a manual-stage deal to any stage; a process-controlled deal refuses with 409 naming the task to complete.");
        group.MapPost("/{dealId:guid}/win", WinDeal).WithName("WinDeal").WithSummary("Closes the deal as won.");
        group.MapPost("/{dealId:guid}/lose", LoseDeal).WithName("LoseDeal").WithSummary("Closes the deal as lost with a loss reason.");
        group.MapPost("/{dealId:guid}/kind", ChangeDealKind).WithName("ChangeDealKind").WithSummary("Changes the deal's kind (process-controlled, manual stages, non-process).");
        group.MapGet("/{dealId:guid}/probability-estimate", EstimateDealProbability).WithName("EstimateDealProbability")
            .WithSummary("Share of won deals among closed ones that reached this stage (optionally same manager, partner, kind), with the sample size.");
        group.MapPut("/{dealId:guid}/details", EditDeal).WithName("EditDeal")
            .WithSummary("Corrects title, potential amount, expected close date, description, primary demand, interest and channel (each change logged); 409 when the deal changed since the version read.");
        group.MapPost("/{dealId:guid}/manager", ReassignDeal).WithName("ReassignDeal").RequireAuthorization(Policies.Supervise)
            .WithSummary("A Head (for the team) or an Administrator hands the deal to another manager; the open process tasks the old manager holds follow.");
        group.MapPost("/{dealId:guid}/probability", SetDealProbability).WithName("SetDealProbability").WithSummary("Sets the probability by hand or from the estimate.");
        return api;
    }

    /// <summary>List.</summary>
    public static async Task<Ok<PagedList<DealDto>>> ListDeals(
        DealService deals, PartnerService partners, WorkScope work, DealStatus? status, DealKind? kind, Guid? partnerId, string? managerId, string? stage, string? search,
        int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var paging = PageRequest.From(page, pageSize);
        var filter = new DealFilter { Status = status, Kind = kind, PartnerId = partnerId, ManagerId = managerId, Stage = stage, Search = search };
        var partnerNames = string.IsNullOrWhiteSpace(search) ? null : (await partners.ListAsync(cancellationToken)).ToDictionary(p => p.Id, p => p.Name);
        var visible = await filter.ListAsync(deals, work, partnerNames, cancellationToken);
        return TypedResults.Ok(paging.Apply(visible.Select(DealDto.From)));
    }

    /// <summary>Card.</summary>
    public static async Task<Ok<DealDetailsDto>> GetDeal(Guid dealId, DealService deals, WorkScope work, CancellationToken cancellationToken)
    {
        var deal = await VisibleDealAsync(dealId, deals, work, cancellationToken);
        return TypedResults.Ok(new DealDetailsDto(DealDto.From(deal), await deals.OpenTasksAsync(deal, cancellationToken)));
    }

    /// <summary>Open.</summary>
    public static async Task<Created<DealDto>> OpenDeal(OpenDealRequest request, DealService deals, WorkScope work, CancellationToken cancellationToken)
    {
        var managerId = string.IsNullOrWhiteSpace(request.ManagerId) ? work.User.Id : request.ManagerId.Trim();
        new Check().Required(request.Title, "title")
            .That(request.PartnerId is not null || request.LeadId is not null, "partnerId", "Give partnerId (or leadId to convert a lead).")
            .That(request.PotentialAmount is null or >= 0, "potentialAmount", "potentialAmount must not be negative.")
            .That(request.Probability is null or >= 0 and <= 100, "probability", "probability must be between 0 and 100.")
            .That(request.Kind != DealKind.ProcessControlled || !string.IsNullOrWhiteSpace(request.RouteMapKey), "routeMapKey", "A process-controlled deal needs routeMapKey (e.g. typical-sale).")
            .ThrowIfAny();
        if (!await work.CoversUserAsync(managerId, cancellationToken))
        {
            throw new ForbiddenException("deal.manager-not-allowed", $"You may open deals only for yourself{(work.User.IsHead ? " and your team" : "")}, not for {managerId}.");
        }

        var deal = await deals.OpenAsync(new OpenDeal
        {
            Details = new DealDetails
            {
                Title = request.Title!, PotentialAmount = request.PotentialAmount ?? 0, PrimaryDemand = request.PrimaryDemand,
                Interest = request.Interest, AdChannel = request.AdChannel,
            },
            PartnerId = request.PartnerId, LeadId = request.LeadId, ContactId = request.ContactId, ManagerId = managerId, OpenedBy = work.User.Id,
            Kind = request.Kind ?? DealKind.ManualStages, RouteMapKey = request.RouteMapKey, Stage = request.Stage, Probability = request.Probability,
            AllowDuplicates = request.AllowDuplicates,
        }, cancellationToken);
        return TypedResults.Created($"/api/deals/{deal.Id}", DealDto.From(deal));
    }

    /// <summary>Stage.</summary>
    public static async Task<Ok<DealDto>> ChangeDealStage(Guid dealId, ChangeStageRequest request, DealService deals, WorkScope work, CancellationToken cancellationToken)
    {
        new Check().Required(request.Stage, "stage").ThrowIfAny();
        await VisibleDealAsync(dealId, deals, work, cancellationToken);
        return TypedResults.Ok(DealDto.From(await deals.ChangeStageAsync(dealId, request.Stage!, work.User.Id, cancellationToken)));
    }

    /// <summary>Win.</summary>
    public static async Task<Ok<DealDto>> WinDeal(Guid dealId, WinDealRequest? request, DealService deals, WorkScope work, CancellationToken cancellationToken)
    {
        new Check().MaxLength(request?.Details, "details", 4000).ThrowIfAny();
        await VisibleDealAsync(dealId, deals, work, cancellationToken);
        return TypedResults.Ok(DealDto.From(await deals.WinAsync(dealId, work.User.Id, request?.Details, cancellationToken)));
    }

    /// <summary>Lose.</summary>
    public static async Task<Ok<DealDto>> LoseDeal(Guid dealId, LoseDealRequest request, DealService deals, WorkScope work, CancellationToken cancellationToken)
    {
        new Check().MaxLength(request.LossReason, "lossReason", 200).MaxLength(request.Details, "details", 4000).ThrowIfAny();
        await VisibleDealAsync(dealId, deals, work, cancellationToken);
        return TypedResults.Ok(DealDto.From(await deals.LoseAsync(dealId, request.LossReason, request.Details, work.User.Id, cancellationToken)));
    }

    /// <summary>Kind.</summary>
    public static async Task<Ok<DealDto>> ChangeDealKind(Guid dealId, ChangeKindRequest request, DealService deals, WorkScope work, CancellationToken cancellationToken)
    {
        new Check().Present(request.Kind, "kind")
            .That(request.Kind != DealKind.ProcessControlled || !string.IsNullOrWhiteSpace(request.RouteMapKey), "routeMapKey", "Putting a deal under process control needs routeMapKey.")
            .ThrowIfAny();
        await VisibleDealAsync(dealId, deals, work, cancellationToken);
        return TypedResults.Ok(DealDto.From(await deals.ChangeKindAsync(dealId, request.Kind!.Value, request.RouteMapKey, work.User.Id, cancellationToken)));
    }

    /// <summary>Edit.</summary>
    public static async Task<Ok<DealDto>> EditDeal(Guid dealId, EditDealRequest request, DealService deals, WorkScope work, CancellationToken cancellationToken)
    {
        new Check().Present(request.Version, "version").Required(request.Title, "title", 300)
            .That(request.PotentialAmount is null or >= 0, "potentialAmount", "potentialAmount must not be negative.")
            .MaxLength(request.Description, "description", 8000).MaxLength(request.PrimaryDemand, "primaryDemand", 4000)
            .MaxLength(request.Interest, "interest", 400).MaxLength(request.AdChannel, "adChannel", 200).ThrowIfAny();
        await VisibleDealAsync(dealId, deals, work, cancellationToken);
        var details = new DealDetails
        {
            Title = request.Title!, PotentialAmount = request.PotentialAmount ?? 0, ExpectedCloseDate = request.ExpectedCloseDate, Description = request.Description,
            PrimaryDemand = request.PrimaryDemand, Interest = request.Interest, AdChannel = request.AdChannel,
        };
        return TypedResults.Ok(DealDto.From(await deals.EditAsync(dealId, details, work.User.Id, request.Version, cancellationToken)));
    }

    /// <summary>Reassign.</summary>
    public static async Task<Ok<DealDto>> ReassignDeal(Guid dealId, ReassignDealRequest request, DealService deals, WorkScope work, UserDirectory directory, CancellationToken cancellationToken)
    {
        new Check().Required(request.ManagerId, "managerId").Present(request.Version, "version").ThrowIfAny();
        var managerId = request.ManagerId!.Trim();
        await VisibleDealAsync(dealId, deals, work, cancellationToken);
        new Check().That(await directory.FindAsync(managerId, cancellationToken) is not null, "managerId", $"There is no user '{managerId}'.").ThrowIfAny();
        if (!await work.CoversUserAsync(managerId, cancellationToken))
        {
            throw new ForbiddenException("deal.manager-not-allowed", $"You may hand deals only to managers of your team, not to {managerId}.");
        }

        return TypedResults.Ok(DealDto.From(await deals.ReassignAsync(dealId, managerId, work.User.Id, request.Version, cancellationToken)));
    }

    /// <summary>Estimate.</summary>
    public static async Task<Ok<ProbabilityEstimate>> EstimateDealProbability(
        Guid dealId, DealService deals, WorkScope work, bool? sameManager, bool? samePartner, bool? sameKind, CancellationToken cancellationToken)
    {
        await VisibleDealAsync(dealId, deals, work, cancellationToken);
        return TypedResults.Ok(await deals.EstimateProbabilityAsync(dealId, sameManager ?? false, samePartner ?? false, sameKind ?? false, cancellationToken));
    }

    /// <summary>Probability.</summary>
    public static async Task<Ok<DealDto>> SetDealProbability(Guid dealId, SetProbabilityRequest request, DealService deals, WorkScope work, CancellationToken cancellationToken)
    {
        new Check().That(request.UseEstimate || request.Percent is not null, "percent", "Give percent, or useEstimate=true.")
            .That(request.Percent is null or >= 0 and <= 100, "percent", "percent must be between 0 and 100.").ThrowIfAny();
        await VisibleDealAsync(dealId, deals, work, cancellationToken);
        var deal = request.UseEstimate
            ? await deals.ApplyEstimatedProbabilityAsync(dealId, request.SameManager, request.SamePartner, request.SameKind, cancellationToken)
            : await deals.SetProbabilityAsync(dealId, request.Percent!.Value, cancellationToken);
        return TypedResults.Ok(DealDto.From(deal));
    }

    private static async Task<Deal> VisibleDealAsync(Guid dealId, DealService deals, WorkScope work, CancellationToken cancellationToken)
    {
        var deal = await deals.GetAsync(dealId, cancellationToken);
        await work.EnsureCanSeeDealAsync(deal, cancellationToken);
        return deal;
    }
}
