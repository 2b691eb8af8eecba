namespace CrmBpm.Engine.Definitions;

/// <summary>
/// A signal on the border of an activity: BPMN's <c>boundaryEvent</c> with a <c>signalEventDefinition</c>. While a token waits
/// at the activity a signal subscription waits beside it; a broadcast of that name fires it (see <see cref="BoundaryEventPoint"/>).
/// </summary>
public sealed record BoundarySignalPoint : BoundaryEventPoint
{
    /// <inheritdoc />
    public override string KindName => "Boundary signal";

    /// <summary>The signal's name; empty only on a map being drawn.</summary>
    public string SignalName { get; init; } = "";
}
