namespace CrmBpm.Engine.Tasks;

/// <summary>The part of a <see cref="WorkTask"/> that changes after creation.</summary>
public sealed record WorkTaskState(
    string? AssigneeId,
    WorkTaskStatus Status,
    DateTimeOffset? PostponedUntil,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? ClosedAt,
    string? CompletedBy,
    string? Outcome,
    string? Comment);
