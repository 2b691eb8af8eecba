namespace CrmBpm.Engine.Calendar;

/// <summary>The default calendar: every hour of every day is working time, so working time is plain elapsed time.</summary>
public sealed class EveryHourCalendar : IBusinessCalendar
{
    /// <summary>The one instance.</summary>
    public static EveryHourCalendar Instance { get; } = new();

    /// <inheritdoc />
    public DateTimeOffset Add(DateTimeOffset start, WorkingDuration duration) => start + duration.Elapsed;

    /// <inheritdoc />
    public DateTimeOffset Subtract(DateTimeOffset end, WorkingDuration duration) => end - duration.Elapsed;
}
