using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Validation.Rules;

/// <summary>A Split has one incoming and at least two outgoing flows; a Merge at least two incoming and one outgoing.</summary>
public sealed class SplitMergeShapeRule : IValidationRule
{
    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Check(RouteMap map, ValidationContext context)
    {
        var graph = new MapGraph(map);
        foreach (var split in map.Points.OfType<SplitPoint>())
        {
            var inCount = graph.Incoming(split.Id).Count;
            var outCount = graph.Outgoing(split.Id).Count;
            if (inCount != 1 || outCount < 2)
            {
                yield return new("split.shape", split.Id,
                    $"Split '{split.DisplayName}' needs exactly one incoming and at least two outgoing flows; it has {inCount} in and {outCount} out.");
            }
        }

        foreach (var merge in map.Points.OfType<MergePoint>())
        {
            var inCount = graph.Incoming(merge.Id).Count;
            var outCount = graph.Outgoing(merge.Id).Count;
            if (inCount < 2 || outCount != 1)
            {
                yield return new("merge.shape", merge.Id,
                    $"Merge '{merge.DisplayName}' needs at least two incoming flows and exactly one outgoing; it has {inCount} in and {outCount} out.");
            }
        }
    }
}
