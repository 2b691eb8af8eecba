using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Validation.Rules;

/// <summary>A Choice has at least two outgoing flows, each with a case except the default flow, which must be one of them.</summary>
public sealed class ChoiceCasesRule : IValidationRule
{
    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Check(RouteMap map, ValidationContext context)
    {
        var graph = new MapGraph(map);
        foreach (var choice in map.Points.OfType<ChoicePoint>())
        {
            var outgoing = graph.Outgoing(choice.Id);
            if (outgoing.Count < 2)
            {
                yield return new("choice.too-few-flows", choice.Id, $"Choice '{choice.DisplayName}' needs at least two outgoing flows; it has {outgoing.Count}.");
            }

            if (choice.DefaultFlowId is not null && outgoing.All(f => f.Id != choice.DefaultFlowId))
            {
                yield return new("choice.default-not-outgoing", choice.Id,
                    $"Choice '{choice.DisplayName}' names '{choice.DefaultFlowId}' as its default flow, but that flow does not leave it.");
            }

            foreach (var flow in outgoing.Where(f => f.Id != choice.DefaultFlowId && string.IsNullOrWhiteSpace(f.Condition)))
            {
                yield return new("choice.case-missing", choice.Id,
                    $"Flow '{FlowName(flow)}' of Choice '{choice.DisplayName}' has no condition; give it one or make it the default flow.", flow.Id);
            }
        }
    }

    private static string FlowName(Flow flow) => string.IsNullOrWhiteSpace(flow.Name) ? flow.Id : flow.Name;
}
