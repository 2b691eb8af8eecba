using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Validation.Rules;

/// <summary>
/// A multi-instance activity says what it runs over (a list variable, an expression giving a list, or a loop cardinality)
/// and names its item and result variables well. Codes start with the activity's kind: <c>action.multi-…</c> for an
/// Action, <c>nested.multi-…</c> for a Nested process or a sub-process (both run as child instances). Its expressions are parsed by <see cref="ExpressionSyntaxRule"/>.
/// </summary>
public sealed class MultiInstanceRule : IValidationRule
{
    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Check(RouteMap map, ValidationContext context)
    {
        foreach (var point in map.Points)
        {
            if (point is not IMultiInstanceActivity { MultiInstance: { } multi })
            {
                continue;
            }

            var prefix = point is ActionPoint ? "action" : "nested";
            var what = $"{point.KindName} '{point.DisplayName}'";
            var listNamed = multi.CollectionVariable is { } variable ? ActionPropertiesRule.IsIdentifier(variable) : !string.IsNullOrWhiteSpace(multi.CollectionExpression);
            if (!listNamed && string.IsNullOrWhiteSpace(multi.LoopCardinality))
            {
                yield return new($"{prefix}.multi-collection", point.Id,
                    $"{what} runs once per item but names no list variable to take the items from (nor an expression giving the list, nor a loop cardinality counting the runs).");
            }

            if (!ActionPropertiesRule.IsIdentifier(multi.ElementVariable))
            {
                yield return new($"{prefix}.multi-element", point.Id, $"{what} needs a variable name for the item each run is about.");
            }

            if (multi.ResultCollection is { } results && !ActionPropertiesRule.IsIdentifier(results))
            {
                yield return new($"{prefix}.multi-result", point.Id, $"The result collection '{results}' of {what} is not a variable name.");
            }

            if (multi.ResultElement is not null && multi.ResultCollection is null)
            {
                yield return new($"{prefix}.multi-result", point.Id, $"{what} says what each run puts into its result collection, but names no result collection.");
            }
        }
    }
}
