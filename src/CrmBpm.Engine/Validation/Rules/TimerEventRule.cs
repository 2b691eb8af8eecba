using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Validation.Rules;

/// <summary>
/// A timer event says when it fires, in a form that reads as what it says: a duration, a date or (where a timer repeats) a
/// cycle, each as ISO 8601 text or an expression (whose syntax <see cref="ExpressionSyntaxRule"/> checks).
/// </summary>
public sealed class TimerEventRule : IValidationRule
{
    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Check(RouteMap map, ValidationContext context)
    {
        foreach (var wait in map.Points.OfType<TimerWaitPoint>())
        {
            if (Check(wait, wait.Timer, repeats: false) is { } problem)
            {
                yield return problem;
            }
        }
    }

    /// <summary>The problem with <paramref name="timer"/> on <paramref name="point"/>, or null; a cycle only where the timer may repeat.</summary>
    internal static ValidationProblem? Check(Point point, TimerDefinition? timer, bool repeats)
    {
        var what = $"The timer of {point.KindName} '{point.DisplayName}'";
        if (timer is null || string.IsNullOrWhiteSpace(timer.Value))
        {
            return new("timer.definition-missing", point.Id, $"{what} does not say when it fires: give it a duration (PT1H), a date (2026-12-24T09:00:00Z) or an expression giving one.");
        }

        if (timer.Kind == TimerDefinitionKind.Cycle && !repeats)
        {
            return new("timer.cycle-not-here", point.Id,
                $"{what} is a cycle ('{timer.Value}'), but it fires only once here: give it a duration or a date (only a non-interrupting boundary timer repeats).");
        }

        if (timer.IsExpression || timer.FirstDue(DateTimeOffset.UnixEpoch, out var error) is not null)
        {
            return null;
        }

        var code = timer.Kind switch
        {
            TimerDefinitionKind.Date => "timer.date",
            TimerDefinitionKind.Cycle => "timer.cycle",
            _ => "timer.duration",
        };
        return new(code, point.Id, $"{what}: {error}");
    }
}
