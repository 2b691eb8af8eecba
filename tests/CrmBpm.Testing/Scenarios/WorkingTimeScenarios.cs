using CrmBpm.Engine.Calendar;
using CrmBpm.Engine.DependencyInjection;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Events;
using CrmBpm.Engine.Timers;

namespace CrmBpm.Testing.Scenarios;

/// <summary>
/// Deadlines, reminders and timers that count in working time: a Moscow office working Mon–Fri 9–18 with Wednesday
/// 4 November 2026 a holiday. The clock starts on Monday 2 November at 12:00 Moscow time (09:00 UTC) and only moves when
/// a test says so.
/// </summary>
public abstract class WorkingTimeScenarios : EngineScenario
{
    private static readonly TimeSpan MoscowOffset = TimeSpan.FromHours(3);

    protected override void ConfigureEngine(CrmBpmBuilder bpm) =>
        bpm.UseBusinessCalendar(_ => new WorkingCalendar(TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow"),
            [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
            new TimeOnly(9, 0), new TimeOnly(18, 0), holidays: [new DateOnly(2026, 11, 4)]));

    private static DateTimeOffset InMoscow(int day, int hour) => new(2026, 11, day, hour, 0, 0, MoscowOffset);

    private void MoveClockTo(DateTimeOffset at) => Bpm.Clock.Advance(at - Bpm.Clock.GetUtcNow());

    private static RouteMap CallWithDeadline(bool inWorkingTime) =>
        new MapBuilder("timed").Start()
            .Action("call", configure: a => a with { Deadline = new Deadline { Duration = "P3D", InWorkingTime = inWorkingTime }, ReminderBefore = TimeSpan.FromHours(4) })
            .End().Flow("start", "call", "end").Build();

    [Fact]
    public async Task Three_working_days_skip_the_holiday_and_the_reminder_counts_back_in_working_hours()
    {
        var instance = await Bpm.StartAsync(CallWithDeadline(inWorkingTime: true));
        var task = await Bpm.TaskAtAsync(instance.Id, "call");

        task.DueAt.ShouldBe(InMoscow(6, 12)); // Tue, Thu, Fri: Wednesday is a holiday
        var timers = await Bpm.Store.GetTimersOfTaskAsync(task.Id);
        timers.Single(t => t.Kind == TimerKind.Reminder).DueAt.ShouldBe(InMoscow(5, 17)); // 3 h Friday morning, 1 h Thursday

        MoveClockTo(InMoscow(5, 16));
        (await Bpm.Timers.FireDueTimersAsync()).ShouldBe(0);
        MoveClockTo(InMoscow(5, 17));
        (await Bpm.Timers.FireDueTimersAsync()).ShouldBe(1);
        Bpm.Events.All.OfType<TaskReminderDue>().ShouldHaveSingleItem();
        MoveClockTo(InMoscow(6, 12));
        (await Bpm.Timers.FireDueTimersAsync()).ShouldBe(1);
        Bpm.Events.All.OfType<TaskDeadlineReached>().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_deadline_that_does_not_say_working_time_counts_every_hour()
    {
        var instance = await Bpm.StartAsync(CallWithDeadline(inWorkingTime: false));

        (await Bpm.TaskAtAsync(instance.Id, "call")).DueAt.ShouldBe(InMoscow(5, 12));
    }

    [Fact]
    public async Task A_timer_event_in_working_hours_waits_over_the_weekend()
    {
        MoveClockTo(InMoscow(6, 16)); // Friday
        var instance = await Bpm.StartAsync(new MapBuilder("waiting").Start()
            .Add(new TimerWaitPoint { Id = "wait", Name = "Cool off", Timer = TimerDefinition.After("PT4H") with { InWorkingTime = true } })
            .Action("check").End().Flow("start", "wait", "check", "end").Build());

        MoveClockTo(InMoscow(9, 10));
        (await Bpm.Timers.FireDueTimersAsync()).ShouldBe(0);
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["wait"]);
        MoveClockTo(InMoscow(9, 11)); // 2 h on Friday, 2 h on Monday
        (await Bpm.Timers.FireDueTimersAsync()).ShouldBe(1);
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["check"]);
    }

    [Fact]
    public async Task A_boundary_timer_in_working_hours_skips_the_holiday()
    {
        MoveClockTo(InMoscow(3, 12)); // Tuesday
        var instance = await Bpm.StartAsync(new MapBuilder("escalated").Start()
            .Action("call")
            .Add(new BoundaryTimerPoint { Id = "late", Name = "Late", AttachedToId = "call", Timer = TimerDefinition.After("PT9H") with { InWorkingTime = true } })
            .Action("escalate", user: "boss")
            .End().End("lateEnd")
            .Flow("start", "call", "end").Flow("late", "escalate", "lateEnd").Build());

        MoveClockTo(InMoscow(5, 11));
        (await Bpm.Timers.FireDueTimersAsync()).ShouldBe(0);
        MoveClockTo(InMoscow(5, 12)); // 6 h on Tuesday, 3 h on Thursday
        (await Bpm.Timers.FireDueTimersAsync()).ShouldBe(1);
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["escalate"]);
    }
}
