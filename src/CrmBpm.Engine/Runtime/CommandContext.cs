using CrmBpm.Engine.Events;
using CrmBpm.Engine.Persistence;

namespace CrmBpm.Engine.Runtime;

/// <summary>The state of one command: its session (transaction), clock reading, actor and the events to publish after commit.</summary>
internal sealed class CommandContext(IWorkflowSession session, DateTimeOffset now, string actor)
{
    /// <summary>Counts durations that say they are working time (deadlines, reminders, timers).</summary>
    public Calendar.IBusinessCalendar Calendar { get; init; } = Engine.Calendar.EveryHourCalendar.Instance;

    private readonly HashSet<Guid> _touched = [];

    public IWorkflowSession Session { get; } = session;

    public DateTimeOffset Now { get; } = now;

    public string Actor { get; } = actor;

    /// <summary>The absent person the actor substitutes for in this command (set by task actions); recorded with every entry.</summary>
    public string? OnBehalfOf { get; set; }

    public List<EngineEvent> Events { get; } = [];

    /// <summary>Whether the command scheduled a job due now: after the commit the node's job executor is woken for it.</summary>
    public bool ScheduledJob { get; set; }

    /// <summary>How many signal broadcasts that start maps run inside one another now (guards maps that start each other on signals).</summary>
    public int SignalStartDepth { get; set; }

    /// <summary>Instances whose token loop is running in this command (guards re-entry from nested completions).</summary>
    public HashSet<Guid> Running { get; } = [];

    /// <summary>Marks the instance changed: its version goes up once per command, which is what commits check.</summary>
    public void Touch(ProcessInstance instance)
    {
        if (_touched.Add(instance.Id))
        {
            instance.Version++;
        }
    }

    /// <summary>Appends a history entry to the instance.</summary>
    public void Record(ProcessInstance instance, HistoryKind kind, string? pointId = null, string? fromPointId = null, string? flowId = null, Guid? taskId = null, string? details = null, string? actor = null)
    {
        Touch(instance);
        instance.HistoryCount++;
        Session.AddHistory(new HistoryEntry
        {
            InstanceId = instance.Id,
            Sequence = instance.HistoryCount,
            At = Now,
            Kind = kind,
            Actor = actor ?? Actor,
            OnBehalfOf = actor is null ? OnBehalfOf : null,
            PointId = pointId,
            FromPointId = fromPointId,
            FlowId = flowId,
            TaskId = taskId,
            Details = details,
        });
    }
}
