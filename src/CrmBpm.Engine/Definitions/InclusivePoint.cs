namespace CrmBpm.Engine.Definitions;

/// <summary>
/// BPMN's inclusive gateway (OR). As a split it sends a token on every outgoing flow whose condition is true and every flow
/// without a condition, and on the default flow only when no other is taken; none is an incident naming the conditions. As a
/// join (two or more incoming flows) it waits until no token that can still arrive exists: for every incoming flow without a
/// token, no other token of the instance can reach that flow. One gateway may do both: it joins first, then splits.
/// </summary>
public sealed record InclusivePoint : Point, IHasDefaultFlow
{
    /// <inheritdoc />
    public override string KindName => "Inclusive gateway";

    /// <summary>The flow taken when no other outgoing flow is (all their conditions are false); optional, without a condition.</summary>
    public string? DefaultFlowId { get; init; }
}
