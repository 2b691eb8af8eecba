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

    /// <summary>The variables an instance of the map is started with, as the map declares them (see <see cref="StartVariable"/>).</summary>
    public IReadOnlyList<StartVariable> StartVariables { get; init; } = [];

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

    /// <summary>
    /// Joins a map's key and a sub-process's id into the key of the derived map the sub-process's instances run
    /// (<c>order::check</c>, <c>order::check::inner</c>). No map key may contain it, so a derived key never names a stored map.
    /// </summary>
    public const string ScopeSeparator = "::";

    /// <summary>The key of the derived map of the sub-process <paramref name="subProcessId"/> inside the map (or derived map) <paramref name="key"/>.</summary>
    public static string ScopeKey(string key, string subProcessId) => key + ScopeSeparator + subProcessId;

    /// <summary>The stored map's key and the innermost sub-process of a derived key (null for a stored map's own key).</summary>
    public static (string MapKey, string? ScopeId) SplitScopeKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var first = key.IndexOf(ScopeSeparator, StringComparison.Ordinal);
        return first < 0 ? (key, null) : (key[..first], key[(key.LastIndexOf(ScopeSeparator, StringComparison.Ordinal) + ScopeSeparator.Length)..]);
    }

    /// <summary>
    /// The points and flows of one scope as a map of its own: the process level (<paramref name="scopeId"/> null: the map
    /// without anything inside its sub-processes) or the inside of one sub-process, keyed <see cref="ScopeKey"/> from
    /// <paramref name="parentKey"/> (the key of the scope around it; the map's own key by default), named like it, its points
    /// and flows standing at its process level (their <see cref="Point.ScopeId"/> null) and its drawing only theirs.
    /// </summary>
    public RouteMap Scope(string? scopeId, string? parentKey = null)
    {
        if (scopeId is null)
        {
            return Points.Any(p => p.ScopeId is not null) || Flows.Any(f => f.ScopeId is not null)
                ? this with { Points = [.. Points.Where(p => p.ScopeId is null)], Flows = [.. Flows.Where(f => f.ScopeId is null)] }
                : this;
        }

        var points = Points.Where(p => p.ScopeId == scopeId).Select(p => p with { ScopeId = null }).ToList();
        var flows = Flows.Where(f => f.ScopeId == scopeId).Select(f => f with { ScopeId = null }).ToList();
        var ids = points.Select(p => p.Id).Concat(flows.Select(f => f.Id)).ToHashSet(StringComparer.Ordinal);
        return this with
        {
            Key = ScopeKey(parentKey ?? Key, scopeId),
            Name = FindPoint(scopeId)?.DisplayName ?? scopeId,
            Points = points,
            Flows = flows,
            Diagram = Diagram is null ? null : Diagram with
            {
                Shapes = [.. Diagram.Shapes.Where(s => ids.Contains(s.ElementId))],
                Edges = [.. Diagram.Edges.Where(e => ids.Contains(e.ElementId))],
            },
        };
    }

    /// <summary>The single start point of the process level, or null when there is none or more than one.</summary>
    public StartPoint? Start => Points.OfType<StartPoint>().Where(p => p.ScopeId is null).ToList() is [var start] ? start : null;
}
