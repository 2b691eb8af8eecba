namespace CrmBpm.Engine.Runtime;

/// <summary>Kinds of history entries.</summary>
public enum HistoryKind
{
    /// <summary>The instance was started.</summary>
    InstanceStarted,

    /// <summary>A token moved along a flow.</summary>
    TokenMoved,

    /// <summary>A task was created.</summary>
    TaskCreated,

    /// <summary>A task was accepted into work.</summary>
    TaskAccepted,

    /// <summary>A task was completed.</summary>
    TaskCompleted,

    /// <summary>A task was redirected to another user.</summary>
    TaskRedirected,

    /// <summary>A task was postponed.</summary>
    TaskPostponed,

    /// <summary>A task was returned to its pool.</summary>
    TaskReturnedToPool,

    /// <summary>A task was cancelled.</summary>
    TaskCancelled,

    /// <summary>A task's deadline passed.</summary>
    TaskDeadlineReached,

    /// <summary>A reminder before a task's deadline fired.</summary>
    TaskReminder,

    /// <summary>A step of the task's escalation ladder fired (details: the step, and whom it concerns).</summary>
    TaskEscalated,

    /// <summary>A nested instance was started.</summary>
    ChildStarted,

    /// <summary>A nested instance completed and the parent continued.</summary>
    ChildCompleted,

    /// <summary>A token reached an automatic step and its job was committed; the handler runs after the command.</summary>
    JobScheduled,

    /// <summary>An automatic step's handler ran and returned; its variables were set and the token moved on.</summary>
    JobCompleted,

    /// <summary>A run of an automatic step's handler failed and will be tried again after the back-off (details: why, when).</summary>
    JobFailed,

    /// <summary>A token got stuck.</summary>
    IncidentRaised,

    /// <summary>An operator retried an incident.</summary>
    IncidentRetried,

    /// <summary>Variables were changed by an operator.</summary>
    VariablesChanged,

    /// <summary>The instance was suspended.</summary>
    InstanceSuspended,

    /// <summary>The instance was resumed.</summary>
    InstanceResumed,

    /// <summary>The instance was terminated.</summary>
    InstanceTerminated,

    /// <summary>The instance completed.</summary>
    InstanceCompleted,

    /// <summary>A token began to wait for a timer event (details: when it is due).</summary>
    TimerScheduled,

    /// <summary>A timer event fired and its token went on.</summary>
    TimerFired,

    /// <summary>A script step ran (details: the variable its value went to, if any).</summary>
    ScriptRun,

    /// <summary>A business error was thrown: by a handler, a worker, a person or an error end event (details: its code and message).</summary>
    ErrorThrown,

    /// <summary>An error boundary caught a business error and cancelled its activity (details: the code).</summary>
    ErrorCaught,

    /// <summary>A token began to wait for a message or a signal (details: its name and correlation key).</summary>
    EventSubscribed,

    /// <summary>A correlated message reached the instance and its token went on (details: the message's name).</summary>
    MessageReceived,

    /// <summary>A broadcast signal reached the instance and its token went on (details: the signal's name).</summary>
    SignalReceived,

    /// <summary>The instance threw a signal (details: its name and how many waits it reached).</summary>
    SignalThrown,

    /// <summary>An escalation throw or end event threw an escalation (details: its code, and who caught it or that nobody did).</summary>
    EscalationThrown,

    /// <summary>An escalation boundary or an escalation event sub-process caught an escalation (details: its code and where it came from).</summary>
    EscalationCaught,
}
