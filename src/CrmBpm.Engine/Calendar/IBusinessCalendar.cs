namespace CrmBpm.Engine.Calendar;

/// <summary>
/// Counts durations in working time: the engine asks it for deadlines, reminders and timers that say they count in
/// working time (<c>crm:workingTime="true"</c>). The default registration (<see cref="EveryHourCalendar"/>) counts every
/// hour, so such a map runs as if the flag were not there; an application registers its own (the CRM's is a
/// <see cref="WorkingCalendar"/> read from its database). Called inside commands, so it answers from memory.
/// </summary>
public interface IBusinessCalendar
{
    /// <summary>The moment <paramref name="duration"/> of working time after <paramref name="start"/>.</summary>
    DateTimeOffset Add(DateTimeOffset start, WorkingDuration duration);

    /// <summary>The moment <paramref name="duration"/> of working time before <paramref name="end"/> (a reminder before a deadline).</summary>
    DateTimeOffset Subtract(DateTimeOffset end, WorkingDuration duration);
}
