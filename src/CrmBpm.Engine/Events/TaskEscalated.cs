using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Tasks;

namespace CrmBpm.Engine.Events;

/// <summary>
/// A step of a task's escalation ladder fired: <see cref="Step"/> (its number from 1 in <see cref="StepNumber"/>) and the
/// person it concerns — the holder to remind, the head to notify or the head the task now goes to; null when nobody was found
/// (a pool task's reminder, a department without a head) or for a default outcome. What a notification needs.
/// </summary>
public sealed record TaskEscalated(WorkTask Task, EscalationStep Step, int StepNumber, string? Person, DateTimeOffset At)
    : EngineEvent(Task.InstanceId, Task.MapKey, Task.Subject, At);
