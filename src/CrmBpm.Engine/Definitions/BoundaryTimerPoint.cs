namespace CrmBpm.Engine.Definitions;

/// <summary>
/// A timer on the border of an activity: BPMN's <c>boundaryEvent</c> with a <c>timerEventDefinition</c>, attached
/// (<see cref="BoundaryEventPoint.AttachedToId"/>, BPMN's <c>attachedToRef</c>) to an Action or a Nested process. No flow leads into it: while a
/// token waits at the activity its timer runs, and when it fires a token leaves by the boundary's own flows. Interrupting
/// (<see cref="BoundaryEventPoint.CancelsActivity"/>, the default) cancels the activity first (its open tasks, or its nested instance); otherwise
/// the activity goes on and a cycle may fire again. When the activity finishes first the timer is cancelled.
/// </summary>
public sealed record BoundaryTimerPoint : BoundaryEventPoint
{
    /// <inheritdoc />
    public override string KindName => "Boundary timer";

    /// <summary>When it fires; a cycle (<c>R3/PT1H</c>) only on a non-interrupting timer. Null only on a map being drawn.</summary>
    public TimerDefinition? Timer { get; init; }
}
