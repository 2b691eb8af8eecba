using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Validation.Rules;

/// <summary>
/// No Split (nor a plain task taking several flows at once) can get a token back without something waiting in between
/// (an Action, a Nested process or a Merge): such a loop copies tokens on every round, so one start would write thousands
/// of history rows and leave tokens nothing moves. Found as the strongly connected parts of the map without waiting points (Tarjan, iterative, linear).
/// </summary>
public sealed class SplitLoopRule : IValidationRule
{
    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Check(RouteMap map, ValidationContext context)
    {
        var graph = new MapGraph(map);
        var instant = map.Points.Where(p => p is not (ActionPoint or NestedProcessPoint or SubProcessPoint or MergePoint)).GroupBy(p => p.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var looping = LoopingPoints(instant.Keys, id => graph.Outgoing(id).Select(f => f.TargetId).Where(instant.ContainsKey));
        foreach (var fork in map.Points.Where(p => looping.Contains(p.Id) && Forks(p, graph)).DistinctBy(p => p.Id))
        {
            yield return new("split.loop-without-wait", fork.Id,
                $"{fork.KindName} '{fork.DisplayName}' can get its own tokens back without passing an Action, Nested process or Merge, so every round would add tokens without end. Put an Action in the loop, or move the loop before the {fork.KindName}.");
        }
    }

    /// <summary>
    /// A Split, or a plain task that may take two flows at once (its flows other than the default one: those without a
    /// condition are all taken, and conditions may hold together). Actions and Nested processes wait, so never loop here.
    /// </summary>
    private static bool Forks(Point point, MapGraph graph) =>
        point is SplitPoint ||
        (ActivityFlowsRule.LeavesLikeAnActivity(point) && graph.Outgoing(point.Id).Count(f => f.Id != ((IHasDefaultFlow)point).DefaultFlowId) >= 2);

    /// <summary>Points that lie on a cycle of <paramref name="next"/>: members of a strongly connected part of two or more, or with a flow to themselves.</summary>
    private static HashSet<string> LoopingPoints(IEnumerable<string> points, Func<string, IEnumerable<string>> next)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var looping = new HashSet<string>(StringComparer.Ordinal);
        foreach (var root in points)
        {
            if (index.ContainsKey(root))
            {
                continue;
            }

            var work = new Stack<(string Id, IEnumerator<string> Next)>();
            Visit(root);
            while (work.TryPeek(out var frame))
            {
                if (frame.Next.MoveNext())
                {
                    var target = frame.Next.Current;
                    if (target == frame.Id)
                    {
                        looping.Add(target);
                    }

                    if (!index.ContainsKey(target))
                    {
                        Visit(target);
                    }
                    else if (onStack.Contains(target))
                    {
                        low[frame.Id] = Math.Min(low[frame.Id], index[target]);
                    }

                    continue;
                }

                work.Pop();
                frame.Next.Dispose();
                if (work.TryPeek(out var parent))
                {
                    low[parent.Id] = Math.Min(low[parent.Id], low[frame.Id]);
                }

                if (low[frame.Id] == index[frame.Id])
                {
                    var component = new List<string>();
                    string member;
                    do
                    {
                        member = stack.Pop();
                        onStack.Remove(member);
                        component.Add(member);
                    }
                    while (member != frame.Id);

                    if (component.Count > 1)
                    {
                        looping.UnionWith(component);
                    }
                }
            }

            void Visit(string id)
            {
                index[id] = low[id] = index.Count;
                stack.Push(id);
                onStack.Add(id);
                work.Push((id, next(id).GetEnumerator()));
            }
        }

        return looping;
    }
}
