using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Timers;

namespace CrmBpm.Testing.Scenarios;

/// <summary>
/// Timer events: a token reaching one waits while a persisted timer, committed with the command, is due; the timer service
/// fires it and the token goes on. Driven by a manual clock and by calling the timer processor, never by waiting.
/// </summary>
public abstract class TimerEventScenarios : EngineScenario
{
    private static RouteMap WaitThenAction(TimerDefinition timer, string key = "waiting") =>
        new MapBuilder(key).Start()
            .Add(new TimerWaitPoint { Id = "wait", Name = "Cool off", Timer = timer })
            .Action("check")
            .End()
            .Flow("start", "wait", "check", "end")
            .Build();

    private async Task<TimerRecord> PendingTimerAsync(Guid instanceId)
    {
        var token = (await Bpm.InstanceAsync(instanceId)).Tokens.Single(t => t.PointId == "wait");
        token.State.ShouldBe(TokenState.Waiting);
        return (await Bpm.Store.GetTimersOfTaskAsync(token.Id)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task The_token_waits_for_the_duration_then_goes_on()
    {
        var started = Bpm.Clock.GetUtcNow();
        var instance = await Bpm.StartAsync(WaitThenAction(TimerDefinition.After("PT1H")));

        var timer = await PendingTimerAsync(instance.Id);
        (timer.Kind, timer.DueAt).ShouldBe((TimerKind.TimerEvent, started.AddHours(1)));
        (await Bpm.Timers.FireDueTimersAsync()).ShouldBe(0);
        Bpm.Clock.Advance(TimeSpan.FromMinutes(59));
        (await Bpm.Timers.FireDueTimersAsync()).ShouldBe(0);
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["wait"]);

        Bpm.Clock.Advance(TimeSpan.FromMinutes(1));
        (await Bpm.Timers.FireDueTimersAsync()).ShouldBe(1);

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["check"]);
        (await Bpm.Engine.GetHistoryAsync(instance.Id)).Select(h => h.Kind).ShouldContain(HistoryKind.TimerFired);
        (await Bpm.Timers.FireDueTimersAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_date_in_the_past_fires_at_the_first_poll_not_inside_the_command()
    {
        var instance = await Bpm.StartAsync(WaitThenAction(TimerDefinition.At("2020-01-01T00:00:00Z")));

        instance.Tokens.ShouldHaveSingleItem().PointId.ShouldBe("wait");
        (await Bpm.Timers.FireDueTimersAsync()).ShouldBe(1);
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["check"]);
    }

    [Fact]
    public async Task A_date_in_the_future_fires_at_that_date()
    {
        var at = Bpm.Clock.GetUtcNow().AddDays(2);
        var instance = await Bpm.StartAsync(WaitThenAction(TimerDefinition.At(at.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture))));

        (await PendingTimerAsync(instance.Id)).DueAt.ShouldBe(at);
        Bpm.Clock.Advance(TimeSpan.FromDays(2));
        (await Bpm.Timers.FireDueTimersAsync()).ShouldBe(1);
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["check"]);
    }

    [Fact]
    public async Task A_juel_expression_gives_the_duration_and_a_javascript_one_the_date()
    {
        var now = Bpm.Clock.GetUtcNow();
        var juel = await Bpm.StartAsync(WaitThenAction(TimerDefinition.After("${waitFor}"), "juel"), new { waitFor = "PT2H" });
        var javaScript = await Bpm.StartAsync(
            WaitThenAction(new TimerDefinition { Kind = TimerDefinitionKind.Date, Value = "callBackAt", IsJavaScript = true }, "javascript"),
            new { callBackAt = "2026-11-05T12:00:00Z" });

        (await PendingTimerAsync(juel.Id)).DueAt.ShouldBe(now.AddHours(2));
        (await PendingTimerAsync(javaScript.Id)).DueAt.ShouldBe(new DateTimeOffset(2026, 11, 5, 12, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task An_expression_giving_no_time_is_an_incident_at_the_wait_and_a_retry_with_a_value_waits()
    {
        var instance = await Bpm.StartAsync(WaitThenAction(TimerDefinition.After("${waitFor}")), new { waitFor = "soon" });

        instance.Status.ShouldBe(InstanceStatus.Incident);
        instance.IncidentMessage!.ShouldContain("Cool off");
        instance.IncidentMessage!.ShouldContain("soon");

        await Bpm.Engine.RetryIncidentAsync(instance.Id, new Dictionary<string, object?> { ["waitFor"] = "PT5M" });

        (await PendingTimerAsync(instance.Id)).DueAt.ShouldBe(Bpm.Clock.GetUtcNow().AddMinutes(5));
    }

    [Fact]
    public async Task Terminating_the_instance_cancels_its_pending_timer()
    {
        var instance = await Bpm.StartAsync(WaitThenAction(TimerDefinition.After("PT1H")));
        var timer = await PendingTimerAsync(instance.Id);

        await Bpm.Engine.TerminateAsync(instance.Id, "customer withdrew");

        (await Bpm.Store.GetTimersOfTaskAsync(timer.TaskId)).Where(t => t.FiredAt is null).ShouldBeEmpty();
        Bpm.Clock.Advance(TimeSpan.FromHours(2));
        (await Bpm.Timers.FireDueTimersAsync()).ShouldBe(0);
        (await Bpm.InstanceAsync(instance.Id)).Status.ShouldBe(InstanceStatus.Terminated);
    }

    [Fact]
    public async Task A_suspended_instance_s_timer_fires_after_the_resume()
    {
        var instance = await Bpm.StartAsync(WaitThenAction(TimerDefinition.After("PT1H")));
        await Bpm.Engine.SuspendAsync(instance.Id);

        Bpm.Clock.Advance(TimeSpan.FromHours(1));
        (await Bpm.Timers.FireDueTimersAsync()).ShouldBe(0);
        await Bpm.Engine.ResumeAsync(instance.Id);
        Bpm.Clock.Advance(TimeSpan.FromMinutes(10)); // past the lease the suspended round took

        (await Bpm.Timers.FireDueTimersAsync()).ShouldBe(1);
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["check"]);
    }

    [Fact]
    public async Task Two_waits_in_parallel_branches_each_fire_at_their_own_time()
    {
        var map = new MapBuilder("parallel").Start()
            .Split("split")
            .Add(new TimerWaitPoint { Id = "short", Timer = TimerDefinition.After("PT1H") })
            .Add(new TimerWaitPoint { Id = "long", Timer = TimerDefinition.After("P1D") })
            .Merge("merge")
            .End()
            .Flow("start", "split", "short", "merge", "end")
            .Flow("split", "long", "merge")
            .Build();
        var instance = await Bpm.StartAsync(map);

        Bpm.Clock.Advance(TimeSpan.FromHours(1));
        (await Bpm.Timers.FireDueTimersAsync()).ShouldBe(1);
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["long", "merge"]);
        Bpm.Clock.Advance(TimeSpan.FromDays(1));
        (await Bpm.Timers.FireDueTimersAsync()).ShouldBe(1);

        (await Bpm.InstanceAsync(instance.Id)).Status.ShouldBe(InstanceStatus.Completed);
    }

    private static RouteMap ActionWithBoundary(BoundaryTimerPoint boundary, string after = "escalate") =>
        new MapBuilder("guarded").Start()
            .Action("check")
            .End()
            .Add(boundary with { AttachedToId = "check" })
            .Action(after, user: "head")
            .End("late-end")
            .Flow("start", "check", "end")
            .Flow(boundary.Id, after, "late-end")
            .Build();

    private static BoundaryTimerPoint Boundary(TimerDefinition timer, bool interrupting = true) =>
        new() { Id = "late", Name = "Too late", Timer = timer, CancelsActivity = interrupting };

    private async Task<IReadOnlyList<TimerRecord>> PendingTimersAtAsync(Guid instanceId, string pointId)
    {
        var token = (await Bpm.InstanceAsync(instanceId)).Tokens.Single(t => t.PointId == pointId);
        return [.. (await Bpm.Store.GetTimersOfTaskAsync(token.Id)).Where(t => t.FiredAt is null)];
    }

    [Fact]
    public async Task An_interrupting_boundary_timer_cancels_the_task_and_takes_the_boundary_s_flow()
    {
        var instance = await Bpm.StartAsync(ActionWithBoundary(Boundary(TimerDefinition.After("PT4H"))));
        var task = await Bpm.TaskAtAsync(instance.Id, "check");
        var timer = (await PendingTimersAtAsync(instance.Id, "check")).ShouldHaveSingleItem();
        (timer.Kind, timer.PointId, timer.DueAt).ShouldBe((TimerKind.BoundaryTimer, "late", Bpm.Clock.GetUtcNow().AddHours(4)));

        Bpm.Clock.Advance(TimeSpan.FromHours(4));
        (await Bpm.Timers.FireDueTimersAsync()).ShouldBe(1);

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["escalate"]);
        (await Bpm.Tasks.GetAsync(task.Id)).Status.ShouldBe(Engine.Tasks.WorkTaskStatus.Cancelled);
        (await Bpm.OpenTasksAsync(instance.Id)).ShouldHaveSingleItem().PointId.ShouldBe("escalate");
    }

    [Fact]
    public async Task A_non_interrupting_boundary_timer_sends_a_token_of_its_own_and_the_task_stays()
    {
        var instance = await Bpm.StartAsync(ActionWithBoundary(Boundary(TimerDefinition.After("PT1H"), interrupting: false), after: "remind"));
        var task = await Bpm.TaskAtAsync(instance.Id, "check");

        Bpm.Clock.Advance(TimeSpan.FromHours(1));
        (await Bpm.Timers.FireDueTimersAsync()).ShouldBe(1);

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["check", "remind"]);
        (await Bpm.TaskAtAsync(instance.Id, "check")).Id.ShouldBe(task.Id);
        await Bpm.CompleteAsync(instance.Id, "check");
        await Bpm.CompleteAsync(instance.Id, "remind");
        (await Bpm.InstanceAsync(instance.Id)).Status.ShouldBe(InstanceStatus.Completed);
    }

    [Fact]
    public async Task A_non_interrupting_cycle_fires_as_many_times_as_it_says_one_interval_apart()
    {
        var map = new MapBuilder("reminders").Start()
            .Action("check")
            .End()
            .Add(new BoundaryTimerPoint { Id = "remind", AttachedToId = "check", CancelsActivity = false, Timer = TimerDefinition.Every("R3/PT1H") })
            .End("reminded")
            .Flow("start", "check", "end")
            .Flow("remind", "reminded")
            .Build();
        var instance = await Bpm.StartAsync(map);

        var fired = new List<int>();
        for (var hour = 0; hour < 5; hour++)
        {
            Bpm.Clock.Advance(TimeSpan.FromHours(1));
            fired.Add(await Bpm.Timers.FireDueTimersAsync());
        }

        fired.ShouldBe([1, 1, 1, 0, 0]);
        (await Bpm.Engine.GetHistoryAsync(instance.Id)).Count(h => h.Kind == HistoryKind.TimerFired).ShouldBe(3);
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["check"]);
    }

    [Fact]
    public async Task The_task_completed_first_cancels_its_boundary_timer()
    {
        var instance = await Bpm.StartAsync(ActionWithBoundary(Boundary(TimerDefinition.After("PT4H"))));
        var token = (await Bpm.InstanceAsync(instance.Id)).Tokens.Single();

        await Bpm.CompleteAsync(instance.Id, "check");

        (await Bpm.Store.GetTimersOfTaskAsync(token.Id)).ShouldBeEmpty();
        Bpm.Clock.Advance(TimeSpan.FromHours(5));
        (await Bpm.Timers.FireDueTimersAsync()).ShouldBe(0);
        (await Bpm.InstanceAsync(instance.Id)).Status.ShouldBe(InstanceStatus.Completed);
    }

    [Fact]
    public async Task An_interrupting_boundary_timer_on_a_nested_process_terminates_the_child_and_takes_the_boundary_s_flow()
    {
        await Bpm.DeployAsync(new MapBuilder("child").Start().Action("inner").End().Flow("start", "inner", "end").Build());
        var map = new MapBuilder("parent").Start()
            .Nested("call", "child")
            .End()
            .Add(new BoundaryTimerPoint { Id = "late", AttachedToId = "call", Timer = TimerDefinition.After("P1D") })
            .Action("escalate", user: "head")
            .End("late-end")
            .Flow("start", "call", "end")
            .Flow("late", "escalate", "late-end")
            .Build();
        var instance = await Bpm.StartAsync(map);
        var child = (await Bpm.Engine.GetChildInstancesAsync(instance.Id)).ShouldHaveSingleItem();

        Bpm.Clock.Advance(TimeSpan.FromDays(1));
        (await Bpm.Timers.FireDueTimersAsync()).ShouldBe(1);

        (await Bpm.InstanceAsync(child.Id)).Status.ShouldBe(InstanceStatus.Terminated);
        var parent = await Bpm.InstanceAsync(instance.Id);
        parent.Status.ShouldBe(InstanceStatus.Active);
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["escalate"]);
        (await Bpm.OpenTasksAsync(instance.Id)).ShouldHaveSingleItem().PointId.ShouldBe("escalate");
    }

    [Fact]
    public async Task Terminating_the_instance_cancels_its_boundary_timers()
    {
        var instance = await Bpm.StartAsync(ActionWithBoundary(Boundary(TimerDefinition.After("PT4H"))));
        var token = (await Bpm.InstanceAsync(instance.Id)).Tokens.Single();

        await Bpm.Engine.TerminateAsync(instance.Id);

        (await Bpm.Store.GetTimersOfTaskAsync(token.Id)).ShouldBeEmpty();
        Bpm.Clock.Advance(TimeSpan.FromHours(5));
        (await Bpm.Timers.FireDueTimersAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_pending_timer_survives_a_restart_and_another_engine_on_the_same_database_fires_it()
    {
        var instance = await Bpm.StartAsync(WaitThenAction(TimerDefinition.After("PT1H")));
        await using var restarted = new EngineHarness(Database.Attach, o => o.NodeId = "restarted-node");

        restarted.Clock.Advance(TimeSpan.FromHours(1));
        (await restarted.Timers.FireDueTimersAsync()).ShouldBe(1);

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["check"]);
    }

    [Fact]
    public async Task A_nested_instance_terminated_on_its_own_leaves_no_boundary_timer_behind_and_the_retry_starts_one()
    {
        await Bpm.DeployAsync(new MapBuilder("child").Start().Action("inner").End().Flow("start", "inner", "end").Build());
        var map = new MapBuilder("parent").Start()
            .Nested("call", "child")
            .End()
            .Add(new BoundaryTimerPoint { Id = "late", AttachedToId = "call", Timer = TimerDefinition.After("P1D") })
            .End("late-end")
            .Flow("start", "call", "end")
            .Flow("late", "late-end")
            .Build();
        var instance = await Bpm.StartAsync(map);
        var child = (await Bpm.Engine.GetChildInstancesAsync(instance.Id)).ShouldHaveSingleItem();

        await Bpm.Engine.TerminateAsync(child.Id, "started by mistake");
        (await PendingTimersAtAsync(instance.Id, "call")).ShouldBeEmpty();
        await Bpm.Engine.RetryIncidentAsync(instance.Id);

        (await PendingTimersAtAsync(instance.Id, "call")).ShouldHaveSingleItem().DueAt.ShouldBe(Bpm.Clock.GetUtcNow().AddDays(1));
    }

    [Fact]
    public async Task A_non_interrupting_boundary_timer_on_a_nested_process_leaves_the_child_running()
    {
        await Bpm.DeployAsync(new MapBuilder("child").Start().Action("inner").End().Flow("start", "inner", "end").Build());
        var map = new MapBuilder("parent").Start()
            .Nested("call", "child")
            .End()
            .Add(new BoundaryTimerPoint { Id = "nudge", AttachedToId = "call", CancelsActivity = false, Timer = TimerDefinition.After("PT2H") })
            .Action("remind", user: "head")
            .End("reminded")
            .Flow("start", "call", "end")
            .Flow("nudge", "remind", "reminded")
            .Build();
        var instance = await Bpm.StartAsync(map);
        var child = (await Bpm.Engine.GetChildInstancesAsync(instance.Id)).ShouldHaveSingleItem();

        Bpm.Clock.Advance(TimeSpan.FromHours(2));
        (await Bpm.Timers.FireDueTimersAsync()).ShouldBe(1);

        (await Bpm.InstanceAsync(child.Id)).Status.ShouldBe(InstanceStatus.Active);
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["call", "remind"]);
        await Bpm.CompleteAsync(child.Id, "inner");
        await Bpm.CompleteAsync(instance.Id, "remind");
        (await Bpm.InstanceAsync(instance.Id)).Status.ShouldBe(InstanceStatus.Completed);
    }
}
