namespace CrmBpm.Crm.Calendar;

/// <summary>A whole business calendar as an editor saves it.</summary>
public sealed record BusinessCalendarChange(
    string Name,
    string TimeZoneId,
    IReadOnlyList<DayOfWeek> WorkingDays,
    TimeOnly DayStart,
    TimeOnly DayEnd,
    IReadOnlyList<CalendarDay> Holidays,
    IReadOnlyList<CalendarDay> WorkedDays);
