namespace CrmBpm.Engine.Definitions;

/// <summary>
/// Passes the token on at once: what another modeler's plain <c>task</c> or <c>manualTask</c> (nobody is asked to do
/// anything here) and an exclusive gateway that only joins flows mean when they run. A task leaves like an Action (every
/// flow without a condition or whose condition holds, else the default flow); a joining gateway has one way out.
/// <see cref="Element"/> keeps the BPMN element it came from, so the file is written back as it was drawn.
/// </summary>
public sealed record PassThroughPoint : Point, IHasDefaultFlow
{
    /// <inheritdoc />
    public override string KindName => "Pass-through";

    /// <summary>The BPMN element kind it was read from and is written as: <c>task</c>, <c>manualTask</c> or <c>exclusiveGateway</c>.</summary>
    public string Element { get; init; } = "task";

    /// <summary>
    /// The flow taken when no other outgoing flow is (all their conditions are false); optional. It has no condition of its own.
    /// </summary>
    public string? DefaultFlowId { get; init; }
}
