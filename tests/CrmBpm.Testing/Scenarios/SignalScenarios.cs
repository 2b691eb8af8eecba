using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Timers;

namespace CrmBpm.Testing.Scenarios;

/// <summary>
/// Signals: a broadcast (from outside through <see cref="IProcessEngine.BroadcastSignalAsync"/>, or thrown by a map) reaches every
/// waiting signal subscription of its name, in one command.
/// </summary>
public abstract class SignalScenarios : EngineScenario
{
    private static RouteMap WaitForSignal(string key = "listener") =>
        new MapBuilder(key).Start()
            .Add(new SignalWaitPoint { Id = "wait", Name = "Price list changes", SignalName = "prices-changed" })
            .Action("review")
            .End()
            .Flow("start", "wait", "review", "end")
            .Build();

    [Fact]
    public async Task A_broadcast_reaches_every_waiting_instance_and_sets_its_variables()
    {
        var first = await Bpm.StartAsync(WaitForSignal());
        var second = await Bpm.StartAsync(WaitForSignal());
        (await Bpm.Timers.FireDueTimersAsync()).ShouldBe(0);

        var reached = await Bpm.Engine.BroadcastSignalAsync("prices-changed", new Dictionary<string, object?> { ["list"] = "2027" });

        reached.ShouldBe([first.Id, second.Id]);
        (await Bpm.TokenPointsAsync(first.Id)).ShouldBe(["review"]);
        (await Bpm.InstanceAsync(second.Id)).Variables["list"].GetString().ShouldBe("2027");
        (await Bpm.Engine.BroadcastSignalAsync("prices-changed")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_signal_nobody_waits_for_reaches_nothing_and_is_not_an_error()
    {
        (await Bpm.Engine.BroadcastSignalAsync("nobody-listens")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_signal_thrown_by_a_map_reaches_other_instances_in_the_same_command()
    {
        var listener = await Bpm.StartAsync(WaitForSignal());
        var thrower = new MapBuilder("thrower").Start()
            .Add(new SignalThrowPoint { Id = "announce", SignalName = "prices-changed" })
            .Action("after")
            .End()
            .Flow("start", "announce", "after", "end")
            .Build();

        var instance = await Bpm.StartAsync(thrower);

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["after"]);
        (await Bpm.TokenPointsAsync(listener.Id)).ShouldBe(["review"]);
        (await Bpm.Engine.GetHistoryAsync(instance.Id)).Select(h => h.Kind).ShouldContain(HistoryKind.SignalThrown);
    }

    [Fact]
    public async Task A_signal_end_reaches_a_wait_in_a_parallel_branch_of_the_same_instance()
    {
        var map = new MapBuilder("both").Start()
            .Split("split")
            .Add(new SignalWaitPoint { Id = "wait", SignalName = "done" })
            .Action("review")
            .End()
            .Add(new EndPoint { Id = "announce", SignalName = "done" })
            .Flow("start", "split", "wait", "review", "end")
            .Flow("split", "announce")
            .Build();

        var instance = await Bpm.StartAsync(map);

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["review"]);
    }

    [Fact]
    public async Task An_interrupting_signal_boundary_cancels_the_task()
    {
        var map = new MapBuilder("guarded").Start()
            .Action("check")
            .End()
            .Add(new BoundarySignalPoint { Id = "stop", AttachedToId = "check", SignalName = "stop-all" })
            .End("stopped")
            .Flow("start", "check", "end")
            .Flow("stop", "stopped")
            .Build();
        var instance = await Bpm.StartAsync(map);
        var token = (await Bpm.InstanceAsync(instance.Id)).Tokens.Single();
        (await Bpm.Store.GetTimersOfTaskAsync(token.Id)).ShouldHaveSingleItem().Kind.ShouldBe(TimerKind.SignalSubscription);

        (await Bpm.Engine.BroadcastSignalAsync("stop-all")).ShouldBe([instance.Id]);

        (await Bpm.InstanceAsync(instance.Id)).Status.ShouldBe(InstanceStatus.Completed);
        (await Bpm.OpenTasksAsync(instance.Id)).ShouldBeEmpty();
    }
}
