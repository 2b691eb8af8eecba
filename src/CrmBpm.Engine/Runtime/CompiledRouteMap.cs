using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Runtime;

/// <summary>A published route map indexed for execution (points by id, flows by source and target).</summary>
internal sealed class CompiledRouteMap
{
    private readonly Dictionary<string, Point> _points;
    private readonly Dictionary<string, List<Flow>> _outgoing;
    private readonly Dictionary<string, List<Flow>> _incoming;
    private readonly Dictionary<string, List<BoundaryEventPoint>> _boundaries;
    private readonly Dictionary<string, List<BoundaryErrorPoint>> _errorBoundaries;

    /// <param name="map">The scope instances run (a map's process level, or the inside of one sub-process).</param>
    /// <param name="whole">The stored map the scope belongs to, holding its event sub-processes' inner points; the scope itself by default.</param>
    public CompiledRouteMap(RouteMap map, RouteMap? whole = null)
    {
        Map = map;
        whole ??= map;
        var starts = whole.Points.OfType<StartPoint>().Where(s => s.ScopeId is not null).GroupBy(s => s.ScopeId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        EventSubProcesses = [.. map.Points.OfType<SubProcessPoint>().Where(p => p.TriggeredByEvent && starts.ContainsKey(p.Id)).Select(p => (p, starts[p.Id]))];
        _points = map.Points.ToDictionary(p => p.Id, StringComparer.Ordinal);
        _outgoing = map.Flows.GroupBy(f => f.SourceId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        _incoming = map.Flows.GroupBy(f => f.TargetId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        _boundaries = map.Points.OfType<BoundaryEventPoint>().GroupBy(b => b.AttachedToId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        _errorBoundaries = map.Points.OfType<BoundaryErrorPoint>().GroupBy(b => b.AttachedToId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
    }

    public RouteMap Map { get; }

    /// <summary>The event sub-processes standing in this scope, each with its start event (whose trigger starts it).</summary>
    public IReadOnlyList<(SubProcessPoint SubProcess, StartPoint Start)> EventSubProcesses { get; }

    public Point Point(string id) =>
        _points.TryGetValue(id, out var point) ? point : throw new InvalidOperationException($"Route map '{Map.Key}' v{Map.Version} has no point '{id}'.");

    public IReadOnlyList<Flow> Outgoing(string pointId) => _outgoing.TryGetValue(pointId, out var f) ? f : [];

    public IReadOnlyList<Flow> Incoming(string pointId) => _incoming.TryGetValue(pointId, out var f) ? f : [];

    /// <summary>The boundary events (timers, messages, signals) attached to an activity, in map order.</summary>
    public IReadOnlyList<BoundaryEventPoint> Boundaries(string activityId) => _boundaries.TryGetValue(activityId, out var b) ? b : [];

    /// <summary>The error boundaries attached to an activity, in map order.</summary>
    public IReadOnlyList<BoundaryErrorPoint> ErrorBoundaries(string activityId) => _errorBoundaries.TryGetValue(activityId, out var b) ? b : [];
}
