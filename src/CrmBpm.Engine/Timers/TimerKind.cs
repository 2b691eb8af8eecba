namespace CrmBpm.Engine.Timers;

/// <summary>What a due timer means.</summary>
public enum TimerKind
{
    /// <summary>A task's deadline passed.</summary>
    Deadline,

    /// <summary>A task's deadline is near.</summary>
    Reminder,

    /// <summary>
    /// A step of an Action's escalation ladder is due: <see cref="TimerRecord.TaskId"/> is the task, <see cref="TimerRecord.Attempt"/>
    /// the step's number (1 for the first of <see cref="Definitions.ActionPoint.Escalation"/>). Fired by <see cref="EscalationLadder"/>.
    /// </summary>
    Escalation,

    /// <summary>
    /// An automatic step's handler is to run (due at once, or after a retry's back-off): a job. It belongs to the token
    /// waiting at the step (<see cref="TimerRecord.TaskId"/> holds the token's id) and is run by <see cref="Jobs.JobRunner"/>.
    /// </summary>
    Job,

    /// <summary>
    /// A timer event is due: a token waiting at a <see cref="Definitions.TimerWaitPoint"/> goes on
    /// (<see cref="TimerRecord.TaskId"/> holds the waiting token's id). Fired by <see cref="TimerEvents"/>.
    /// </summary>
    TimerEvent,

    /// <summary>
    /// A boundary timer is due on an activity (an Action or a Nested process): <see cref="TimerRecord.TaskId"/> holds the token
    /// waiting at the activity, <see cref="TimerRecord.PointId"/> the boundary event. Fired by <see cref="TimerEvents"/>. Also the
    /// timer start of an event sub-process: <see cref="TimerRecord.TaskId"/> is then the scope instance's own id and
    /// <see cref="TimerRecord.PointId"/> the event sub-process (see <see cref="Runtime.EventSubProcesses"/>).
    /// </summary>
    BoundaryTimer,

    /// <summary>
    /// A timer start event is due: an instance of <see cref="TimerRecord.MapKey"/> version <see cref="TimerRecord.MapVersion"/>
    /// starts, and the schedule's next start is added in the same command. <see cref="TimerRecord.InstanceId"/> is empty and
    /// <see cref="TimerRecord.TaskId"/> names the schedule of that version (<see cref="TimerRecord.StartScheduleId"/>). Fired by <see cref="StartTimers"/>.
    /// </summary>
    StartTimer,

    /// <summary>
    /// A message subscription: a token waits for a message named <see cref="TimerRecord.EventName"/> (at a
    /// <see cref="Definitions.MessageWaitPoint"/>, or beside an activity for a <see cref="Definitions.BoundaryMessagePoint"/>, named
    /// by <see cref="TimerRecord.PointId"/>), or the message start of an event sub-process (<see cref="TimerRecord.TaskId"/> the scope
    /// instance's id). Never due: the poller never takes it; <see cref="Runtime.IProcessEngine.CorrelateAsync"/> fires it.
    /// </summary>
    MessageSubscription,

    /// <summary>
    /// A signal subscription: as <see cref="MessageSubscription"/>, for a signal named <see cref="TimerRecord.EventName"/>; fired by a broadcast.
    /// </summary>
    SignalSubscription,
}
