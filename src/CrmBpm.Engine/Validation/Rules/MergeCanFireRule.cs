using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Validation.Rules;

/// <summary>
/// Every Merge can fire in some run. The rule explores the map's reachable token markings (Conditions and
/// Choices may take any branch; Actions, Nested processes and plain tasks pass the token on along their flows
/// without a condition and may take any one of their conditional flows, all of them, or else the default flow)
/// and reports a Merge that never receives tokens on all its incoming flows at once — typically one fed by
/// different answers of a Condition, by two events of one event-based gateway, or by two conditional flows of one Action.
/// </summary>
/// <remarks>
/// The exploration is reduced so that its cost grows with the map, not with the number of interleavings:
/// a token whose next step is forced (an Action without conditional flows, Split, End, or a Merge whose inputs are
/// all there) is moved at once, since nothing else can take that step from it and taking it never disables
/// another; only the branches of one waiting decision are explored per marking, as no other step can disable them
/// either. Some subsets of an Action's conditional flows are left out (any one, or all): a Merge that fires with
/// two of three also fires with all three, the extra token going elsewhere.
/// An inclusive gateway splits as an Action leaves; as a join it is explored as passing every token on at once (each
/// deciding its way out afresh). That gives every run of the map at least the tokens the real join gives (it fires once
/// for the tokens it joins, with one of those ways out), and more tokens never stop a Merge from firing, so a Merge
/// behind an inclusive join is never reported for a run the engine would make; at worst a Merge that cannot fire goes
/// unreported.
/// Two parallel chains of 40,000 actions are then one marking, not 1.6 billion. Markings are sparse (only the
/// flows holding tokens) and token counts per flow are capped. The work is bounded by <see cref="WorkBudget"/>;
/// when it is spent nothing is reported.
/// </remarks>
public sealed class MergeCanFireRule : IValidationRule
{
    /// <summary>Token moves and stored marking entries the exploration may spend on one map.</summary>
    public const int WorkBudget = 2_000_000;

    private const byte TokenCap = 2;

    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Check(RouteMap map, ValidationContext context)
    {
        var merges = map.Points.OfType<MergePoint>().ToList();
        // The exploration needs a sound skeleton; other rules report missing starts and duplicate ids.
        var ids = map.Points.Select(p => p.Id).Concat(map.Flows.Select(f => f.Id)).ToList();
        if (merges.Count == 0 || map.Start is not { } start || ids.Distinct(StringComparer.Ordinal).Count() != ids.Count)
        {
            return [];
        }

        var net = new Net(map);
        var fired = net.Explore(start.Id);
        if (fired is null)
        {
            return [];
        }

        var graph = new MapGraph(map);
        // Tokens a boundary event sends are not explored (they appear when time passes, not along flows): a Merge they may
        // feed is not judged, rather than refused for tokens the exploration never made.
        var afterBoundaries = graph.Reach(map.Points.OfType<IBoundaryEvent>().Select(b => b.Id));
        return merges
            .Where(m => graph.Incoming(m.Id).Count >= 2 && !fired.Contains(m.Id) && !afterBoundaries.Contains(m.Id))
            .Select(m => new ValidationProblem("merge.never-fires", m.Id,
                $"Merge '{m.DisplayName}' can never fire: its incoming flows never all carry a token in the same run (for example, they come from different answers of a Condition or Choice). Use a Split before it, or connect the branches without a Merge."))
            .ToList();
    }

    private enum Step
    {
        Pass,
        Consume,
        Decide,
        Join,
    }

    /// <summary>The map as arrays indexed by flow: what the point a flow enters does, and where it leads.</summary>
    private sealed class Net
    {
        private readonly Step[] _step;
        private readonly int[] _target; // point index of each flow's target
        private readonly int[][] _outgoing; // flows leaving each point
        private readonly int[][][] _ways; // the sets of flows each point may leave by: one for a forced step, several for a decision
        private readonly int[][] _incoming; // flows entering each point
        private readonly string[] _pointIds;
        private readonly Dictionary<string, int> _pointIndex;
        private int _work;

        public Net(RouteMap map)
        {
            _pointIds = [.. map.Points.Select(p => p.Id)];
            _pointIndex = _pointIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
            var flows = map.Flows.Where(f => _pointIndex.ContainsKey(f.SourceId) && _pointIndex.ContainsKey(f.TargetId)).ToList();
            var outgoing = _pointIds.Select(_ => new List<int>()).ToArray();
            var incoming = _pointIds.Select(_ => new List<int>()).ToArray();
            _target = new int[flows.Count];
            _step = new Step[flows.Count];
            for (var i = 0; i < flows.Count; i++)
            {
                var source = _pointIndex[flows[i].SourceId];
                var target = _pointIndex[flows[i].TargetId];
                outgoing[source].Add(i);
                incoming[target].Add(i);
                _target[i] = target;
            }

            _outgoing = [.. outgoing.Select(l => l.ToArray())];
            _incoming = [.. incoming.Select(l => l.ToArray())];
            _ways = [.. map.Points.Select((point, p) => Ways(point, _outgoing[p], flows))];
            // A throw link leaves as its catch link does (by all of the catch's flows); one without a catch consumes the token.
            foreach (var (throwId, target) in LinkTargets.Of(map.Points))
            {
                _ways[_pointIndex[throwId]] = _ways[_pointIndex[target.Id]];
            }

            for (var i = 0; i < flows.Count; i++)
            {
                _step[i] = map.Points[_target[i]] switch
                {
                    EndPoint => Step.Consume,
                    MergePoint => Step.Join,
                    ConditionPoint or ChoicePoint or EventGatewayPoint => Step.Decide,
                    _ when _ways[_target[i]].Length > 1 => Step.Decide,
                    // Split, an Action without conditions, and a misplaced Start pass a token on every outgoing flow.
                    _ => Step.Pass,
                };
            }
        }

        /// <summary>
        /// The sets of flows a point may leave by. A Condition, a Choice or an event-based gateway (the first event wins): any one flow. An Action, Nested process or plain
        /// task: its flows without a condition, with any one of its conditional flows or all of them; when it has no flow
        /// without a condition, also none of them but the default flow. Any other point: all its flows.
        /// </summary>
        private static int[][] Ways(Point point, int[] outgoing, List<Flow> flows)
        {
            if (point is ConditionPoint or ChoicePoint or EventGatewayPoint)
            {
                return [.. outgoing.Select(f => new[] { f })];
            }

            if (!ActivityFlowsRule.LeavesLikeAnActivity(point))
            {
                return [outgoing];
            }

            var defaultFlowId = ((IHasDefaultFlow)point).DefaultFlowId;
            var always = outgoing.Where(f => flows[f].Id != defaultFlowId && string.IsNullOrWhiteSpace(flows[f].Condition)).ToArray();
            var conditional = outgoing.Where(f => flows[f].Id != defaultFlowId && !string.IsNullOrWhiteSpace(flows[f].Condition)).ToArray();
            var ways = conditional.Select(f => (int[])[.. always, f]).ToList();
            if (conditional.Length > 1)
            {
                ways.Add([.. always, .. conditional]);
            }

            if (always.Length > 0 && conditional.Length > 0)
            {
                ways.Add(always); // every condition false
            }
            else if (always.Length == 0 && outgoing.FirstOrDefault(f => flows[f].Id == defaultFlowId, -1) is >= 0 and var fallback)
            {
                ways.Add([fallback]);
            }

            return ways.Count == 0 ? [always] : [.. ways];
        }

        /// <summary>The ids of the Merges that fire in some run, or null when the work budget was spent first.</summary>
        public HashSet<string>? Explore(string startId)
        {
            var fired = new HashSet<int>();
            var initial = new Dictionary<int, byte>();
            foreach (var flow in _outgoing[_pointIndex[startId]])
            {
                Add(initial, flow);
            }

            var first = Settle(initial, fired);
            if (first is null)
            {
                return null;
            }

            var seen = new HashSet<int[]>(MarkingComparer.Instance) { first };
            var queue = new Queue<int[]>([first]);
            while (queue.TryDequeue(out var marking))
            {
                // The branches of one waiting Condition or Choice: the lowest flow holding a token before one.
                var decide = -1;
                foreach (var entry in marking)
                {
                    if (_step[entry >> 2] == Step.Decide)
                    {
                        decide = entry >> 2;
                        break;
                    }
                }

                if (decide < 0)
                {
                    continue;
                }

                foreach (var way in _ways[_target[decide]])
                {
                    var next = Expand(marking);
                    Take(next, decide);
                    foreach (var branch in way)
                    {
                        Add(next, branch);
                    }

                    var settled = Settle(next, fired);
                    if (settled is null)
                    {
                        return null;
                    }

                    if (seen.Add(settled))
                    {
                        _work += settled.Length;
                        queue.Enqueue(settled);
                    }
                }
            }

            return [.. fired.Select(i => _pointIds[i])];
        }

        /// <summary>Moves every token whose next step is forced until only decisions and incomplete joins wait; null when over budget.</summary>
        private int[]? Settle(Dictionary<int, byte> marking, HashSet<int> fired)
        {
            var pending = new Queue<int>(marking.Keys);
            while (pending.TryDequeue(out var flow))
            {
                if (!marking.ContainsKey(flow))
                {
                    continue;
                }

                if (++_work > WorkBudget)
                {
                    return null;
                }

                var point = _target[flow];
                switch (_step[flow])
                {
                    case Step.Consume:
                        Take(marking, flow);
                        break;
                    case Step.Pass:
                        Take(marking, flow);
                        Produce(marking, _ways[point][0], pending);
                        break;
                    case Step.Join:
                        var inputs = _incoming[point];
                        _work += inputs.Length;
                        if (inputs.All(marking.ContainsKey))
                        {
                            fired.Add(point);
                            foreach (var input in inputs)
                            {
                                Take(marking, input);
                            }

                            Produce(marking, _outgoing[point], pending);
                        }
                        else
                        {
                            continue; // waits for the other inputs; the flow that completes them is looked at then
                        }

                        break;
                    case Step.Decide:
                        continue;
                }

                if (marking.ContainsKey(flow))
                {
                    pending.Enqueue(flow);
                }
            }

            var result = marking.Select(e => (e.Key << 2) | e.Value).ToArray();
            Array.Sort(result);
            return result;
        }

        private static void Produce(Dictionary<int, byte> marking, int[] flows, Queue<int> pending)
        {
            foreach (var next in flows)
            {
                Add(marking, next);
                pending.Enqueue(next);
            }
        }

        private static Dictionary<int, byte> Expand(int[] marking) => marking.ToDictionary(e => e >> 2, e => (byte)(e & 3));

        private static void Take(Dictionary<int, byte> marking, int flow)
        {
            if (marking[flow] == 1)
            {
                marking.Remove(flow);
            }
            else
            {
                marking[flow]--;
            }
        }

        private static void Add(Dictionary<int, byte> marking, int flow) =>
            marking[flow] = (byte)Math.Min(marking.GetValueOrDefault(flow) + 1, TokenCap);
    }

    private sealed class MarkingComparer : IEqualityComparer<int[]>
    {
        public static readonly MarkingComparer Instance = new();

        public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] obj)
        {
            var hash = new HashCode();
            hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(obj.AsSpan()));
            return hash.ToHashCode();
        }
    }
}
