using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Validation;

/// <summary>Adjacency of a map restricted to flows whose both ends exist; shared by graph rules.</summary>
internal sealed class MapGraph
{
    private readonly Dictionary<string, List<Flow>> _outgoing = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Flow>> _incoming = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _boundaries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _attachedTo = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _jumps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _landings = new(StringComparer.Ordinal);

    public MapGraph(RouteMap map)
    {
        Map = map;
        foreach (var point in map.Points)
        {
            _outgoing.TryAdd(point.Id, []);
            _incoming.TryAdd(point.Id, []);
        }

        // A boundary event is reached through its activity, not along a flow: reachability steps from one to the other.
        foreach (var boundary in map.Points.OfType<IBoundaryEvent>().Where(b => _outgoing.ContainsKey(b.AttachedToId)))
        {
            if (!_boundaries.TryGetValue(boundary.AttachedToId, out var list))
            {
                _boundaries[boundary.AttachedToId] = list = [];
            }

            list.Add(boundary.Id);
            _attachedTo.TryAdd(boundary.Id, boundary.AttachedToId);
        }

        // A throw link leads on to its catch link as a flow would, though no flow joins them.
        foreach (var (throwId, target) in LinkTargets.Of(map.Points))
        {
            _jumps[throwId] = target.Id;
            if (!_landings.TryGetValue(target.Id, out var throws))
            {
                _landings[target.Id] = throws = [];
            }

            throws.Add(throwId);
        }

        foreach (var flow in map.Flows)
        {
            if (_outgoing.ContainsKey(flow.SourceId) && _incoming.ContainsKey(flow.TargetId))
            {
                _outgoing[flow.SourceId].Add(flow);
                _incoming[flow.TargetId].Add(flow);
            }
        }
    }

    public RouteMap Map { get; }

    public IReadOnlyList<Flow> Outgoing(string pointId) => _outgoing.TryGetValue(pointId, out var f) ? f : [];

    public IReadOnlyList<Flow> Incoming(string pointId) => _incoming.TryGetValue(pointId, out var f) ? f : [];

    /// <summary>The catch link a throw link jumps to; null for any other point, or a throw whose catch is missing.</summary>
    public string? JumpTarget(string pointId) => _jumps.GetValueOrDefault(pointId);

    /// <summary>
    /// Points reachable from <paramref name="from"/> following flows forwards (or backwards); an activity reaches the boundary
    /// events attached to it, and a throw link its catch link.
    /// </summary>
    public HashSet<string> Reach(IEnumerable<string> from, bool backwards = false)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        foreach (var id in from)
        {
            if (seen.Add(id))
            {
                queue.Enqueue(id);
            }
        }

        while (queue.TryDequeue(out var id))
        {
            var next = backwards
                ? Incoming(id).Select(f => f.SourceId).Concat(_attachedTo.TryGetValue(id, out var activity) ? [activity] : []).Concat(_landings.GetValueOrDefault(id) ?? [])
                : Outgoing(id).Select(f => f.TargetId).Concat(_boundaries.GetValueOrDefault(id) ?? []).Concat(_jumps.TryGetValue(id, out var target) ? [target] : []);
            foreach (var n in next)
            {
                if (seen.Add(n))
                {
                    queue.Enqueue(n);
                }
            }
        }

        return seen;
    }
}
