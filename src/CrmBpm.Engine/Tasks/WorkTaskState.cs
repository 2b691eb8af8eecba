namespace CrmBpm.Engine.Tasks;

/// <summary>
/// The part of a <see cref="WorkTask"/> that changes after creation. The pool too: a supervisor hands an unassigned task to a
/// role's pool (<see cref="ITaskService.RedirectToPoolAsync"/>).
/// </summary>
public sealed record WorkTaskState(
    string? PerformerRole,
    string? PerformerAddressingObject,
    string? AssigneeId,
    WorkTaskStatus Status,
    DateTimeOffset? PostponedUntil,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? ClosedAt,
    string? CompletedBy,
    string? Outcome,
    string? Comment);
