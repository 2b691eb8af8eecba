using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Validation.Rules;

/// <summary>Every flow starts and ends at a point of the map.</summary>
public sealed class FlowEndpointsRule : IValidationRule
{
    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Check(RouteMap map, ValidationContext context)
    {
        var ids = map.Points.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var flow in map.Flows)
        {
            if (!ids.Contains(flow.SourceId))
            {
                yield return new("flow.unknown-source", null, $"Flow '{flow.Id}' starts at '{flow.SourceId}', which is not a point of this map.", flow.Id);
            }

            if (!ids.Contains(flow.TargetId))
            {
                yield return new("flow.unknown-target", flow.SourceId, $"Flow '{flow.Id}' leads to '{flow.TargetId}', which is not a point of this map.", flow.Id);
            }
        }
    }
}
