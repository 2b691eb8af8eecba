namespace CrmBpm.Engine.Definitions;

/// <summary>Where every instance begins. Exactly one per map; no incoming flow; one outgoing.</summary>
public sealed record StartPoint : Point
{
    /// <inheritdoc />
    public override string KindName => "Start";

    /// <summary>
    /// A message start (BPMN's start event with a <c>messageEventDefinition</c>): a message of this name that no waiting
    /// instance takes starts the latest published version of the map; null for a plain start.
    /// </summary>
    public string? MessageName { get; init; }
}
