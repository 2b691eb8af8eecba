using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Validation.Rules;

/// <summary>Every point can be reached from the Start.</summary>
public sealed class UnreachablePointRule : IValidationRule
{
    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Check(RouteMap map, ValidationContext context)
    {
        var starts = map.Points.OfType<StartPoint>().Select(s => s.Id).ToList();
        if (starts.Count == 0)
        {
            yield break;
        }

        var reached = new MapGraph(map).Reach(starts);
        foreach (var point in map.Points.Where(p => !reached.Contains(p.Id)))
        {
            yield return new("point.unreachable", point.Id, $"{point.KindName} '{point.DisplayName}' can never be reached from the Start; connect it or remove it.");
        }
    }
}
