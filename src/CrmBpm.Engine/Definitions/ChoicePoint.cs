namespace CrmBpm.Engine.Definitions;

/// <summary>
/// Picks one of several outgoing flows: the flows' conditions are evaluated in order and the
/// first true one is taken; otherwise the default flow; otherwise the instance gets an incident.
/// </summary>
public sealed record ChoicePoint : Point, IHasDefaultFlow
{
    /// <inheritdoc />
    public override string KindName => "Choice";

    /// <summary>The flow taken when no case matches; optional.</summary>
    public string? DefaultFlowId { get; init; }
}
