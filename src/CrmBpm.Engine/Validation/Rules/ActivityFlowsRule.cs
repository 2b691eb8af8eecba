using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Validation.Rules;

/// <summary>
/// The flows leaving an Action, a Nested process or a plain task, which all leave as BPMN activities do: every flow
/// without a condition and every flow whose condition holds is taken, the default flow only when no other is. The
/// default flow must leave the point and carry no condition (it would never be looked at). Several flows without a
/// condition are all taken at once, like after a Split: allowed, but a warning, since it is easily drawn by mistake
/// (bpmnlint's <c>no-implicit-split</c>). Conditions are parsed by <see cref="ExpressionSyntaxRule"/>.
/// </summary>
public sealed class ActivityFlowsRule : IValidationRule
{
    /// <summary>
    /// The points that leave as BPMN activities do; a joining exclusive gateway has one way out. An inclusive gateway splits
    /// exactly as an activity leaves (BPMN's implicit split is an inclusive split).
    /// </summary>
    internal static bool LeavesLikeAnActivity(Point point) =>
        point is ActionPoint or NestedProcessPoint or SubProcessPoint { TriggeredByEvent: false } or ServicePoint or InclusivePoint || point is PassThroughPoint { Element: not "exclusiveGateway" };

    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Check(RouteMap map, ValidationContext context)
    {
        var graph = new MapGraph(map);
        var names = map.Points.GroupBy(p => p.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().DisplayName, StringComparer.Ordinal);
        foreach (var point in map.Points.Where(LeavesLikeAnActivity))
        {
            var outgoing = graph.Outgoing(point.Id);
            var defaultFlowId = ((IHasDefaultFlow)point).DefaultFlowId;
            if (defaultFlowId is not null)
            {
                var defaultFlow = outgoing.FirstOrDefault(f => f.Id == defaultFlowId);
                if (defaultFlow is null)
                {
                    yield return new("point.default-not-outgoing", point.Id,
                        $"{point.KindName} '{point.DisplayName}' names '{defaultFlowId}' as its default flow, but that flow does not leave it.");
                }
                else if (!string.IsNullOrWhiteSpace(defaultFlow.Condition))
                {
                    yield return new("point.default-with-condition", point.Id,
                        $"The default flow of {point.KindName} '{point.DisplayName}' has the condition '{defaultFlow.Condition}', which is never evaluated: the default flow is taken exactly when no other flow is. Remove the condition, or make the flow an ordinary one.",
                        defaultFlow.Id);
                }
            }

            var unconditioned = outgoing.Where(f => f.Id != defaultFlowId && string.IsNullOrWhiteSpace(f.Condition)).ToList();
            // An inclusive gateway is drawn to split: its flows without a condition are taken together on purpose.
            if (unconditioned.Count > 1 && point is not InclusivePoint)
            {
                yield return new ValidationProblem("point.implicit-split", point.Id,
                    $"{point.KindName} '{point.DisplayName}' goes on along {unconditioned.Count} flows at once ({string.Join(", ", unconditioned.Select(f => $"to '{names.GetValueOrDefault(f.TargetId, f.TargetId)}'"))}): flows without a condition are all taken, as after a Split. Draw a Split to show it, or give the flows conditions to choose between them.")
                    { Severity = ValidationSeverity.Warning };
            }
        }
    }
}
