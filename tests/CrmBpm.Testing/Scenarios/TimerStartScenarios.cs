using CrmBpm.Engine;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Events;
using CrmBpm.Engine.Timers;

namespace CrmBpm.Testing.Scenarios;

/// <summary>
/// Timer start events: publishing a map whose start event has a timer schedules its next start as a persisted timer; the
/// timer service starts an instance of that version when it is due and schedules the following start in the same command.
/// Driven by the manual clock (it starts on Monday 2 November 2026, 09:00 UTC) and by calling the timer processor.
/// </summary>
public abstract class TimerStartScenarios : EngineScenario
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private static RouteMap Scheduled(TimerDefinition? timer, string key = "report") =>
        new MapBuilder(key).Add(new StartPoint { Id = "start", Name = "Every morning", Timer = timer }).Action("prepare").End()
            .Flow("start", "prepare", "end").Build();

    private int Started(string key = "report") => Bpm.Events.All.OfType<InstanceStarted>().Count(e => e.MapKey == key);

    private async Task<TimerRecord?> NextStartAsync(string key = "report", int version = 1) =>
        (await Bpm.Store.GetTimersOfTaskAsync(TimerRecord.StartScheduleId(key, version))).SingleOrDefault(t => t.FiredAt is null);

    private async Task<int> AdvanceAndFireAsync(TimeSpan by)
    {
        Bpm.Clock.Advance(by);
        return await Bpm.Timers.FireDueTimersAsync();
    }

    [Fact]
    public async Task A_cycle_without_end_starts_an_instance_every_interval_from_publishing()
    {
        await Bpm.DeployAsync(Scheduled(TimerDefinition.Every("R/PT1H")));

        var first = (await NextStartAsync()).ShouldNotBeNull();
        (first.Kind, first.DueAt, first.MapKey, first.MapVersion, first.Attempt).ShouldBe((TimerKind.StartTimer, Monday.AddHours(1), "report", 1, 1));
        (await AdvanceAndFireAsync(TimeSpan.FromMinutes(59))).ShouldBe(0);
        Started().ShouldBe(0);

        (await AdvanceAndFireAsync(TimeSpan.FromMinutes(1))).ShouldBe(1);
        Started().ShouldBe(1);
        (await NextStartAsync()).ShouldNotBeNull().DueAt.ShouldBe(Monday.AddHours(2));
        (await AdvanceAndFireAsync(TimeSpan.FromHours(1))).ShouldBe(1);

        Started().ShouldBe(2);
        var instance = Bpm.Events.All.OfType<InstanceStarted>().Last();
        (await Bpm.OpenTasksAsync(instance.InstanceId)).ShouldHaveSingleItem().PointId.ShouldBe("prepare");
    }

    [Fact]
    public async Task A_counted_cycle_from_a_date_starts_that_many_times_one_interval_apart_then_stops()
    {
        await Bpm.DeployAsync(Scheduled(TimerDefinition.Every("R3/2026-11-03T08:00:00Z/P1D")));
        (await NextStartAsync()).ShouldNotBeNull().DueAt.ShouldBe(new DateTimeOffset(2026, 11, 3, 8, 0, 0, TimeSpan.Zero));

        for (var day = 1; day <= 3; day++)
        {
            (await AdvanceAndFireAsync(TimeSpan.FromDays(1))).ShouldBe(1);
        }

        Started().ShouldBe(3);
        (await NextStartAsync()).ShouldBeNull();
        (await AdvanceAndFireAsync(TimeSpan.FromDays(5))).ShouldBe(0);
    }

    [Fact]
    public async Task A_date_starts_one_instance_at_that_date()
    {
        await Bpm.DeployAsync(Scheduled(TimerDefinition.At("2026-11-02T12:30:00Z")));

        (await AdvanceAndFireAsync(TimeSpan.FromHours(3))).ShouldBe(0);
        (await AdvanceAndFireAsync(TimeSpan.FromMinutes(30))).ShouldBe(1);

        Started().ShouldBe(1);
        (await NextStartAsync()).ShouldBeNull();
    }

    [Fact]
    public async Task A_cron_schedule_starts_on_weekday_mornings_only()
    {
        // Published on Monday at 09:00: the next 09:00 of a weekday is Tuesday's.
        await Bpm.DeployAsync(Scheduled(TimerDefinition.Every("0 9 * * MON-FRI")));
        (await NextStartAsync()).ShouldNotBeNull().DueAt.ShouldBe(Monday.AddDays(1));

        for (var day = 0; day < 7; day++)
        {
            await AdvanceAndFireAsync(TimeSpan.FromDays(1));
        }

        // Tuesday to Friday, then the following Monday: five starts, none on the weekend.
        Started().ShouldBe(5);
        (await NextStartAsync()).ShouldNotBeNull().DueAt.ShouldBe(Monday.AddDays(8));
    }

    [Fact]
    public async Task Publishing_a_new_version_replaces_the_schedule_of_the_old_one()
    {
        await Bpm.DeployAsync(Scheduled(TimerDefinition.Every("R/PT1H")));

        var second = await Bpm.DeployAsync(Scheduled(TimerDefinition.Every("R/PT2H")));

        second.Version.ShouldBe(2);
        (await NextStartAsync(version: 1)).ShouldBeNull();
        (await NextStartAsync(version: 2)).ShouldNotBeNull().DueAt.ShouldBe(Monday.AddHours(2));
        (await AdvanceAndFireAsync(TimeSpan.FromHours(1))).ShouldBe(0);
        (await AdvanceAndFireAsync(TimeSpan.FromHours(1))).ShouldBe(1);
        var started = await Bpm.InstanceAsync(Bpm.Events.All.OfType<InstanceStarted>().Single().InstanceId);
        started.MapVersion.ShouldBe(2);
    }

    [Fact]
    public async Task A_new_version_without_a_timer_start_stops_the_schedule()
    {
        await Bpm.DeployAsync(Scheduled(TimerDefinition.Every("R/PT1H")));

        await Bpm.DeployAsync(Scheduled(timer: null));

        (await NextStartAsync(version: 1)).ShouldBeNull();
        (await AdvanceAndFireAsync(TimeSpan.FromHours(5))).ShouldBe(0);
        Started().ShouldBe(0);
    }

    [Fact]
    public async Task A_start_timer_left_from_a_replaced_version_fires_to_nothing_and_ends_its_schedule()
    {
        // As if the replacing publish had not removed it (a schedule written by an older build): the firing checks the version itself.
        await Bpm.DeployAsync(Scheduled(TimerDefinition.Every("R/PT1H")));
        var orphan = (await NextStartAsync()).ShouldNotBeNull();
        await Bpm.DeployAsync(Scheduled(TimerDefinition.At("2030-01-01T00:00:00Z")));
        await using (var session = await Bpm.Store.OpenSessionAsync())
        {
            session.AddTimer(new TimerRecord
            {
                InstanceId = Guid.Empty, TaskId = orphan.TaskId, Kind = TimerKind.StartTimer, MapKey = "report", MapVersion = 1, DueAt = orphan.DueAt, Attempt = 1,
            });
            await session.CommitAsync();
        }

        (await AdvanceAndFireAsync(TimeSpan.FromHours(1))).ShouldBe(0);

        Started().ShouldBe(0);
        (await NextStartAsync(version: 1)).ShouldBeNull();
    }

    [Fact]
    public async Task Two_timer_services_polling_at_once_start_one_instance()
    {
        await Bpm.DeployAsync(Scheduled(TimerDefinition.Every("R/PT1H")));
        Bpm.Clock.Advance(TimeSpan.FromHours(1));

        var fired = await Task.WhenAll(Bpm.Timers.FireDueTimersAsync(), Bpm.Timers.FireDueTimersAsync());

        fired.Sum().ShouldBe(1);
        Started().ShouldBe(1);
        (await NextStartAsync()).ShouldNotBeNull().Attempt.ShouldBe(2);
    }

    [Fact]
    public async Task A_map_with_a_timer_start_can_still_be_started_by_hand()
    {
        await Bpm.DeployAsync(Scheduled(TimerDefinition.Every("R/PT1H")));

        var instance = await Bpm.Engine.StartAsync("report", new StartOptions());

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["prepare"]);
        (await NextStartAsync()).ShouldNotBeNull().DueAt.ShouldBe(Monday.AddHours(1));
    }
}
