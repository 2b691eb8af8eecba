using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;

namespace CrmBpm.Engine.Events;

/// <summary>Something the engine did, published in-process after the command's transaction committed.</summary>
public abstract record EngineEvent(Guid InstanceId, string MapKey, SubjectReference? Subject, DateTimeOffset At);

/// <summary>An instance was started.</summary>
public sealed record InstanceStarted(Guid InstanceId, string MapKey, SubjectReference? Subject, DateTimeOffset At, Guid? ParentInstanceId)
    : EngineEvent(InstanceId, MapKey, Subject, At);

/// <summary>An instance completed; <paramref name="Result"/> is the result of its End, if any.</summary>
public sealed record InstanceCompleted(Guid InstanceId, string MapKey, SubjectReference? Subject, DateTimeOffset At, string? Result)
    : EngineEvent(InstanceId, MapKey, Subject, At);

/// <summary>An instance was terminated.</summary>
public sealed record InstanceTerminated(Guid InstanceId, string MapKey, SubjectReference? Subject, DateTimeOffset At, string? Reason)
    : EngineEvent(InstanceId, MapKey, Subject, At);

/// <summary>A token entered a point.</summary>
public sealed record PointEntered(Guid InstanceId, string MapKey, SubjectReference? Subject, DateTimeOffset At, string PointId, string? Stage)
    : EngineEvent(InstanceId, MapKey, Subject, At);

/// <summary>A token (<paramref name="TokenId"/>) got stuck; <paramref name="Code"/> is one of <see cref="IncidentCodes"/>.</summary>
public sealed record IncidentRaised(Guid InstanceId, string MapKey, SubjectReference? Subject, DateTimeOffset At, string PointId, string Message, string Code, Guid TokenId)
    : EngineEvent(InstanceId, MapKey, Subject, At);

/// <summary>A task was created.</summary>
public sealed record TaskCreated(WorkTask Task, DateTimeOffset At)
    : EngineEvent(Task.InstanceId, Task.MapKey, Task.Subject, At);

/// <summary>A task was completed.</summary>
public sealed record TaskCompleted(WorkTask Task, DateTimeOffset At)
    : EngineEvent(Task.InstanceId, Task.MapKey, Task.Subject, At);

/// <summary>A task was accepted, redirected, postponed or returned to its pool.</summary>
public sealed record TaskChanged(WorkTask Task, HistoryKind Change, DateTimeOffset At)
    : EngineEvent(Task.InstanceId, Task.MapKey, Task.Subject, At);

/// <summary>A task was cancelled.</summary>
public sealed record TaskCancelled(WorkTask Task, DateTimeOffset At)
    : EngineEvent(Task.InstanceId, Task.MapKey, Task.Subject, At);

/// <summary>A task's deadline passed while it was still active.</summary>
public sealed record TaskDeadlineReached(WorkTask Task, DateTimeOffset At)
    : EngineEvent(Task.InstanceId, Task.MapKey, Task.Subject, At);

/// <summary>A task's deadline is near.</summary>
public sealed record TaskReminderDue(WorkTask Task, DateTimeOffset At)
    : EngineEvent(Task.InstanceId, Task.MapKey, Task.Subject, At);
