namespace CrmBpm.Engine.Definitions;

/// <summary>
/// Goes to a link: BPMN's intermediate throw event with a <c>linkEventDefinition</c>. A token reaching it jumps at once to the
/// <see cref="LinkCatchPoint"/> of the same <see cref="LinkName"/> in the same scope (the process, or the sub-process it stands
/// in) and goes on from there, as if a flow joined them; it has no outgoing flow of its own. Modelers use pairs of links as
/// off-page connectors, to avoid long flows across a diagram.
/// </summary>
public sealed record LinkThrowPoint : Point
{
    /// <inheritdoc />
    public override string KindName => "Go to link";

    /// <summary>The link's name (BPMN's <c>linkEventDefinition name</c>), matched to the catch link of that name; empty only on a map being drawn.</summary>
    public string LinkName { get; init; } = "";
}
