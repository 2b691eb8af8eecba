namespace CrmBpm.Engine.Definitions;

/// <summary>
/// A timer on the border of an activity: BPMN's <c>boundaryEvent</c> with a <c>timerEventDefinition</c>, attached
/// (<see cref="AttachedToId"/>, BPMN's <c>attachedToRef</c>) to an Action or a Nested process. No flow leads into it: while a
/// token waits at the activity its timer runs, and when it fires a token leaves by the boundary's own flows. Interrupting
/// (<see cref="CancelsActivity"/>, the default) cancels the activity first (its open tasks, or its nested instance); otherwise
/// the activity goes on and a cycle may fire again. When the activity finishes first the timer is cancelled.
/// </summary>
public sealed record BoundaryTimerPoint : Point, IBoundaryEvent
{
    /// <summary>The point kinds a boundary timer can be attached to: those a token waits at for people or a nested process.</summary>
    public static bool CanCarry(Point activity) => activity is ActionPoint or NestedProcessPoint;

    /// <inheritdoc />
    public override string KindName => "Boundary timer";

    /// <summary>The id of the activity it sits on.</summary>
    public string AttachedToId { get; init; } = "";

    /// <summary>Interrupting (BPMN's <c>cancelActivity</c>, true by default): firing cancels the activity.</summary>
    public bool CancelsActivity { get; init; } = true;

    /// <summary>When it fires; a cycle (<c>R3/PT1H</c>) only on a non-interrupting timer. Null only on a map being drawn.</summary>
    public TimerDefinition? Timer { get; init; }
}
