namespace CrmBpm.Engine.Definitions;

/// <summary>
/// An event on the border of an activity (BPMN's <c>boundaryEvent</c>): it names the activity it sits on, no flow leads into
/// it, and when it is triggered a token leaves by its own flows. Validation and layout treat every kind alike: it is reached
/// through its activity. Timers, messages and signals share <see cref="BoundaryEventPoint"/> (one way to wait and fire);
/// <see cref="BoundaryErrorPoint"/> is caught, never waited for, so it implements this alone.
/// </summary>
public interface IBoundaryEvent
{
    /// <summary>The boundary event's point id.</summary>
    string Id { get; }

    /// <summary>The id of the activity it sits on (BPMN's <c>attachedToRef</c>).</summary>
    string AttachedToId { get; }

    /// <summary>Interrupting (BPMN's <c>cancelActivity</c>): being triggered cancels the activity.</summary>
    bool CancelsActivity { get; }
}
