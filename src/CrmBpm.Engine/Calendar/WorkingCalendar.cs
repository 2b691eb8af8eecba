namespace CrmBpm.Engine.Calendar;

/// <summary>
/// A business calendar: working days of the week, one span of working hours a day, holidays, and days that are worked
/// although the week says otherwise (a Saturday swapped for a bridge day), all read in one time zone. It counts durations
/// by the rules in the engine README ("Working time"): days to the same time of day on the n-th working day, hours only
/// inside working hours; wall-clock time in <see cref="TimeZone"/>, so a daylight-saving change moves nothing.
/// </summary>
public sealed class WorkingCalendar : IBusinessCalendar
{
    // A calendar with no working day at all would never end a count; a year of searching says so instead.
    private const int MaxDaysSearched = 366 * 2;

    private readonly HashSet<DayOfWeek> _workingDays;
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _workedDays;

    /// <summary>A calendar; <paramref name="dayStart"/> must come before <paramref name="dayEnd"/> and at least one week day must be worked.</summary>
    public WorkingCalendar(TimeZoneInfo timeZone, IEnumerable<DayOfWeek> workingDays, TimeOnly dayStart, TimeOnly dayEnd,
        IEnumerable<DateOnly>? holidays = null, IEnumerable<DateOnly>? workedDays = null)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        ArgumentNullException.ThrowIfNull(workingDays);
        if (dayEnd <= dayStart)
        {
            throw new ArgumentException($"Working hours must end after they start ({dayStart:HH\\:mm}–{dayEnd:HH\\:mm}).", nameof(dayEnd));
        }

        _workingDays = [.. workingDays];
        if (_workingDays.Count == 0)
        {
            throw new ArgumentException("At least one day of the week must be a working day.", nameof(workingDays));
        }

        TimeZone = timeZone;
        DayStart = dayStart;
        DayEnd = dayEnd;
        _holidays = [.. holidays ?? []];
        _workedDays = [.. workedDays ?? []];
    }

    /// <summary>The zone the working hours and dates are read in.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>When a working day starts (wall-clock time in <see cref="TimeZone"/>).</summary>
    public TimeOnly DayStart { get; }

    /// <summary>When a working day ends.</summary>
    public TimeOnly DayEnd { get; }

    /// <summary>Whether <paramref name="date"/> is worked: a working week day that is no holiday, or a day declared worked.</summary>
    public bool IsWorkingDay(DateOnly date) =>
        _workedDays.Contains(date) || (_workingDays.Contains(date.DayOfWeek) && !_holidays.Contains(date));

    /// <inheritdoc />
    public DateTimeOffset Add(DateTimeOffset start, WorkingDuration duration)
    {
        if (duration.IsZero)
        {
            return start;
        }

        var local = TimeZoneInfo.ConvertTime(start, TimeZone).DateTime;
        var date = DateOnly.FromDateTime(local);
        var time = TimeOnly.FromDateTime(local);
        if (duration.Days > 0)
        {
            if (IsWorkingDay(date) && time >= DayStart && time <= DayEnd)
            {
                // Inside working hours: the same time of day on the n-th working day after.
                date = NextWorkingDay(date, duration.Days);
            }
            else
            {
                // Outside them: the next working day is the first of the n, counted whole, to its end.
                var first = IsWorkingDay(date) && time < DayStart ? date : NextWorkingDay(date, 1);
                date = NextWorkingDay(first, duration.Days - 1);
                time = DayEnd;
            }
        }

        var remaining = duration.Time;
        while (remaining > TimeSpan.Zero)
        {
            if (!IsWorkingDay(date) || time >= DayEnd)
            {
                (date, time) = (NextWorkingDay(date, 1), DayStart);
            }
            else if (time < DayStart)
            {
                time = DayStart;
            }

            var available = DayEnd - time;
            if (remaining <= available)
            {
                // Ending exactly at the day's end stays on that day, not the next morning.
                time = time.Add(remaining);
                remaining = TimeSpan.Zero;
            }
            else
            {
                remaining -= available;
                time = DayEnd;
            }
        }

        return ToInstant(date, time);
    }

    /// <inheritdoc />
    public DateTimeOffset Subtract(DateTimeOffset end, WorkingDuration duration)
    {
        if (duration.IsZero)
        {
            return end;
        }

        var local = TimeZoneInfo.ConvertTime(end, TimeZone).DateTime;
        var date = DateOnly.FromDateTime(local);
        var time = TimeOnly.FromDateTime(local);
        var remaining = duration.Time;
        while (remaining > TimeSpan.Zero)
        {
            if (!IsWorkingDay(date) || time <= DayStart)
            {
                (date, time) = (PreviousWorkingDay(date, 1), DayEnd);
            }
            else if (time > DayEnd)
            {
                time = DayEnd;
            }

            var available = time - DayStart;
            if (remaining <= available)
            {
                time = time.Add(-remaining);
                remaining = TimeSpan.Zero;
            }
            else
            {
                remaining -= available;
                time = DayStart;
            }
        }

        if (duration.Days > 0)
        {
            if (IsWorkingDay(date) && time >= DayStart && time <= DayEnd)
            {
                date = PreviousWorkingDay(date, duration.Days);
            }
            else
            {
                // The mirror of Add: the previous working day is the last of the n, counted whole, from its start.
                var last = IsWorkingDay(date) && time > DayEnd ? date : PreviousWorkingDay(date, 1);
                date = PreviousWorkingDay(last, duration.Days - 1);
                time = DayStart;
            }
        }

        return ToInstant(date, time);
    }

    private DateOnly NextWorkingDay(DateOnly date, int count) => Step(date, count, 1);

    private DateOnly PreviousWorkingDay(DateOnly date, int count) => Step(date, count, -1);

    private DateOnly Step(DateOnly date, int count, int direction)
    {
        for (var found = 0; found < count;)
        {
            var searched = 0;
            do
            {
                date = date.AddDays(direction);
                if (++searched > MaxDaysSearched)
                {
                    throw new InvalidOperationException($"The business calendar has no working day within {MaxDaysSearched} days of {date:yyyy-MM-dd}.");
                }
            }
            while (!IsWorkingDay(date));

            found++;
        }

        return date;
    }

    /// <summary>The instant of a wall-clock time; a time skipped by a daylight-saving change is read as the same time after it.</summary>
    private DateTimeOffset ToInstant(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (TimeZone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(local, TimeZone.GetUtcOffset(local));
    }
}
