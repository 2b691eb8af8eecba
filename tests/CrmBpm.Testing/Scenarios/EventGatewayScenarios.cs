using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Errors;
using CrmBpm.Engine.Runtime;

namespace CrmBpm.Testing.Scenarios;

/// <summary>
/// The event-based gateway: the token waits under one wait per following catch event, and the first to fire takes it through
/// its event; the other waits are removed in the same command.
/// </summary>
public abstract class EventGatewayScenarios : EngineScenario
{
    private static RouteMap PaymentOrReminder() =>
        new MapBuilder("first-wins").Start()
            .Add(new EventGatewayPoint { Id = "gateway", Name = "Payment or three days" })
            .Add(new MessageWaitPoint { Id = "paid", MessageName = "payment-received" })
            .Add(new TimerWaitPoint { Id = "late", Timer = TimerDefinition.After("P3D") })
            .Add(new SignalWaitPoint { Id = "stopped", SignalName = "stop-all" })
            .Action("ship")
            .Action("remind")
            .End()
            .End("remind-end")
            .End("stopped-end")
            .Flow("start", "gateway", "paid", "ship", "end")
            .Flow("gateway", "late", "remind", "remind-end")
            .Flow("gateway", "stopped", "stopped-end")
            .Build();

    [Fact]
    public async Task The_token_waits_at_the_gateway_under_a_wait_for_each_event()
    {
        var instance = await Bpm.StartAsync(PaymentOrReminder());

        var token = instance.Tokens.ShouldHaveSingleItem();
        token.PointId.ShouldBe("gateway");
        (await Bpm.Store.GetTimersOfTaskAsync(token.Id)).Select(t => t.PointId).ShouldBe(["paid", "late", "stopped"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_message_first_takes_the_token_through_its_event_and_the_timer_no_longer_fires()
    {
        var instance = await Bpm.StartAsync(PaymentOrReminder());
        var token = instance.Tokens.Single();

        (await Bpm.Engine.CorrelateAsync(new MessageCorrelation { MessageName = "payment-received" })).ReachedInstanceIds.ShouldBe([instance.Id]);

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["ship"]);
        (await Bpm.Store.GetTimersOfTaskAsync(token.Id)).Where(t => t.FiredAt is null).ShouldBeEmpty();
        Bpm.Clock.Advance(TimeSpan.FromDays(4));
        (await Bpm.Timers.FireDueTimersAsync()).ShouldBe(0);
        (await Bpm.Engine.BroadcastSignalAsync("stop-all")).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_timer_first_takes_the_token_through_it_and_the_message_is_refused_afterwards()
    {
        var instance = await Bpm.StartAsync(PaymentOrReminder());

        Bpm.Clock.Advance(TimeSpan.FromDays(3));
        (await Bpm.Timers.FireDueTimersAsync()).ShouldBe(1);

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["remind"]);
        await Should.ThrowAsync<NotFoundException>(() => Bpm.Engine.CorrelateAsync(new MessageCorrelation { MessageName = "payment-received" }));
    }

    [Fact]
    public async Task A_signal_first_takes_its_way_and_ends_the_instance()
    {
        var instance = await Bpm.StartAsync(PaymentOrReminder());

        (await Bpm.Engine.BroadcastSignalAsync("stop-all")).ShouldBe([instance.Id]);

        (await Bpm.InstanceAsync(instance.Id)).Status.ShouldBe(InstanceStatus.Completed);
        Bpm.Clock.Advance(TimeSpan.FromDays(4));
        (await Bpm.Timers.FireDueTimersAsync()).ShouldBe(0);
    }
}
