using System.Globalization;
using CrmBpm.Crm.Calendar;

namespace CrmBpm.Server.Api.Contracts;

/// <summary>
/// The business calendar: working days of the week and hours (<c>HH:mm</c>) in a time zone, holidays and worked days.
/// <see cref="Version"/> is 0 while nothing was saved (the default calendar is shown and counted in).
/// </summary>
public sealed record BusinessCalendarDto(
    string Name, string TimeZoneId, IReadOnlyList<DayOfWeek> WorkingDays, string DayStart, string DayEnd,
    IReadOnlyList<CalendarDayDto> Holidays, IReadOnlyList<CalendarDayDto> WorkedDays, long Version)
{
    /// <summary>Maps a calendar.</summary>
    public static BusinessCalendarDto From(BusinessCalendar c) => new(
        c.Name, c.TimeZoneId, c.WorkingDays, Time(c.DayStart), Time(c.DayEnd),
        [.. c.Holidays.Select(CalendarDayDto.From)], [.. c.WorkedDays.Select(CalendarDayDto.From)], c.Version);

    /// <summary>A time as the API writes it.</summary>
    public static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}

/// <summary>A holiday or a worked day.</summary>
public sealed record CalendarDayDto(DateOnly Date, string Name)
{
    /// <summary>Maps a day.</summary>
    public static CalendarDayDto From(CalendarDay d) => new(d.Date, d.Name);
}

/// <summary>
/// Saving the whole calendar. <see cref="Version"/> is the version read (0 for the default one): a calendar saved by someone
/// else meanwhile is refused (409) rather than overwritten; omitted, the save overwrites.
/// </summary>
public sealed record SaveBusinessCalendarRequest(
    string? Name, string? TimeZoneId, IReadOnlyList<DayOfWeek>? WorkingDays, string? DayStart, string? DayEnd,
    IReadOnlyList<CalendarDayDto>? Holidays, IReadOnlyList<CalendarDayDto>? WorkedDays, long? Version);
