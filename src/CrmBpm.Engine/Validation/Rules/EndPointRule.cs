using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Validation.Rules;

/// <summary>At least one End; nothing leaves an End.</summary>
public sealed class EndPointRule : IValidationRule
{
    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Check(RouteMap map, ValidationContext context)
    {
        var graph = new MapGraph(map);
        var ends = map.Points.OfType<EndPoint>().ToList();
        if (ends.Count == 0)
        {
            yield return new("end.missing", null, "The map has no End point: add at least one where the process finishes.");
        }

        foreach (var end in ends.Where(e => graph.Outgoing(e.Id).Count > 0))
        {
            yield return new("end.outgoing", end.Id, $"End '{end.DisplayName}' has an outgoing flow; the process stops at an End, so remove it.");
        }
    }
}
