using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Timers;

namespace CrmBpm.Engine.Validation.Rules;

/// <summary>
/// A timer start event's schedule reads: a date, a positive duration, an ISO 8601 repeating interval (<c>R/PT1H</c>,
/// <c>R5/2026-12-08T09:00:00Z/P1D</c>) or a cron expression (<c>0 9 * * MON-FRI</c>), written as text: it is set when the map is
/// published, when no instance has variables an expression could read.
/// </summary>
public sealed class StartTimerRule : IValidationRule
{
    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Check(RouteMap map, ValidationContext context)
    {
        foreach (var start in map.Points.OfType<StartPoint>().Where(s => s.Timer is not null))
        {
            if (StartSchedule.Read(start.Timer, out var error) is null)
            {
                yield return new("start.timer-definition", start.Id, $"The timer of Start '{start.DisplayName}' {error}");
            }
        }
    }

    /// <summary>
    /// The next two starts a schedule gives after <paramref name="now"/> in <paramref name="zone"/> (fewer when it ends), or
    /// none with <paramref name="error"/> saying why it does not read, worded to follow "The timer of Start 'x' ": the
    /// designer's live "next run" hint, read by the same schedule publishing sets.
    /// </summary>
    public static IReadOnlyList<DateTimeOffset> NextRuns(TimerDefinition? timer, DateTimeOffset now, TimeZoneInfo zone, out string? error)
    {
        if (StartSchedule.Read(timer, out error) is not { } schedule || schedule.First(now, zone) is not { } first)
        {
            return [];
        }

        return schedule.Next(first.Due, first.Firing, zone) is { } second ? [first.Due, second] : [first.Due];
    }
}
