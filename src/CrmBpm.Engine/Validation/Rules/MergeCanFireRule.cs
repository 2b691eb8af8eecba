using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Validation.Rules;

/// <summary>
/// Every Merge can fire in some run. The rule explores the map's reachable token markings (Conditions and
/// Choices may take any branch, Actions and Nested processes pass the token on) and reports a Merge that never
/// receives tokens on all its incoming flows at once — typically one fed by different answers of a Condition.
/// Token counts per flow are capped and the exploration is bounded; when the bound is hit nothing is reported.
/// </summary>
public sealed class MergeCanFireRule : IValidationRule
{
    private const int MaxStates = 20_000;
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

        var graph = new MapGraph(map);
        var flows = map.Flows.Where(f => graph.Outgoing(f.SourceId).Contains(f)).ToList();
        var index = flows.Select((f, i) => (f.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var fired = new HashSet<string>(StringComparer.Ordinal);

        var initial = new byte[flows.Count];
        foreach (var flow in graph.Outgoing(start.Id))
        {
            Add(initial, index[flow.Id]);
        }

        var seen = new HashSet<string> { Convert.ToBase64String(initial) };
        var queue = new Queue<byte[]>([initial]);
        while (queue.TryDequeue(out var marking))
        {
            foreach (var successor in Successors(map, graph, flows, index, marking, fired))
            {
                if (seen.Add(Convert.ToBase64String(successor)))
                {
                    if (seen.Count > MaxStates)
                    {
                        return [];
                    }

                    queue.Enqueue(successor);
                }
            }
        }

        return merges
            .Where(m => graph.Incoming(m.Id).Count >= 2 && !fired.Contains(m.Id))
            .Select(m => new ValidationProblem("merge.never-fires", m.Id,
                $"Merge '{m.DisplayName}' can never fire: its incoming flows never all carry a token in the same run (for example, they come from different answers of a Condition or Choice). Use a Split before it, or connect the branches without a Merge."))
            .ToList();
    }

    private static IEnumerable<byte[]> Successors(RouteMap map, MapGraph graph, List<Flow> flows, Dictionary<string, int> index, byte[] marking, HashSet<string> fired)
    {
        var tried = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < marking.Length; i++)
        {
            if (marking[i] == 0)
            {
                continue;
            }

            var target = map.FindPoint(flows[i].TargetId)!;
            var outgoing = graph.Outgoing(target.Id);
            switch (target)
            {
                case EndPoint:
                    yield return Move(marking, [i], []);
                    break;
                case ConditionPoint or ChoicePoint:
                    foreach (var flow in outgoing)
                    {
                        yield return Move(marking, [i], [index[flow.Id]]);
                    }

                    break;
                case MergePoint:
                    var incoming = graph.Incoming(target.Id).Select(f => index[f.Id]).ToList();
                    if (tried.Add(target.Id) && incoming.All(j => marking[j] > 0))
                    {
                        fired.Add(target.Id);
                        yield return Move(marking, incoming, [.. outgoing.Select(f => index[f.Id])]);
                    }

                    break;
                default:
                    // Action, Nested process, Split and a misplaced Start pass a token on every outgoing flow.
                    yield return Move(marking, [i], [.. outgoing.Select(f => index[f.Id])]);
                    break;
            }
        }
    }

    private static byte[] Move(byte[] marking, IEnumerable<int> consume, IEnumerable<int> produce)
    {
        var next = (byte[])marking.Clone();
        foreach (var i in consume)
        {
            next[i]--;
        }

        foreach (var i in produce)
        {
            Add(next, i);
        }

        return next;
    }

    private static void Add(byte[] marking, int i) => marking[i] = (byte)Math.Min(marking[i] + 1, TokenCap);
}
