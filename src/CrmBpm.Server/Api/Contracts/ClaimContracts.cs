using CrmBpm.Crm.Claims;
using CrmBpm.Crm.Common;

namespace CrmBpm.Server.Api.Contracts;

/// <summary>An item of a claim's action plan.</summary>
public sealed record PlanItemDto(Guid Id, string Title, string PerformerId, DateTimeOffset Deadline, bool AddedLate, PlanItemStatus Status, Guid? TaskId, string? CompletedBy, DateTimeOffset? CompletedAt)
{
    /// <summary>Maps a plan item.</summary>
    public static PlanItemDto From(ClaimPlanItem i) => new(i.Id, i.Title, i.PerformerId, i.Deadline, i.AddedLate, i.Status, i.TaskId, i.CompletedBy, i.CompletedAt);
}

/// <summary>A claim with its plan.</summary>
public sealed record ClaimDto(
    Guid Id, Guid PartnerId, Guid ReasonId, Guid? DepartmentId, string ResponsibleId, string Description, string RegisteredBy, DateTimeOffset RegisteredAt,
    ClaimStatus Status, ClaimResult? Result, string? ResultDetails, string? ClosedBy, DateTimeOffset? ClosedAt, Guid? ProcessInstanceId,
    IReadOnlyList<ClaimAttachment> Attachments, IReadOnlyList<PlanItemDto> PlanItems, long Version, IReadOnlyList<FieldChange> ChangeLog)
{
    /// <summary>Maps a claim.</summary>
    public static ClaimDto From(Claim c) => new(
        c.Id, c.PartnerId, c.ReasonId, c.DepartmentId, c.ResponsibleId, c.Description, c.RegisteredBy, c.RegisteredAt, c.Status, c.Result,
        c.ResultDetails, c.ClosedBy, c.ClosedAt, c.ProcessInstanceId, c.Attachments, [.. c.PlanItems.Select(PlanItemDto.From)], c.Version, c.ChangeLog);
}

/// <summary>A plan item to add: what, who, by when.</summary>
public sealed record PlanItemRequestDto(string? Title, string? PerformerId, DateTimeOffset? Deadline);

/// <summary>Correcting an open plan item: what, who, by when, with the claim's <c>version</c> read.</summary>
public sealed record EditPlanItemRequest(string? Title, string? PerformerId, DateTimeOffset? Deadline, long? Version);

/// <summary>Registering a claim for any partner (reason and department: catalogue id, code or name).</summary>
public sealed record RegisterClaimRequest(Guid? PartnerId, string? Reason, string? Department, string? ResponsibleId, string? Description, IReadOnlyList<PlanItemRequestDto>? Plan);

/// <summary>The decision.</summary>
public sealed record DecideClaimRequest(ClaimResult? Result, string? Details);
