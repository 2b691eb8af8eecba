using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Validation.Rules;

/// <summary>A Nested process names a published map, and nesting never leads back to the map itself.</summary>
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

            var chain = FindPathBack(map.Key, called, context);
            if (chain is not null)
            {
                yield return new("nested.recursive", nested.Id,
                    $"Nested process '{nested.DisplayName}' leads back to this map: {map.Key} → {string.Join(" → ", chain)} → {map.Key}; recursive nesting is not allowed.");
            }
        }
    }

    /// <summary>The chain of keys from <paramref name="start"/> that nests <paramref name="targetKey"/>, or null.</summary>
    private static List<string>? FindPathBack(string targetKey, RouteMap start, ValidationContext context)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<(RouteMap Map, List<string> Path)>();
        stack.Push((start, [start.Key]));
        while (stack.TryPop(out var item))
        {
            if (!visited.Add(item.Map.Key))
            {
                continue;
            }

            foreach (var key in item.Map.Points.OfType<NestedProcessPoint>().Select(n => n.CalledMapKey).Distinct(StringComparer.Ordinal))
            {
                if (key == targetKey)
                {
                    return item.Path;
                }

                if (context.FindPublishedMap(key) is { } next)
                {
                    stack.Push((next, [.. item.Path, next.Key]));
                }
            }
        }

        return null;
    }
}
