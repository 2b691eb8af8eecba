namespace CrmBpm.Engine.Definitions;

/// <summary>
/// How a route map is drawn: a shape per point and an edge per flow (BPMN DI). Optional — a map built in
/// code has none, and the BPMN exporter then lays it out left to right.
/// </summary>
public sealed record MapDiagram
{
    /// <summary>Id of the BPMN diagram element; null means the exporter's default (<c>{key}_diagram</c>).</summary>
    public string? Id { get; init; }

    /// <summary>Id of the BPMN plane element; null means the exporter's default (<c>{key}_plane</c>).</summary>
    public string? PlaneId { get; init; }

    /// <summary>
    /// The element the plane draws when it is not the process itself: the collaboration whose pools hold this map
    /// (and, drawn in the same plane, the other maps of the file); null for the process.
    /// </summary>
    public string? PlaneElement { get; init; }

    /// <summary>Shapes of points (and of the kept lanes, pools, annotations and data of the file), in drawing order.</summary>
    public IReadOnlyList<DiagramShape> Shapes { get; init; } = [];

    /// <summary>Edges of flows, in drawing order.</summary>
    public IReadOnlyList<DiagramEdge> Edges { get; init; } = [];

    /// <summary>The shape of a point, or null.</summary>
    public DiagramShape? FindShape(string pointId) => Shapes.FirstOrDefault(s => s.ElementId == pointId);

    /// <summary>The edge of a flow, or null.</summary>
    public DiagramEdge? FindEdge(string flowId) => Edges.FirstOrDefault(e => e.ElementId == flowId);
}
