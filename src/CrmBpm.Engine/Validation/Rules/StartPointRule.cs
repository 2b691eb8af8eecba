using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Validation.Rules;

/// <summary>Exactly one Start, with no incoming flow and exactly one outgoing flow.</summary>
public sealed class StartPointRule : IValidationRule
{
    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Check(RouteMap map, ValidationContext context)
    {
        var graph = new MapGraph(map);
        var starts = map.Points.OfType<StartPoint>().ToList();
        if (starts.Count == 0)
        {
            yield return new("start.missing", null, "The map has no Start point: add one where the process begins.");
        }

        foreach (var extra in starts.Skip(1))
        {
            yield return new("start.multiple", extra.Id, $"'{extra.DisplayName}' is a second Start point; a map has exactly one.");
        }

        foreach (var start in starts)
        {
            if (graph.Incoming(start.Id).Count > 0)
            {
                yield return new("start.incoming", start.Id, $"Start '{start.DisplayName}' has an incoming flow; nothing may lead into the Start.");
            }

            var outgoing = graph.Outgoing(start.Id).Count;
            if (outgoing != 1)
            {
                yield return new("start.outgoing", start.Id, $"Start '{start.DisplayName}' must have exactly one outgoing flow, but has {outgoing}.");
            }
        }
    }
}
