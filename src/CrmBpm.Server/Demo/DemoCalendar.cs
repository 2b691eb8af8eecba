using CrmBpm.Crm.Calendar;

namespace CrmBpm.Server.Demo;

/// <summary>
/// The demo company's business calendar: Mon–Fri 9–18 in Berlin (the demo company is German: Nordwind Logistik, Helga's
/// sales department), with Germany's nationwide public holidays of 2026 and 2027 and Berlin's Women's Day (8 March).
/// Holidays that fall on a weekend are listed too (they change nothing, and the list reads like a wall calendar).
/// </summary>
public static class DemoCalendar
{
    /// <summary>The calendar as the demo seeds it.</summary>
    public static BusinessCalendarChange Create() => new(
        "Company calendar (Berlin)",
        "Europe/Berlin",
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
        new TimeOnly(9, 0),
        new TimeOnly(18, 0),
        [.. Holidays(2026, easter: new DateOnly(2026, 4, 5)), .. Holidays(2027, easter: new DateOnly(2027, 3, 28))],
        []);

    private static IEnumerable<CalendarDay> Holidays(int year, DateOnly easter) =>
    [
        new(new DateOnly(year, 1, 1), "New Year's Day"),
        new(new DateOnly(year, 3, 8), "International Women's Day (Berlin)"),
        new(easter.AddDays(-2), "Good Friday"),
        new(easter.AddDays(1), "Easter Monday"),
        new(new DateOnly(year, 5, 1), "Labour Day"),
        new(easter.AddDays(39), "Ascension Day"),
        new(easter.AddDays(50), "Whit Monday"),
        new(new DateOnly(year, 10, 3), "German Unity Day"),
        new(new DateOnly(year, 12, 25), "Christmas Day"),
        new(new DateOnly(year, 12, 26), "Boxing Day"),
    ];
}
