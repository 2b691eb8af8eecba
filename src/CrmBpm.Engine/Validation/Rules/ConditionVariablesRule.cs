using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Expressions;

namespace CrmBpm.Engine.Validation.Rules;

/// <summary>
/// A warning for a condition that reads a variable no point sets and the map does not declare as a start variable —
/// usually a typo (<c>reachd == true</c>), which would otherwise show up only as an incident at run time. Not checked
/// when some point may set any variable (see <see cref="MapVariables.MaySetAnything"/>).
/// </summary>
public sealed class ConditionVariablesRule : IValidationRule
{
    /// <summary>The longest distance (insertions, deletions, substitutions) at which a known name is suggested.</summary>
    private const int SuggestionDistance = 2;

    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Check(RouteMap map, ValidationContext context)
    {
        var known = MapVariables.Of(map, context.HandlerDescriptions);
        if (known.MaySetAnything)
        {
            yield break;
        }

        foreach (var (pointId, flowId, what, expression) in Conditions(map))
        {
            if (!Parses(expression, context))
            {
                continue; // the expression rule names it
            }

            foreach (var name in ExpressionVariables.Read(expression) ?? [])
            {
                if (known.Find(name) is null)
                {
                    var suggestion = Suggest(name, known.Variables.Select(v => v.Name));
                    yield return new ValidationProblem("condition.variable-never-set", pointId,
                        $"The {what} reads the variable '{name}', which no point sets and the map does not declare as a start variable"
                        + (suggestion is null ? "." : $"; did you mean '{suggestion}'?"), flowId).AsWarning();
                }
            }
        }
    }

    private static bool Parses(string expression, ValidationContext context)
    {
        try
        {
            return context.Expressions.FindSyntaxError(expression) is null;
        }
#pragma warning disable CA1031 // as in ExpressionSyntaxRule: a parser that throws means the expression does not parse
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return false;
        }
    }

    /// <summary>The known name closest to <paramref name="name"/> within <see cref="SuggestionDistance"/>, or null.</summary>
    public static string? Suggest(string name, IEnumerable<string> candidates) => candidates
        .Select(c => (Name: c, Distance: Distance(name.ToLowerInvariant(), c.ToLowerInvariant())))
        .Where(c => c.Distance <= SuggestionDistance)
        .OrderBy(c => c.Distance)
        .Select(c => c.Name)
        .FirstOrDefault();

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }

    private static IEnumerable<(string PointId, string? FlowId, string What, string Expression)> Conditions(RouteMap map)
    {
        var points = map.Points.GroupBy(p => p.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var point in map.Points)
        {
            if (point is ConditionPoint { Expression: { Length: > 0 } condition })
            {
                yield return (point.Id, null, $"condition of '{point.DisplayName}'", condition);
            }

            if (point is IMultiInstanceActivity { MultiInstance.CompletionCondition: { Length: > 0 } completion })
            {
                yield return (point.Id, null, $"completion condition of '{point.DisplayName}'", completion);
            }
        }

        foreach (var flow in map.Flows.Where(f => !string.IsNullOrWhiteSpace(f.Condition)))
        {
            var source = points.GetValueOrDefault(flow.SourceId);
            var target = points.GetValueOrDefault(flow.TargetId);
            var what = source is ChoicePoint or InclusivePoint
                ? $"case of '{source.DisplayName}' leading to '{target?.DisplayName ?? flow.TargetId}'"
                : $"condition of the flow from '{source?.DisplayName ?? flow.SourceId}' to '{target?.DisplayName ?? flow.TargetId}'";
            yield return (flow.SourceId, flow.Id, what, flow.Condition!);
        }
    }
}
