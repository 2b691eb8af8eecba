using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Validation.Rules;

/// <summary>
/// A boundary timer's timer reads (a cycle only on a non-interrupting one, the only kind that fires more than once); where it
/// sits and its flows are <see cref="BoundaryEventRule"/>'s to check, as for every boundary event.
/// </summary>
public sealed class BoundaryTimerRule : IValidationRule
{
    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Check(RouteMap map, ValidationContext context)
    {
        foreach (var boundary in map.Points.OfType<BoundaryTimerPoint>())
        {
            if (TimerEventRule.Check(boundary, boundary.Timer, repeats: !boundary.CancelsActivity) is { } problem)
            {
                yield return problem;
            }
        }
    }
}
