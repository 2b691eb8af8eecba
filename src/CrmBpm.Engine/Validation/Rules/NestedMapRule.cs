using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Validation.Rules;

/// <summary>
/// A Nested process names a published map, nesting never leads back to the map itself, and the maps it nests do not go
/// deeper than <see cref="RouteMapLimits.MaxNestingDepth"/> levels. The walk over other maps is iterative and stops at
/// that depth, so a chain of thousands of maps costs no more than the limit.
/// </summary>
public sealed class NestedMapRule : IValidationRule
{
    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Check(RouteMap map, ValidationContext context)
    {
        foreach (var nested in map.Points.OfType<NestedProcessPoint>())
        {
            if (string.IsNullOrWhiteSpace(nested.CalledMapKey))
            {
                yield return new("nested.map-missing", nested.Id, $"Nested process '{nested.DisplayName}' does not say which route map to run.");
                continue;
            }

            if (nested.CalledMapKey == map.Key)
            {
                yield return new("nested.recursive", nested.Id, $"Nested process '{nested.DisplayName}' runs this same map '{map.Key}'; a map may not nest itself.");
                continue;
            }

            var called = context.FindPublishedMap(nested.CalledMapKey);
            if (called is null)
            {
                yield return new("nested.map-unknown", nested.Id, $"Nested process '{nested.DisplayName}' runs '{nested.CalledMapKey}', but no published route map has that key.");
                continue;
            }

            var (chain, tooDeep) = Walk(map.Key, called, context);
            if (chain is not null)
            {
                yield return new("nested.recursive", nested.Id,
                    $"Nested process '{nested.DisplayName}' leads back to this map: {map.Key} → {string.Join(" → ", chain)} → {map.Key}; recursive nesting is not allowed.");
            }
            else if (tooDeep is not null)
            {
                yield return new("nested.too-deep", nested.Id,
                    $"Nested process '{nested.DisplayName}' runs '{called.Key}' and the maps it nests go deeper than {context.Limits.MaxNestingDepth} levels ({string.Join(" → ", tooDeep)} → …; limit RouteMapLimits.MaxNestingDepth).");
            }
        }
    }

    /// <summary>
    /// From <paramref name="start"/> (level 1), the chain of keys that nests <paramref name="targetKey"/>, or else a chain that
    /// goes deeper than the limit, or neither. A map is walked again only when reached at a deeper level than before, so each
    /// map is walked at most once per level.
    /// </summary>
    private static (List<string>? Back, List<string>? TooDeep) Walk(string targetKey, RouteMap start, ValidationContext context)
    {
        var limit = context.Limits.MaxNestingDepth;
        var deepest = new Dictionary<string, int>(StringComparer.Ordinal);
        var frames = new List<(string Key, int Parent)>();
        var stack = new Stack<(RouteMap Map, int Level, int Frame)>();
        frames.Add((start.Key, -1));
        stack.Push((start, 1, 0));
        List<string>? tooDeep = null;
        while (stack.TryPop(out var item))
        {
            if (item.Level > limit)
            {
                tooDeep ??= Chain(frames, item.Frame);
                continue;
            }

            if (deepest.TryGetValue(item.Map.Key, out var level) && level >= item.Level)
            {
                continue;
            }

            deepest[item.Map.Key] = item.Level;
            foreach (var key in item.Map.Points.OfType<NestedProcessPoint>().Select(n => n.CalledMapKey).Distinct(StringComparer.Ordinal))
            {
                if (key == targetKey)
                {
                    return (Chain(frames, item.Frame), null);
                }

                if (context.FindPublishedMap(key) is { } next)
                {
                    frames.Add((next.Key, item.Frame));
                    stack.Push((next, item.Level + 1, frames.Count - 1));
                }
            }
        }

        return (null, tooDeep);
    }

    private static List<string> Chain(List<(string Key, int Parent)> frames, int frame)
    {
        var chain = new List<string>();
        for (var at = frame; at >= 0; at = frames[at].Parent)
        {
            chain.Add(frames[at].Key);
        }

        chain.Reverse();
        return chain;
    }
}
