using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Timers;

namespace CrmBpm.Engine.Tests.Runtime;

/// <summary>
/// The schedule of a timer start event: when it first starts after publishing and when it starts next, for dates, durations,
/// ISO 8601 repeating intervals and cron expressions (read in the configured time zone).
/// </summary>
public sealed class Reading_start_schedules
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private static StartSchedule Read(TimerDefinition timer) => StartSchedule.Read(timer, out var error) ?? throw new InvalidOperationException(error);

    [Fact]
    public void A_cron_expression_is_read_in_the_configured_time_zone()
    {
        var moscow = TimeZoneInfo.CreateCustomTimeZone("UTC+3", TimeSpan.FromHours(3), "UTC+3", "UTC+3");
        var schedule = Read(TimerDefinition.Every("0 9 * * MON-FRI"));

        // Monday 09:00 UTC is 12:00 there: the next 09:00 there is Tuesday's, at 06:00 UTC.
        schedule.First(Monday, moscow).ShouldBe((new DateTimeOffset(2026, 11, 3, 6, 0, 0, TimeSpan.Zero), 1));
        schedule.Next(new DateTimeOffset(2026, 11, 6, 6, 0, 0, TimeSpan.Zero), 4, moscow).ShouldBe(new DateTimeOffset(2026, 11, 9, 6, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void A_quartz_cron_with_seconds_as_camunda_writes_it_is_read()
    {
        // Camunda's loan-granting example: every five seconds.
        var schedule = Read(TimerDefinition.Every("0/5 0/1 * 1/1 * ?"));

        schedule.First(Monday, TimeZoneInfo.Utc).ShouldBe((Monday.AddSeconds(5), 1));
        schedule.Next(Monday.AddSeconds(5), 1, TimeZoneInfo.Utc).ShouldBe(Monday.AddSeconds(10));
    }

    [Fact]
    public void A_counted_cycle_from_a_date_already_passed_goes_on_from_the_next_occurrence_with_its_number()
    {
        var schedule = Read(TimerDefinition.Every("R5/2026-10-31T09:00:00Z/P1D"));

        // 31 October, 1 and 2 November have passed (2 November exactly now counts as passed once it is due): the 3rd is firing 3.
        schedule.First(Monday, TimeZoneInfo.Utc).ShouldBe((Monday, 3));
        schedule.Next(Monday, 4, TimeZoneInfo.Utc).ShouldBe(Monday.AddDays(1));
        schedule.Next(Monday.AddDays(1), 5, TimeZoneInfo.Utc).ShouldBeNull();
        Read(TimerDefinition.Every("R2/2026-10-01T09:00:00Z/P1D")).First(Monday, TimeZoneInfo.Utc).ShouldBeNull();
    }

    [Fact]
    public void A_duration_starts_once_that_long_after_publishing()
    {
        var schedule = Read(TimerDefinition.After("PT30M"));

        schedule.First(Monday, TimeZoneInfo.Utc).ShouldBe((Monday.AddMinutes(30), 1));
        schedule.Next(Monday.AddMinutes(30), 1, TimeZoneInfo.Utc).ShouldBeNull();
    }

    [Theory]
    [InlineData(TimerDefinitionKind.Cycle, "every hour", "neither a repeating interval")]
    [InlineData(TimerDefinitionKind.Cycle, "R/PT0S", "not a repeating interval")]
    [InlineData(TimerDefinitionKind.Cycle, "R0/PT1H", "not a repeating interval")]
    [InlineData(TimerDefinitionKind.Cycle, "Rx/PT1H", "not a repeating interval")]
    [InlineData(TimerDefinitionKind.Cycle, "R/yesterday/PT1H", "not a repeating interval")]
    [InlineData(TimerDefinitionKind.Cycle, "0 9 * *", "neither a repeating interval")]
    [InlineData(TimerDefinitionKind.Cycle, "0 61 * * *", "neither a repeating interval")]
    [InlineData(TimerDefinitionKind.Cycle, "${cron}", "expression")]
    [InlineData(TimerDefinitionKind.Date, "tomorrow", "not an ISO 8601 date")]
    [InlineData(TimerDefinitionKind.Duration, "PT0S", "not a positive ISO 8601 duration")]
    [InlineData(TimerDefinitionKind.Duration, "", "does not say when it starts")]
    public void Text_that_does_not_read_is_refused_with_the_reason(TimerDefinitionKind kind, string value, string reason)
    {
        StartSchedule.Read(new TimerDefinition { Kind = kind, Value = value }, out var error).ShouldBeNull();

        error.ShouldNotBeNull().ShouldContain(reason);
    }
}
