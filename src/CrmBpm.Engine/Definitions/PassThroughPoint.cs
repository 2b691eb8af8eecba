namespace CrmBpm.Engine.Definitions;

/// <summary>
/// Passes the token on at once along its single outgoing flow: what another modeler's plain <c>task</c> or
/// <c>manualTask</c> (nobody is asked to do anything here) and an exclusive gateway that only joins flows mean when they
/// run. <see cref="Element"/> keeps the BPMN element it came from, so the file is written back as it was drawn.
/// </summary>
public sealed record PassThroughPoint : Point
{
    /// <inheritdoc />
    public override string KindName => "Pass-through";

    /// <summary>The BPMN element kind it was read from and is written as: <c>task</c>, <c>manualTask</c> or <c>exclusiveGateway</c>.</summary>
    public string Element { get; init; } = "task";
}
