namespace CrmBpm.Engine.Definitions;

/// <summary>
/// An event on the border of an activity: BPMN's <c>boundaryEvent</c>, attached (<see cref="AttachedToId"/>, BPMN's
/// <c>attachedToRef</c>) to an Action, a Nested process, an Automatic step or a receive task. No flow leads into it: while a token waits at
/// the activity, the boundary's wait (a timer, a message or a signal subscription) is persisted beside the token; when it
/// fires, a token leaves by the boundary's own flows. Interrupting (<see cref="CancelsActivity"/>, the default) cancels the
/// activity first; otherwise the activity goes on. When the activity finishes first the wait is removed.
/// </summary>
public abstract record BoundaryEventPoint : Point, IBoundaryEvent
{
    /// <summary>The point kinds a boundary event can be attached to: the activities a token waits at (for people, a nested process, a handler or a message).</summary>
    public static bool CanCarry(Point activity) => activity is ActionPoint or NestedProcessPoint or SubProcessPoint { TriggeredByEvent: false } or ServicePoint or MessageWaitPoint { IsReceiveTask: true };

    /// <summary>The id of the activity it sits on.</summary>
    public string AttachedToId { get; init; } = "";

    /// <summary>Interrupting (BPMN's <c>cancelActivity</c>, true by default): firing cancels the activity.</summary>
    public bool CancelsActivity { get; init; } = true;
}
