using CrmBpm.Crm.Common;
using CrmBpm.Crm.Deals;

namespace CrmBpm.Server.Api.Contracts;

/// <summary>A deal.</summary>
public sealed record DealDto(
    Guid Id, string Title, Guid PartnerId, Guid? ContactId, string ManagerId, decimal PotentialAmount,
    decimal? Probability, bool ProbabilityIsEstimated, int? ProbabilitySampleSize, string PrimaryDemand, string Interest, string AdChannel,
    DealKind Kind, DealStatus Status, string? Stage, string? StageName, string? RouteMapKey, Guid? ProcessInstanceId,
    Guid? LossReasonId, string? ResultDetails, Guid? LeadId, string OpenedBy, DateTimeOffset OpenedAt, string? ClosedBy, DateTimeOffset? ClosedAt,
    IReadOnlyList<DealStageChange> StageChanges, DateOnly? ExpectedCloseDate, string Description, long Version, IReadOnlyList<FieldChange> ChangeLog)
{
    /// <summary>Maps a deal.</summary>
    public static DealDto From(Deal d) => new(
        d.Id, d.Title, d.PartnerId, d.ContactId, d.ManagerId, d.PotentialAmount, d.Probability, d.ProbabilityIsEstimated, d.ProbabilitySampleSize,
        d.PrimaryDemand, d.Interest, d.AdChannel, d.Kind, d.Status, d.Stage, d.StageName, d.RouteMapKey, d.ProcessInstanceId,
        d.LossReasonId, d.ResultDetails, d.LeadId, d.OpenedBy, d.OpenedAt, d.ClosedBy, d.ClosedAt, d.StageChanges,
        d.ExpectedCloseDate, d.Description, d.Version, d.ChangeLog);
}

/// <summary>
/// Correcting a deal's details: the whole set as the card shows it (what is left empty is cleared), with the
/// <c>version</c> read, so an edit on an outdated copy is refused with 409 instead of overwriting someone else's.
/// </summary>
public sealed record EditDealRequest(
    long? Version, string? Title, decimal? PotentialAmount, DateOnly? ExpectedCloseDate, string? Description, string? PrimaryDemand, string? Interest, string? AdChannel);

/// <summary>Handing a deal to another manager (a Head for the team, an Administrator for anyone), with the <c>version</c> read.</summary>
public sealed record ReassignDealRequest(string? ManagerId, long? Version);

/// <summary>A deal card: the deal and the open tasks of its process (what moves it on).</summary>
public sealed record DealDetailsDto(DealDto Deal, IReadOnlyList<BlockingTask> OpenTasks);

/// <summary>Opening a deal. A Manager opens deals for themself; a Head for the team; an Administrator for anyone.</summary>
public sealed record OpenDealRequest(
    string? Title, Guid? PartnerId, Guid? LeadId, Guid? ContactId, string? ManagerId, decimal? PotentialAmount, decimal? Probability,
    string? PrimaryDemand, string? Interest, string? AdChannel, DealKind? Kind, string? RouteMapKey, string? Stage, bool AllowDuplicates);

/// <summary>A direct stage change (manual-stage deals only).</summary>
public sealed record ChangeStageRequest(string? Stage);

/// <summary>Winning a deal.</summary>
public sealed record WinDealRequest(string? Details);

/// <summary>Losing a deal: loss reason (catalogue id, code or name; the default one when empty) and details.</summary>
public sealed record LoseDealRequest(string? LossReason, string? Details);

/// <summary>Changing the kind: manual → process starts the map at the current stage; process → manual terminates the process.</summary>
public sealed record ChangeKindRequest(DealKind? Kind, string? RouteMapKey);

/// <summary>Setting the probability by hand (<c>percent</c>) or from history (<c>useEstimate</c> with the filters).</summary>
public sealed record SetProbabilityRequest(decimal? Percent, bool UseEstimate, bool SameManager, bool SamePartner, bool SameKind);
