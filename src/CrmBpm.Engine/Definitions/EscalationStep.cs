namespace CrmBpm.Engine.Definitions;

/// <summary>
/// One step of an Action's escalation ladder (<see cref="ActionPoint.Escalation"/>): what happens (<see cref="Kind"/>) and
/// when, counted from the task's deadline — before it for a reminder, after it for the others — in working time when the
/// deadline is (<see cref="Deadline.InWorkingTime"/>). In BPMN a step is a boundary timer on the user task carrying
/// <c>crm:escalation</c>; <see cref="Id"/> and <see cref="Name"/> are that event's.
/// </summary>
public sealed record EscalationStep
{
    /// <summary>The id of the boundary event the step is drawn as.</summary>
    public string Id { get; init; } = "";

    /// <summary>The label drawn beside it; empty means none.</summary>
    public string Name { get; init; } = "";

    /// <summary>What the step does.</summary>
    public EscalationStepKind Kind { get; init; }

    /// <summary>ISO 8601 duration from the deadline: before it for <see cref="EscalationStepKind.RemindPerformer"/>, after it otherwise.</summary>
    public string Duration { get; init; } = "PT0S";

    /// <summary>For <see cref="EscalationStepKind.DefaultOutcome"/>: the outcome the task is completed with (one of the action's outcomes, if it has any).</summary>
    public string? Outcome { get; init; }

    /// <summary>Whether the step counts back from the deadline (a reminder) rather than on from it.</summary>
    public bool BeforeDeadline => Kind == EscalationStepKind.RemindPerformer;
}
