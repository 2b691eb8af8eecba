using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Expressions.Juel;

namespace CrmBpm.Engine.Validation.Rules;

/// <summary>Every expression of the map parses (it is never run during validation).</summary>
public sealed class ExpressionSyntaxRule : IValidationRule
{
    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Check(RouteMap map, ValidationContext context)
    {
        var sourceOf = map.Points.GroupBy(p => p.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var (pointId, flowId, what, expression) in Expressions(map, sourceOf))
        {
            if (string.IsNullOrWhiteSpace(expression))
            {
                continue;
            }

            string? error;
            try
            {
                error = context.Expressions.FindSyntaxError(expression);
            }
#pragma warning disable CA1031 // the parser may throw on input it cannot prepare (e.g. 301 chained &&): that is a problem of this expression
            catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
            {
                error = $"it could not be parsed ({ex.Message})";
            }

            if (error is not null)
            {
                yield return new("expression.syntax", pointId, $"The {what} '{expression}' is not a valid expression: {error}.", flowId);
            }
        }
    }

    private static IEnumerable<(string? PointId, string? FlowId, string What, string? Expression)> Expressions(RouteMap map, Dictionary<string, Point> points)
    {
        foreach (var point in map.Points)
        {
            if (point is IMultiInstanceActivity { MultiInstance: { } multi })
            {
                yield return (point.Id, null, $"collection of '{point.DisplayName}'", multi.CollectionVariable is null ? multi.CollectionExpression : null);
                yield return (point.Id, null, $"loop cardinality of '{point.DisplayName}'", int.TryParse(multi.LoopCardinality, out _) ? null : multi.LoopCardinality);
                yield return (point.Id, null, $"completion condition of '{point.DisplayName}'", multi.CompletionCondition);
                yield return (point.Id, null, $"result element of '{point.DisplayName}'", multi.ResultElement);
            }

            switch (point)
            {
                case ConditionPoint condition:
                    yield return (point.Id, null, $"condition of '{point.DisplayName}'", condition.Expression);
                    break;
                case ActionPoint action:
                    yield return (point.Id, null, $"deadline expression of '{point.DisplayName}'", action.Deadline?.Expression);
                    yield return (point.Id, null, $"performer expression of '{point.DisplayName}'", action.Performer?.UserExpression);
                    yield return (point.Id, null, $"role expression of '{point.DisplayName}'", action.Performer?.RoleExpression);
                    if (action.Performer?.AddressingObject is { } addressing && JuelExpressionEvaluator.IsJuel(addressing))
                    {
                        yield return (point.Id, null, $"addressing object of '{point.DisplayName}'", addressing);
                    }

                    break;
                case TimerWaitPoint { Timer: { IsExpression: true } timer }:
                    yield return (point.Id, null, $"timer expression of '{point.DisplayName}'", timer.Value);
                    break;
                case BoundaryTimerPoint { Timer: { IsExpression: true } timer }:
                    yield return (point.Id, null, $"timer expression of '{point.DisplayName}'", timer.Value);
                    break;
                case MessageWaitPoint message:
                    yield return (point.Id, null, $"correlation key of '{point.DisplayName}'", message.CorrelationKey);
                    break;
                case BoundaryMessagePoint message:
                    yield return (point.Id, null, $"correlation key of '{point.DisplayName}'", message.CorrelationKey);
                    break;
                case ScriptPoint script:
                    yield return (point.Id, null, $"script of '{point.DisplayName}'", script.Script);
                    break;
                case NestedProcessPoint nested:
                    foreach (var mapping in nested.Inputs.Concat(nested.Outputs))
                    {
                        yield return (point.Id, null, $"variable mapping to '{mapping.Target}' of '{point.DisplayName}'", mapping.Source);
                    }

                    break;
            }
        }

        foreach (var flow in map.Flows)
        {
            switch (points.GetValueOrDefault(flow.SourceId))
            {
                case ChoicePoint:
                    yield return (flow.SourceId, flow.Id, $"case of flow '{flow.Id}'", flow.Condition);
                    break;
                case { } source when ActivityFlowsRule.LeavesLikeAnActivity(source):
                    yield return (flow.SourceId, flow.Id, $"condition of flow '{flow.Id}' leaving '{source.DisplayName}'", flow.Condition);
                    break;
            }
        }
    }
}
