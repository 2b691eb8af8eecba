using System.Globalization;
using Cronos;
using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Timers;

/// <summary>
/// When a timer start event starts instances: a date (once), a duration (once, counted from publishing), an ISO 8601 repeating
/// interval (<c>R/PT1H</c> without end, <c>R5/2026-12-08T09:00:00Z/P1D</c> five times from that date) or a cron expression
/// (<c>0 9 * * MON-FRI</c>, five fields, or six with seconds first as in Quartz and Camunda), the cron read in a time zone.
/// A firing is numbered (1 for the first, <see cref="TimerRecord.Attempt"/>), so a counted cycle needs no other state.
/// </summary>
internal sealed class StartSchedule
{
    private readonly DateTimeOffset? _at;
    private readonly TimeSpan? _after;
    private readonly DateTimeOffset? _from;
    private readonly TimeSpan _interval;
    private readonly int _count;
    private readonly CronExpression? _cron;

    private StartSchedule(DateTimeOffset? at = null, TimeSpan? after = null, DateTimeOffset? from = null, TimeSpan interval = default, int count = 0, CronExpression? cron = null)
    {
        (_at, _after, _from, _interval, _count, _cron) = (at, after, from, interval, count, cron);
    }

    /// <summary>Reads a start event's timer; null with the reason when it does not read (an expression: no instance exists to evaluate it in).</summary>
    public static StartSchedule? Read(TimerDefinition? timer, out string? error)
    {
        error = null;
        if (timer is null || string.IsNullOrWhiteSpace(timer.Value))
        {
            error = "does not say when it starts: give it a date, a cycle such as R/PT1H or R5/2026-12-08T09:00:00Z/P1D, or a cron expression such as 0 9 * * MON-FRI.";
            return null;
        }

        var text = timer.Value.Trim();
        if (timer.IsExpression)
        {
            error = $"is the expression '{text}', but a start timer is set when the map is published, before any instance has variables: write the date, cycle or cron itself.";
            return null;
        }

        switch (timer.Kind)
        {
            case TimerDefinitionKind.Date when TimerDefinition.TryParseDate(text, out var at):
                return new StartSchedule(at: at);
            case TimerDefinitionKind.Duration when Deadline.TryParseDuration(text, out var after) && after > TimeSpan.Zero:
                return new StartSchedule(after: after);
            case TimerDefinitionKind.Cycle when text.StartsWith('R'):
                return ReadRepeating(text, out error);
            case TimerDefinitionKind.Cycle:
                return ReadCron(text, out error);
            default:
                error = timer.Kind == TimerDefinitionKind.Date
                    ? $"'{text}' is not an ISO 8601 date and time such as 2026-12-24T09:00:00Z."
                    : $"'{text}' is not a positive ISO 8601 duration such as PT1H.";
                return null;
        }
    }

    /// <summary>The first start (due) and its number, counted from <paramref name="now"/>, the moment of publishing; null when none is left.</summary>
    public (DateTimeOffset Due, int Firing)? First(DateTimeOffset now, TimeZoneInfo zone)
    {
        if (_at is { } at)
        {
            return (at, 1); // a date already past starts at the next poll, as a timer event's does
        }

        if (_after is { } after)
        {
            return (now + after, 1);
        }

        if (_cron is not null)
        {
            return _cron.GetNextOccurrence(now, zone) is { } next ? (next, 1) : null;
        }

        if (_from is not { } from)
        {
            return (now + _interval, 1);
        }

        // Occurrences before publishing are not made up for: the first is the next one from now on, with its own number.
        var missed = from >= now ? 0 : (long)Math.Ceiling((now - from).Ticks / (double)_interval.Ticks);
        return missed >= _count ? null : (from + TimeSpan.FromTicks(_interval.Ticks * missed), (int)missed + 1);
    }

    /// <summary>The start after firing number <paramref name="firing"/>, due at <paramref name="due"/>; null when the schedule is done.</summary>
    public DateTimeOffset? Next(DateTimeOffset due, int firing, TimeZoneInfo zone)
    {
        if (_cron is not null)
        {
            return _cron.GetNextOccurrence(due, zone);
        }

        // One interval after the previous was due, not after it fired, so a slow poll does not drift the series.
        return _at is null && _after is null && firing < _count ? due + _interval : null;
    }

    private static StartSchedule? ReadRepeating(string text, out string? error)
    {
        error = null;
        var parts = text.Split('/');
        var count = parts[0].Length == 1 ? int.MaxValue
            : int.TryParse(parts[0][1..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 0;
        DateTimeOffset? from = null;
        var durationText = parts.Length == 2 ? parts[1] : null;
        if (parts.Length == 3 && TimerDefinition.TryParseDate(parts[1], out var start))
        {
            from = start;
            durationText = parts[2];
        }

        if (count == 0 || durationText is null || !Deadline.TryParseDuration(durationText, out var interval) || interval <= TimeSpan.Zero)
        {
            error = $"'{text}' is not a repeating interval such as R/PT1H, R3/PT1H or R5/2026-12-08T09:00:00Z/P1D (R with an optional count, an optional start date, a positive ISO 8601 duration).";
            return null;
        }

        return new StartSchedule(from: from, interval: interval, count: count);
    }

    private static StartSchedule? ReadCron(string text, out string? error)
    {
        error = null;
        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (fields is 5 or 6 && CronExpression.TryParse(text, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard, out var cron))
        {
            return new StartSchedule(cron: cron);
        }

        error = $"'{text}' is neither a repeating interval such as R/PT1H nor a cron expression such as 0 9 * * MON-FRI (five fields, or six with seconds first).";
        return null;
    }
}
