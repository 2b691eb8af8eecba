using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Errors;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;

namespace CrmBpm.Testing.Scenarios;

/// <summary>
/// Signal start events: a broadcast (from outside, or thrown by a map) starts one instance of the latest published version of
/// every map whose Start listens to the signal, with the signal's variables, in the same command, after reaching the waits.
/// </summary>
public abstract class SignalStartScenarios : EngineScenario
{
    private static RouteMap StartsOn(string signal, string key = "on-prices") =>
        new MapBuilder(key).Add(new StartPoint { Id = "start", Name = "Prices changed", SignalName = signal })
            .Action("review")
            .End()
            .Flow("start", "review", "end")
            .Build();

    [Fact]
    public async Task A_broadcast_starts_every_map_listening_with_the_signals_variables()
    {
        await Bpm.DeployAsync(StartsOn("prices-changed", "first"));
        await Bpm.DeployAsync(StartsOn("prices-changed", "second"));
        await Bpm.DeployAsync(StartsOn("other-signal", "third"));

        var reached = await Bpm.Engine.BroadcastSignalAsync("prices-changed", new Dictionary<string, object?> { ["list"] = "2027" });

        reached.Count.ShouldBe(2);
        var instances = await Task.WhenAll(reached.Select(Bpm.InstanceAsync));
        instances.Select(i => i.MapKey).ShouldBe(["first", "second"]);
        foreach (var instance in instances)
        {
            instance.Variables["list"].GetString().ShouldBe("2027");
            (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["review"]);
        }
    }

    [Fact]
    public async Task The_latest_published_version_starts()
    {
        await Bpm.DeployAsync(StartsOn("go"));
        var second = new MapBuilder("on-prices").Add(new StartPoint { Id = "start", SignalName = "go" }).Action("check").End().Flow("start", "check", "end").Build();
        await Bpm.DeployAsync(second);

        var reached = await Bpm.Engine.BroadcastSignalAsync("go");

        var instance = await Bpm.InstanceAsync(reached.ShouldHaveSingleItem());
        instance.MapVersion.ShouldBe(2);
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["check"]);
    }

    [Fact]
    public async Task Waiting_instances_are_reached_first_and_the_new_instance_does_not_catch_its_own_signal()
    {
        var waiting = await Bpm.StartAsync(new MapBuilder("listener").Start()
            .Add(new SignalWaitPoint { Id = "wait", SignalName = "go" }).Action("after").End()
            .Flow("start", "wait", "after", "end").Build());
        await Bpm.DeployAsync(new MapBuilder("started").Add(new StartPoint { Id = "start", SignalName = "go" })
            .Add(new SignalWaitPoint { Id = "wait", SignalName = "go" }).Action("after").End()
            .Flow("start", "wait", "after", "end").Build());

        var reached = await Bpm.Engine.BroadcastSignalAsync("go");

        reached.Count.ShouldBe(2);
        reached[0].ShouldBe(waiting.Id);
        (await Bpm.TokenPointsAsync(waiting.Id)).ShouldBe(["after"]);
        (await Bpm.TokenPointsAsync(reached[1])).ShouldBe(["wait"]);
    }

    [Fact]
    public async Task A_signal_thrown_by_a_map_starts_a_listening_map_in_the_same_command()
    {
        await Bpm.DeployAsync(StartsOn("order-placed"));
        var thrower = await Bpm.StartAsync(new MapBuilder("thrower").Start()
            .Add(new SignalThrowPoint { Id = "announce", SignalName = "order-placed" }).Action("after").End()
            .Flow("start", "announce", "after", "end").Build());

        var history = await Bpm.Engine.GetHistoryAsync(thrower.Id);

        history.ShouldContain(h => h.Kind == HistoryKind.SignalThrown && h.Details == "order-placed, reached or started 1 instance(s)");
        (await Bpm.TokenPointsAsync(thrower.Id)).ShouldBe(["after"]);
    }

    [Fact]
    public async Task A_draft_or_a_map_no_longer_listening_is_not_started()
    {
        await Bpm.Maps.SaveDraftAsync(StartsOn("go", "draft-only"));
        await Bpm.DeployAsync(StartsOn("go", "changed"));
        await Bpm.DeployAsync(new MapBuilder("changed").Start().Action("review").End().Flow("start", "review", "end").Build());

        (await Bpm.Engine.BroadcastSignalAsync("go")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Maps_that_start_one_another_on_signals_without_end_are_refused_and_nothing_is_kept()
    {
        await Bpm.DeployAsync(new MapBuilder("echo").Add(new StartPoint { Id = "start", SignalName = "ping" })
            .Split("split").Action("work").End()
            .Add(new SignalThrowPoint { Id = "again", SignalName = "ping" }).End("echoed")
            .Flow("start", "split", "work", "end").Flow("split", "again", "echoed").Build());

        var refused = await Should.ThrowAsync<ConflictException>(() => Bpm.Engine.BroadcastSignalAsync("ping"));

        refused.Code.ShouldBe("signal.start-loop");
        refused.Message.ShouldContain("'echo'");
        (await Bpm.Tasks.MyTasksAsync(new TaskQuery { Actor = EngineHarness.User("alice") })).Items.ShouldBeEmpty();
    }
}
