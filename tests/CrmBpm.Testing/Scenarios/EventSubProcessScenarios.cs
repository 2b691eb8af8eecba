using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.DependencyInjection;
using CrmBpm.Engine.Jobs;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;

namespace CrmBpm.Testing.Scenarios;

/// <summary>
/// Event sub-processes: while their scope (the process, or a sub-process) runs, their start event listens; its trigger (a
/// timer, a message, a signal, a business error nothing else caught) starts them. Interrupting, everything else in the scope
/// is cancelled and the scope completes through the event sub-process; non-interrupting, it runs beside the rest, once per
/// trigger, and the scope completes when all has ended.
/// </summary>
public abstract class EventSubProcessScenarios : EngineScenario
{
    protected override void ConfigureEngine(CrmBpmBuilder bpm) => bpm.AddHandler<RefusesCredit>("credit-check");

    /// <summary>start → work (an Action) → end, and an event sub-process "on-event" whose start is <paramref name="start"/>, leading to "handle" then its end.</summary>
    private static MapBuilder WorkWith(StartPoint start, string key = "order") =>
        new MapBuilder(key).Start().Action("work").End().Flow("start", "work", "end")
            .SubProcess("on-event", triggeredByEvent: true)
            .Inside("on-event").Add(start with { Id = "event-start", Name = "event-start" }).Action("handle").End("handled").Flow("event-start", "handle", "handled")
            .Inside(null);

    [Fact]
    public async Task An_interrupting_message_cancels_the_rest_and_the_instance_completes_through_the_event_sub_process()
    {
        var instance = await Bpm.StartAsync(WorkWith(new StartPoint { Id = "s", MessageName = "cancel-order", CorrelationKey = "orderId" }).Build(), new { orderId = 7 });
        var work = await Bpm.TaskAtAsync(instance.Id, "work");

        var result = await Bpm.Engine.CorrelateAsync(new MessageCorrelation { MessageName = "cancel-order", CorrelationKey = "7", Variables = new Dictionary<string, object?> { ["reason"] = "customer" } });

        result.ReachedInstanceIds.ShouldBe([instance.Id]);
        (await Bpm.Tasks.GetAsync(work.Id)).Status.ShouldBe(WorkTaskStatus.Cancelled);
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["on-event"]);
        var child = (await Bpm.Engine.GetChildInstancesAsync(instance.Id)).ShouldHaveSingleItem();
        child.MapKey.ShouldBe("order::on-event");
        child.Variables["reason"].GetString().ShouldBe("customer");

        await Bpm.CompleteAsync(instance.Id, "handle");

        (await Bpm.InstanceAsync(instance.Id)).Status.ShouldBe(InstanceStatus.Completed);
        await Should.ThrowAsync<Engine.Errors.NotFoundException>(() => Bpm.Engine.CorrelateAsync(new MessageCorrelation { MessageName = "cancel-order", CorrelationKey = "7" }));
    }

    [Fact]
    public async Task An_interrupting_timer_cancels_the_rest_when_due_and_never_fires_once_the_process_has_ended()
    {
        var map = WorkWith(new StartPoint { Id = "s", Timer = TimerDefinition.After("PT2H") }).Build();
        var early = await Bpm.StartAsync(map);
        await Bpm.CompleteAsync(early.Id, "work");
        (await Bpm.InstanceAsync(early.Id)).Status.ShouldBe(InstanceStatus.Completed);

        var late = await Bpm.Engine.StartAsync("order");
        Bpm.Clock.Advance(TimeSpan.FromHours(2));
        (await Bpm.Timers.FireDueTimersAsync()).ShouldBe(1);

        (await Bpm.TokenPointsAsync(late.Id)).ShouldBe(["on-event"]);
        (await Bpm.OpenTasksAsync(late.Id)).Select(t => t.PointId).ShouldBe(["handle"]);
        await Bpm.CompleteAsync(late.Id, "handle");
        (await Bpm.InstanceAsync(late.Id)).Status.ShouldBe(InstanceStatus.Completed);
        (await Bpm.InstanceAsync(early.Id)).Status.ShouldBe(InstanceStatus.Completed);
    }

    [Fact]
    public async Task A_non_interrupting_signal_runs_the_event_sub_process_beside_the_rest_once_per_broadcast()
    {
        var instance = await Bpm.StartAsync(WorkWith(new StartPoint { Id = "s", SignalName = "price-changed", Interrupting = false }).Build());

        (await Bpm.Engine.BroadcastSignalAsync("price-changed")).ShouldBe([instance.Id]);
        (await Bpm.Engine.BroadcastSignalAsync("price-changed")).ShouldBe([instance.Id]);

        (await Bpm.OpenTasksAsync(instance.Id)).Select(t => t.PointId).Order().ShouldBe(["handle", "handle", "work"]);
        await Bpm.CompleteAsync(instance.Id, "work");
        (await Bpm.InstanceAsync(instance.Id)).Status.ShouldBe(InstanceStatus.Active);
        foreach (var handle in (await Bpm.OpenTasksAsync(instance.Id)).Where(t => t.PointId == "handle"))
        {
            await Bpm.Tasks.CompleteAsync(handle.Id, new Actor("alice"));
        }

        (await Bpm.InstanceAsync(instance.Id)).Status.ShouldBe(InstanceStatus.Completed);
        (await Bpm.Engine.BroadcastSignalAsync("price-changed")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_non_interrupting_timer_cycle_runs_the_event_sub_process_on_every_firing_of_its_count()
    {
        var instance = await Bpm.StartAsync(WorkWith(new StartPoint { Id = "s", Timer = TimerDefinition.Every("R2/PT1H"), Interrupting = false }).Build());

        for (var hour = 0; hour < 3; hour++)
        {
            Bpm.Clock.Advance(TimeSpan.FromHours(1));
            await Bpm.Timers.FireDueTimersAsync();
        }

        (await Bpm.OpenTasksAsync(instance.Id)).Select(t => t.PointId).Order().ShouldBe(["handle", "handle", "work"]);
    }

    [Fact]
    public async Task An_error_end_inside_a_sub_process_without_a_boundary_is_caught_by_the_process_s_error_event_sub_process()
    {
        var map = new MapBuilder("order").Start().SubProcess("check").Action("after").End().Flow("start", "check", "after", "end")
            .Inside("check").Start("check-start").Add(new EndPoint { Id = "refuse", Name = "refuse", Error = new ErrorDefinition("Error_refused", "refused") })
            .Flow("check-start", "refuse")
            .Inside(null).SubProcess("on-error", triggeredByEvent: true)
            .Inside("on-error").Add(new StartPoint { Id = "error-start", Name = "error-start", Error = new ErrorDefinition("Error_any") })
            .Action("apologise").End("apologised").Flow("error-start", "apologise", "apologised")
            .Inside(null).Build();

        var instance = await Bpm.StartAsync(map);

        (await Bpm.InstanceAsync(instance.Id)).Status.ShouldBe(InstanceStatus.Active);
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["on-error"]);
        (await Bpm.OpenTasksAsync(instance.Id)).Select(t => t.PointId).ShouldBe(["apologise"]);
    }

    [Fact]
    public async Task An_error_event_sub_process_catches_a_handler_s_business_error_no_boundary_caught()
    {
        var map = new MapBuilder("credit").Start().Add(new ServicePoint { Id = "step", Name = "Ask the bureau", Handler = "credit-check" }).Action("sign").End()
            .Flow("start", "step", "sign", "end")
            .SubProcess("on-error", triggeredByEvent: true)
            .Inside("on-error").Add(new StartPoint { Id = "error-start", Name = "error-start", Error = new ErrorDefinition("Error_refused", "credit-refused") })
            .Action("apologise").End("apologised").Flow("error-start", "apologise", "apologised")
            .Inside(null).Build();
        var instance = await Bpm.StartAsync(map);

        await Bpm.Timers.FireDueTimersAsync();

        var after = await Bpm.InstanceAsync(instance.Id);
        after.Status.ShouldBe(InstanceStatus.Active);
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["on-error"]);
        (await Bpm.OpenTasksAsync(instance.Id)).Select(t => t.PointId).ShouldBe(["apologise"]);
        (await Bpm.Engine.GetHistoryAsync(instance.Id)).ShouldContain(h => h.Kind == HistoryKind.ErrorCaught && h.PointId == "on-error");
        await Bpm.CompleteAsync(instance.Id, "apologise");
        (await Bpm.InstanceAsync(instance.Id)).Status.ShouldBe(InstanceStatus.Completed);
    }

    [Fact]
    public async Task An_event_sub_process_inside_a_sub_process_interrupts_only_the_sub_process()
    {
        var map = new MapBuilder("order").Start().SubProcess("check").Action("after").End().Flow("start", "check", "after", "end")
            .Inside("check").Start("check-start").Action("review").End("check-end").Flow("check-start", "review", "check-end")
            .SubProcess("on-recall", triggeredByEvent: true)
            .Inside("on-recall").Add(new StartPoint { Id = "recall-start", Name = "recall-start", MessageName = "recall" }).End("recalled").Flow("recall-start", "recalled")
            .Inside(null).Build();
        var instance = await Bpm.StartAsync(map);
        var review = await Bpm.TaskAtAsync(instance.Id, "review");

        (await Bpm.Engine.CorrelateAsync(new MessageCorrelation { MessageName = "recall" })).ReachedInstanceIds.Count.ShouldBe(1);

        (await Bpm.Tasks.GetAsync(review.Id)).Status.ShouldBe(WorkTaskStatus.Cancelled);
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["after"]);
        (await Bpm.InstanceAsync(instance.Id)).Status.ShouldBe(InstanceStatus.Active);
    }

    private sealed class RefusesCredit : IServiceTaskHandler
    {
        public Task<IReadOnlyDictionary<string, object?>?> HandleAsync(ServiceTaskContext context, CancellationToken cancellationToken = default) =>
            throw new BusinessErrorException("credit-refused", "The bureau refused the credit.");
    }
}
