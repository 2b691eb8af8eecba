namespace CrmBpm.Engine.Definitions;

/// <summary>What a step of an Action's escalation ladder does when its time comes.</summary>
public enum EscalationStepKind
{
    /// <summary>Reminds the task's holder (or its pool), <see cref="EscalationStep.Duration"/> before the deadline.</summary>
    RemindPerformer,

    /// <summary>Notifies the head of the holder's department, <see cref="EscalationStep.Duration"/> after the deadline (PT0S: at it).</summary>
    NotifyHead,

    /// <summary>Hands the task to the head of its addressing object (or of the holder's department), that long after the deadline.</summary>
    ReassignToHead,

    /// <summary>Completes the task with <see cref="EscalationStep.Outcome"/> on behalf of the system, that long after the deadline; the last step.</summary>
    DefaultOutcome,
}
