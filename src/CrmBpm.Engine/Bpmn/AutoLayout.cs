using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Bpmn;

/// <summary>
/// A simple left-to-right layout for maps without a diagram (built in code), so exported files open tidily
/// in bpmn.io: points in columns by their longest distance from the start, one row per parallel path,
/// orthogonal edges, loops drawn around the shapes. Deterministic: the same map always gets the same drawing.
/// </summary>
public static class AutoLayout
{
    private const double ColumnWidth = 170;
    private const double RowHeight = 130;
    private const double Left = 170;
    private const double Top = 120;
    private const double Clearance = 40;

    /// <summary>The drawing of <paramref name="map"/>: a shape for every point, an edge for every flow between known points.</summary>
    public static MapDiagram Create(RouteMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var order = map.Points.Select((p, i) => (p.Id, i)).GroupBy(x => x.Id).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        var flows = map.Flows.Where(f => order.ContainsKey(f.SourceId) && order.ContainsKey(f.TargetId)).ToList();
        var backEdges = FindBackEdges(map, flows);
        var forward = flows.Where(f => !backEdges.Contains(f.Id)).ToList();
        // A boundary event is laid out as if a flow led from its activity to it (so what follows it comes after the activity),
        // then drawn on the activity's lower border, as bpmn.io draws an attached event.
        var attached = map.Points.OfType<IBoundaryEvent>().Where(b => order.ContainsKey(b.AttachedToId)).ToList();
        var layered = forward.Concat(attached.Select(b => new Flow { Id = "", SourceId = b.AttachedToId, TargetId = b.Id })).ToList();
        var layer = AssignLayers(map, layered, order);
        var row = AssignRows(layered, layer, order);

        var bounds = new Dictionary<string, DiagramBounds>(StringComparer.Ordinal);
        var shapes = new List<DiagramShape>();
        foreach (var point in map.Points.Where(p => !bounds.ContainsKey(p.Id)))
        {
            var (width, height) = SizeOf(point);
            var cx = Left + (layer[point.Id] * ColumnWidth);
            var cy = Top + (row[point.Id] * RowHeight);
            var b = new DiagramBounds(cx - (width / 2), cy - (height / 2), width, height);
            bounds[point.Id] = b;
            shapes.Add(new DiagramShape
            {
                ElementId = point.Id,
                Bounds = b,
                ForeignAttributes = point is ConditionPoint or ChoicePoint ? [new ForeignAttribute("", "isMarkerVisible", "true")] : [],
            });
        }

        var columns = Columns.Of(layer, row, bounds);
        foreach (var group in attached.GroupBy(b => b.AttachedToId, StringComparer.Ordinal))
        {
            var activity = bounds[group.Key];
            foreach (var (boundary, i) in group.Select((b, i) => (b, i)))
            {
                var b = new DiagramBounds(activity.X + activity.Width - 28 - (i * 40), activity.Y + activity.Height - 18, 36, 36);
                bounds[boundary.Id] = b;
                var index = shapes.FindIndex(s => s.ElementId == boundary.Id);
                shapes[index] = shapes[index] with { Bounds = b };
            }
        }

        var kinds = map.Points.GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var edges = flows.Select(f => new DiagramEdge
        {
            ElementId = f.Id,
            Waypoints = backEdges.Contains(f.Id)
                ? RouteBack(bounds[f.SourceId], bounds[f.TargetId], f, layer, row, columns)
                : RouteForward(bounds[f.SourceId], bounds[f.TargetId], kinds[f.SourceId], kinds[f.TargetId]),
        }).ToList();
        return new MapDiagram { Shapes = shapes, Edges = edges };
    }

    /// <summary>
    /// The map's drawing with a shape for every point and an edge for every flow: a partial drawing (points added in code,
    /// or a file whose edges name other elements) is completed from the automatic layout; a complete one is returned as is.
    /// </summary>
    public static MapDiagram Complete(RouteMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var diagram = map.Diagram ?? Create(map);
        // The inside of a sub-process drawn on a plane of its own is drawn there, never again in the map's plane.
        var elsewhere = DrawnOnOtherPlanes(map);
        var shaped = diagram.Shapes.Select(s => s.ElementId).Concat(elsewhere).ToHashSet(StringComparer.Ordinal);
        var edged = diagram.Edges.Select(e => e.ElementId).Concat(elsewhere).ToHashSet(StringComparer.Ordinal);
        if (map.Points.All(p => shaped.Contains(p.Id)) && map.Flows.All(f => edged.Contains(f.Id)))
        {
            return diagram;
        }

        var auto = Create(map);
        return diagram with
        {
            Shapes = [.. diagram.Shapes, .. auto.Shapes.Where(s => !shaped.Contains(s.ElementId))],
            Edges = [.. diagram.Edges, .. auto.Edges.Where(e => !edged.Contains(e.ElementId))],
        };
    }

    /// <summary>The ids of the points and flows inside a sub-process with a plane of its own, at any depth.</summary>
    private static HashSet<string> DrawnOnOtherPlanes(RouteMap map)
    {
        var elsewhere = new HashSet<string>(StringComparer.Ordinal);
        var scopes = new Queue<string>(map.Points.OfType<SubProcessPoint>().Where(s => s.HasOwnPlane).Select(s => s.Id));
        while (scopes.TryDequeue(out var scope))
        {
            foreach (var point in map.Points.Where(p => p.ScopeId == scope && elsewhere.Add(p.Id) && p is SubProcessPoint))
            {
                scopes.Enqueue(point.Id);
            }

            elsewhere.UnionWith(map.Flows.Where(f => f.ScopeId == scope).Select(f => f.Id));
        }

        return elsewhere;
    }

    /// <summary>Size of a point's shape, as bpmn.io draws it.</summary>
    public static (double Width, double Height) SizeOf(Point point) => point switch
    {
        StartPoint { IsReceiveTask: true } => (100, 80),
        StartPoint or EndPoint or TimerWaitPoint or IBoundaryEvent or MessageWaitPoint { IsReceiveTask: false } or SignalWaitPoint or SignalThrowPoint or LinkThrowPoint or LinkCatchPoint or EscalationThrowPoint or KeptPoint { Element: "boundaryEvent" or "intermediateCatchEvent" or "intermediateThrowEvent" } => (36, 36),
        KeptPoint { Element: "eventBasedGateway" or "complexGateway" } => (50, 50),
        ActionPoint or NestedProcessPoint or SubProcessPoint or MessageWaitPoint or KeptPoint or PassThroughPoint { Element: not "exclusiveGateway" } => (100, 80),
        _ => (50, 50),
    };

    private static HashSet<string> FindBackEdges(RouteMap map, List<Flow> flows)
    {
        var outgoing = flows.GroupBy(f => f.SourceId).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 = on the path, 2 = done
        var back = new HashSet<string>(StringComparer.Ordinal);
        var roots = map.Points.OfType<StartPoint>().Select(p => p.Id).Concat(map.Points.Select(p => p.Id));
        foreach (var root in roots)
        {
            if (state.ContainsKey(root))
            {
                continue;
            }

            var stack = new Stack<(string Id, int Next)>();
            stack.Push((root, 0));
            state[root] = 1;
            while (stack.Count > 0)
            {
                var (id, next) = stack.Pop();
                var edges = outgoing.GetValueOrDefault(id) ?? [];
                if (next >= edges.Count)
                {
                    state[id] = 2;
                    continue;
                }

                stack.Push((id, next + 1));
                var flow = edges[next];
                switch (state.GetValueOrDefault(flow.TargetId))
                {
                    case 1:
                        back.Add(flow.Id);
                        break;
                    case 0:
                        state[flow.TargetId] = 1;
                        stack.Push((flow.TargetId, 0));
                        break;
                }
            }
        }

        return back;
    }

    private static Dictionary<string, int> AssignLayers(RouteMap map, List<Flow> forward, Dictionary<string, int> order)
    {
        var layer = map.Points.Select(p => p.Id).Distinct(StringComparer.Ordinal).ToDictionary(id => id, _ => 0, StringComparer.Ordinal);
        var indegree = layer.Keys.ToDictionary(id => id, _ => 0, StringComparer.Ordinal);
        foreach (var flow in forward)
        {
            indegree[flow.TargetId]++;
        }

        var outgoing = forward.ToLookup(f => f.SourceId, StringComparer.Ordinal);
        var ready = new PriorityQueue<string, int>();
        foreach (var (id, degree) in indegree.Where(x => x.Value == 0))
        {
            ready.Enqueue(id, order[id]);
        }

        while (ready.TryDequeue(out var id, out _))
        {
            foreach (var flow in outgoing[id])
            {
                layer[flow.TargetId] = Math.Max(layer[flow.TargetId], layer[id] + 1);
                if (--indegree[flow.TargetId] == 0)
                {
                    ready.Enqueue(flow.TargetId, order[flow.TargetId]);
                }
            }
        }

        return layer;
    }

    private static Dictionary<string, int> AssignRows(List<Flow> forward, Dictionary<string, int> layer, Dictionary<string, int> order)
    {
        var row = new Dictionary<string, int>(StringComparer.Ordinal);
        var incoming = forward.ToLookup(f => f.TargetId, StringComparer.Ordinal);
        // The position of each flow among its source's forward flows (the first flow of an id, as FindIndex gave).
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var group in forward.GroupBy(f => f.SourceId, StringComparer.Ordinal))
        {
            var i = 0;
            foreach (var flow in group)
            {
                position.TryAdd(group.Key + "\n" + flow.Id, i++);
            }
        }

        foreach (var group in layer.GroupBy(x => x.Value).OrderBy(g => g.Key))
        {
            var wanted = group.Select(x => x.Key).Select(id =>
            {
                var preferred = incoming[id].Where(f => row.ContainsKey(f.SourceId))
                    .Select(f => row[f.SourceId] + position[f.SourceId + "\n" + f.Id])
                    .DefaultIfEmpty(0).Min();
                return (Id: id, Preferred: preferred);
            }).OrderBy(x => x.Preferred).ThenBy(x => order[x.Id]);

            var next = 0;
            foreach (var (id, preferred) in wanted)
            {
                row[id] = Math.Max(preferred, next);
                next = row[id] + 1;
            }
        }

        return row;
    }

    private static DiagramPoint Mid(DiagramBounds b, double dx, double dy) => new(b.X + (b.Width * dx), b.Y + (b.Height * dy));

    private static List<DiagramPoint> RouteForward(DiagramBounds source, DiagramBounds target, Point sourcePoint, Point targetPoint)
    {
        var sy = source.Y + (source.Height / 2);
        var ty = target.Y + (target.Height / 2);
        if (Math.Abs(sy - ty) < 0.5)
        {
            return [Mid(source, 1, 0.5), Mid(target, 0, 0.5)];
        }

        var down = ty > sy;
        if (sourcePoint is ConditionPoint or ChoicePoint or SplitPoint or InclusivePoint)
        {
            // Leave a gateway through its top or bottom corner, then run along the target's row.
            return [Mid(source, 0.5, down ? 1 : 0), new(source.X + (source.Width / 2), ty), Mid(target, 0, 0.5)];
        }

        if (targetPoint is MergePoint or ConditionPoint or ChoicePoint or InclusivePoint)
        {
            // Run along the source's row, then enter a gateway through its top or bottom corner.
            return [Mid(source, 1, 0.5), new(target.X + (target.Width / 2), sy), Mid(target, 0.5, down ? 0 : 1)];
        }

        var x = target.X - 25;
        return [Mid(source, 1, 0.5), new(x, sy), new(x, ty), Mid(target, 0, 0.5)];
    }

    private static List<DiagramPoint> RouteBack(DiagramBounds source, DiagramBounds target, Flow flow, Dictionary<string, int> layer, Dictionary<string, int> row, Columns columns)
    {
        var from = Math.Min(layer[flow.TargetId], layer[flow.SourceId]);
        var to = Math.Max(layer[flow.TargetId], layer[flow.SourceId]);
        // Another point in the same column above (or below) this one; per-column row ranges instead of a scan of all points.
        bool Blocked(string id, bool below)
        {
            var (min, max, count) = columns.Rows[layer[id]];
            return count > 1 && (below ? max > row[id] : min < row[id]);
        }

        var useBelow = !(Blocked(flow.SourceId, true) || Blocked(flow.TargetId, true)) || Blocked(flow.SourceId, false) || Blocked(flow.TargetId, false);
        var y = useBelow ? columns.Bottom(from, to) + Clearance : columns.Top(from, to) - Clearance;
        var sx = source.X + (source.Width / 2);
        var tx = target.X + (target.Width / 2);
        return [Mid(source, 0.5, useBelow ? 1 : 0), new(sx, y), new(tx, y), Mid(target, 0.5, useBelow ? 1 : 0)];
    }

    /// <summary>
    /// Per column (layer): the rows in it and how far its shapes reach up and down, with sparse tables so that the extent of
    /// any range of columns is found in constant time however many loops are drawn.
    /// </summary>
    private sealed class Columns
    {
        private readonly double[][] _top;
        private readonly double[][] _bottom;

        private Columns(Dictionary<int, (int Min, int Max, int Count)> rows, double[] top, double[] bottom)
        {
            Rows = rows;
            _top = SparseTable(top, Math.Min);
            _bottom = SparseTable(bottom, Math.Max);
        }

        public Dictionary<int, (int Min, int Max, int Count)> Rows { get; }

        public static Columns Of(Dictionary<string, int> layer, Dictionary<string, int> row, Dictionary<string, DiagramBounds> bounds)
        {
            var count = layer.Count == 0 ? 0 : layer.Values.Max() + 1;
            var top = Enumerable.Repeat(double.PositiveInfinity, count).ToArray();
            var bottom = Enumerable.Repeat(double.NegativeInfinity, count).ToArray();
            var rows = new Dictionary<int, (int Min, int Max, int Count)>();
            foreach (var (id, b) in bounds)
            {
                var l = layer[id];
                top[l] = Math.Min(top[l], b.Y);
                bottom[l] = Math.Max(bottom[l], b.Y + b.Height);
            }

            foreach (var (id, l) in layer)
            {
                var r = row[id];
                rows[l] = rows.TryGetValue(l, out var known) ? (Math.Min(known.Min, r), Math.Max(known.Max, r), known.Count + 1) : (r, r, 1);
            }

            return new Columns(rows, top, bottom);
        }

        public double Top(int from, int to) => Query(_top, from, to, Math.Min);

        public double Bottom(int from, int to) => Query(_bottom, from, to, Math.Max);

        private static double[][] SparseTable(double[] values, Func<double, double, double> combine)
        {
            var levels = new List<double[]> { values };
            for (var width = 1; width * 2 <= values.Length; width *= 2)
            {
                var previous = levels[^1];
                var next = new double[values.Length - (width * 2) + 1];
                for (var i = 0; i < next.Length; i++)
                {
                    next[i] = combine(previous[i], previous[i + width]);
                }

                levels.Add(next);
            }

            return [.. levels];
        }

        private static double Query(double[][] table, int from, int to, Func<double, double, double> combine)
        {
            var level = System.Numerics.BitOperations.Log2((uint)(to - from + 1));
            return combine(table[level][from], table[level][to - (1 << level) + 1]);
        }
    }
}
