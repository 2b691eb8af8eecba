namespace CrmBpm.Engine.Definitions;

/// <summary>
/// A route map: a directed graph of <see cref="Point"/>s joined by <see cref="Flow"/>s,
/// identified by key and version. Drafts are edited by replacing them; a published
/// version is frozen and instances stay on the version they started with.
/// </summary>
public sealed record RouteMap
{
    /// <summary>Stable identifier shared by all versions (e.g. <c>typical-sale</c>).</summary>
    public required string Key { get; init; }

    /// <summary>Version number, starting at 1. Assigned by the route map service.</summary>
    public int Version { get; init; } = 1;

    /// <summary>Human-readable name shown to consultants and managers.</summary>
    public string Name { get; init; } = "";

    /// <summary>Draft (editable) or Published (frozen, can be started).</summary>
    public RouteMapStatus Status { get; init; } = RouteMapStatus.Draft;

    /// <summary>The points of the map.</summary>
    public IReadOnlyList<Point> Points { get; init; } = [];

    /// <summary>The flows between points. The order of a point's outgoing flows is the order in which choice cases are evaluated.</summary>
    public IReadOnlyList<Flow> Flows { get; init; } = [];

    /// <summary>How the map is drawn; null when it was built in code (the BPMN exporter then lays it out).</summary>
    public MapDiagram? Diagram { get; init; }

    /// <summary>What another BPMN modeler wrote on the process and CrmBpm keeps without interpreting; null when nothing.</summary>
    public ForeignBpmn? Foreign { get; init; }

    /// <summary>Finds a point by id, or null.</summary>
    public Point? FindPoint(string pointId) => Points.FirstOrDefault(p => p.Id == pointId);

    /// <summary>Finds a flow by id, or null.</summary>
    public Flow? FindFlow(string flowId) => Flows.FirstOrDefault(f => f.Id == flowId);

    /// <summary>Flows leaving <paramref name="pointId"/>, in definition order.</summary>
    public IEnumerable<Flow> Outgoing(string pointId) => Flows.Where(f => f.SourceId == pointId);

    /// <summary>Flows entering <paramref name="pointId"/>, in definition order.</summary>
    public IEnumerable<Flow> Incoming(string pointId) => Flows.Where(f => f.TargetId == pointId);

    /// <summary>The single start point, or null when there is none or more than one.</summary>
    public StartPoint? Start => Points.OfType<StartPoint>().Count() == 1 ? Points.OfType<StartPoint>().Single() : null;
}
