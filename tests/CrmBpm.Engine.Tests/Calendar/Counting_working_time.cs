using CrmBpm.Engine.Calendar;

namespace CrmBpm.Engine.Tests.Calendar;

/// <summary>
/// Working time in a Moscow office, Mon–Fri 9–18, with 4 November 2026 (Unity Day, a Wednesday) a holiday and Saturday
/// 28 November 2026 declared worked; and in Berlin across the spring daylight-saving change.
/// </summary>
public sealed class Counting_working_time
{
    private static readonly TimeZoneInfo Moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private static readonly WorkingCalendar Office = new(Moscow, Weekdays, new TimeOnly(9, 0), new TimeOnly(18, 0),
        holidays: [new DateOnly(2026, 11, 4)], workedDays: [new DateOnly(2026, 11, 28)]);

    private static DateTimeOffset InMoscow(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.FromHours(3));

    private static WorkingDuration Iso(string text) => WorkingDuration.TryParse(text, out var duration) ? duration : throw new FormatException(text);

    [Theory]
    [InlineData("P3D", 3, 0)]
    [InlineData("PT4H", 0, 4)]
    [InlineData("P1DT2H30M", 1, 2.5)]
    [InlineData("PT72H", 0, 72)]
    public void An_ISO_duration_keeps_its_days_apart_from_its_hours(string text, int days, double hours)
    {
        Iso(text).ShouldBe(new WorkingDuration(days, TimeSpan.FromHours(hours)));
    }

    [Fact]
    public void Days_end_at_the_same_time_of_day_skipping_the_weekend()
    {
        Office.Add(InMoscow(11, 12, 14, 30), Iso("P3D")).ShouldBe(InMoscow(11, 17, 14, 30)); // Thu → Tue
    }

    [Fact]
    public void Days_skip_a_holiday()
    {
        Office.Add(InMoscow(11, 3, 10), Iso("P1D")).ShouldBe(InMoscow(11, 5, 10)); // Tue → Thu, Wed 4 Nov is a holiday
    }

    [Fact]
    public void A_Saturday_declared_worked_counts()
    {
        Office.Add(InMoscow(11, 27, 10), Iso("P1D")).ShouldBe(InMoscow(11, 28, 10));
    }

    [Theory]
    [InlineData(6, 20, 9, 18)]  // Friday evening: Monday is the one day, to its end
    [InlineData(7, 12, 9, 18)]  // Saturday
    [InlineData(9, 7, 9, 18)]   // Monday before hours: Monday itself counts
    public void Days_started_outside_working_hours_end_at_the_end_of_the_last_day(int startDay, int startHour, int endDay, int endHour)
    {
        Office.Add(InMoscow(11, startDay, startHour), Iso("P1D")).ShouldBe(InMoscow(11, endDay, endHour));
    }

    [Fact]
    public void Hours_count_only_inside_working_hours_across_the_weekend()
    {
        Office.Add(InMoscow(11, 6, 16), Iso("PT4H")).ShouldBe(InMoscow(11, 9, 11)); // 2 h Friday, 2 h Monday
    }

    [Fact]
    public void Hours_that_use_up_the_day_end_at_its_end_not_the_next_morning()
    {
        Office.Add(InMoscow(11, 2, 14), Iso("PT4H")).ShouldBe(InMoscow(11, 2, 18));
    }

    [Fact]
    public void Hours_started_at_night_begin_in_the_morning_and_skip_a_holiday()
    {
        Office.Add(InMoscow(11, 3, 22), Iso("PT10H")).ShouldBe(InMoscow(11, 6, 10)); // Thu 9 h, Fri 1 h
    }

    [Fact]
    public void Days_and_hours_add_up_days_first()
    {
        Office.Add(InMoscow(11, 6, 17), Iso("P1DT2H")).ShouldBe(InMoscow(11, 10, 10)); // Mon 17:00, then 1 h Mon + 1 h Tue
    }

    [Fact]
    public void Nothing_to_count_leaves_the_moment_as_it_is()
    {
        Office.Add(InMoscow(11, 7, 3), Iso("PT0S")).ShouldBe(InMoscow(11, 7, 3));
    }

    [Fact]
    public void A_reminder_before_a_deadline_counts_back_over_a_holiday_and_the_night()
    {
        Office.Subtract(InMoscow(11, 5, 11), Iso("PT4H")).ShouldBe(InMoscow(11, 3, 16)); // 2 h Thu, the holiday, 2 h Tue
        Office.Subtract(InMoscow(11, 9, 12), Iso("P1D")).ShouldBe(InMoscow(11, 6, 12));
    }

    [Fact]
    public void Counting_back_from_outside_working_hours_starts_at_the_last_day_s_start()
    {
        Office.Subtract(InMoscow(11, 8, 12), Iso("P1D")).ShouldBe(InMoscow(11, 6, 9)); // Sunday: Friday is the one day
    }

    [Fact]
    public void A_daylight_saving_change_keeps_the_wall_clock_time()
    {
        var calendar = new WorkingCalendar(Berlin, Weekdays, new TimeOnly(9, 0), new TimeOnly(18, 0));
        var friday = new DateTimeOffset(2026, 3, 27, 10, 0, 0, TimeSpan.FromHours(1)); // CET; summer time starts Sunday 29 March

        var due = calendar.Add(friday, Iso("P1D"));

        due.ShouldBe(new DateTimeOffset(2026, 3, 30, 10, 0, 0, TimeSpan.FromHours(2)));
        due.UtcDateTime.Hour.ShouldBe(8);
        calendar.Add(friday, Iso("PT9H")).ShouldBe(new DateTimeOffset(2026, 3, 30, 10, 0, 0, TimeSpan.FromHours(2)));
    }

    [Fact]
    public void Every_hour_counts_in_the_default_calendar()
    {
        var start = InMoscow(11, 7, 3);
        EveryHourCalendar.Instance.Add(start, Iso("P3DT4H")).ShouldBe(start.AddDays(3).AddHours(4));
        EveryHourCalendar.Instance.Subtract(start, Iso("PT4H")).ShouldBe(start.AddHours(-4));
    }

    [Fact]
    public void A_calendar_without_working_days_or_with_hours_ending_before_they_start_is_refused()
    {
        Should.Throw<ArgumentException>(() => new WorkingCalendar(Moscow, [], new TimeOnly(9, 0), new TimeOnly(18, 0)));
        Should.Throw<ArgumentException>(() => new WorkingCalendar(Moscow, Weekdays, new TimeOnly(18, 0), new TimeOnly(9, 0)));
    }
}
