namespace CrmBpm.Engine.Definitions;

/// <summary>
/// Where a link lands: BPMN's intermediate catch event with a <c>linkEventDefinition</c>. It has no incoming flow; tokens come
/// from the <see cref="LinkThrowPoint"/>s of the same <see cref="LinkName"/> in its scope, and leave by its flows at once.
/// </summary>
public sealed record LinkCatchPoint : Point
{
    /// <inheritdoc />
    public override string KindName => "Link";

    /// <summary>The link's name (BPMN's <c>linkEventDefinition name</c>), unique among the catch links of its scope; empty only on a map being drawn.</summary>
    public string LinkName { get; init; } = "";
}
