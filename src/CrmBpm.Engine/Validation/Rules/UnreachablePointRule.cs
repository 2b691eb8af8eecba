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
        // A boundary event or an event sub-process is not reached along flows (NotRunYetRule refuses it anyway).
        foreach (var point in map.Points.Where(p => !reached.Contains(p.Id) && !(p is KeptPoint kept && kept.IsOutsideTheFlow()) && p is not SubProcessPoint { TriggeredByEvent: true }))
        {
            yield return new("point.unreachable", point.Id, $"{point.KindName} '{point.DisplayName}' can never be reached from the Start; connect it or remove it.");
        }
    }
}
