using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Runtime;
using CrmBpm.Testing;

namespace CrmBpm.Engine.Tests.Runtime;

/// <summary>Routing other modelers draw and route maps run: plain tasks, joining exclusive gateways, terminate ends.</summary>
public sealed class Running_what_other_modelers_draw : EngineScenario
{
    protected override ITestDatabase CreateDatabase() => new InMemoryTestDatabase();

    [Fact]
    public async Task A_plain_task_passes_the_token_on_at_once_without_creating_a_task()
    {
        var map = new MapBuilder("plain").Start().Add(new PassThroughPoint { Id = "note", Name = "Note it" }).Action("call").End()
            .Flow("start", "note", "call", "end").Build();

        var instance = await Bpm.StartAsync(map);

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["call"]);
        (await Bpm.OpenTasksAsync(instance.Id)).ShouldHaveSingleItem().PointId.ShouldBe("call");
    }

    [Fact]
    public async Task A_joining_exclusive_gateway_lets_each_arriving_token_through_without_waiting_for_the_others()
    {
        var map = new MapBuilder("xorjoin").Start().Split("fork").Action("a").Action("b")
            .Add(new PassThroughPoint { Id = "join", Element = "exclusiveGateway" }).Action("after").End()
            .Flow("start", "fork").Flow("fork", "a", "join").Flow("fork", "b", "join").Flow("join", "after", "end").Build();
        var instance = await Bpm.StartAsync(map);

        await Bpm.CompleteAsync(instance.Id, "a");

        (await Bpm.TokenPointsAsync(instance.Id)).Order().ShouldBe(["after", "b"]);
        await Bpm.CompleteAsync(instance.Id, "b");
        (await Bpm.OpenTasksAsync(instance.Id)).Count(t => t.PointId == "after").ShouldBe(2);
    }

    [Fact]
    public async Task A_terminate_end_ends_the_whole_instance_and_cancels_the_other_branches_tasks()
    {
        var map = new MapBuilder("terminate").Start().Split("fork").Action("a").Action("b")
            .Add(new EndPoint { Id = "stop", Name = "Stop", Terminates = true }).End()
            .Flow("start", "fork").Flow("fork", "a", "end").Flow("fork", "b", "stop").Build();
        var instance = await Bpm.StartAsync(map);
        var a = (await Bpm.OpenTasksAsync(instance.Id)).Single(t => t.PointId == "a");

        await Bpm.CompleteAsync(instance.Id, "b");

        var ended = await Bpm.InstanceAsync(instance.Id);
        ended.Status.ShouldBe(InstanceStatus.Completed);
        ended.Tokens.ShouldBeEmpty();
        (await Bpm.OpenTasksAsync(instance.Id)).ShouldBeEmpty();
        (await Bpm.Tasks.GetTasksOfInstanceAsync(instance.Id)).Single(t => t.Id == a.Id).Status.ShouldBe(Engine.Tasks.WorkTaskStatus.Cancelled);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_terminate_end_reached_at_once_beside_a_task_leaves_nothing_open_whichever_branch_runs_first(bool terminateFirst)
    {
        var builder = new MapBuilder("terminate-at-once").Start().Split("fork").Action("a")
            .Add(new EndPoint { Id = "stop", Name = "Stop", Terminates = true }).End().Flow("start", "fork");
        builder = terminateFirst ? builder.Flow("fork", "stop").Flow("fork", "a", "end") : builder.Flow("fork", "a", "end").Flow("fork", "stop");

        var instance = await Bpm.StartAsync(builder.Build());

        (await Bpm.InstanceAsync(instance.Id)).Status.ShouldBe(InstanceStatus.Completed);
        (await Bpm.OpenTasksAsync(instance.Id)).ShouldBeEmpty();
    }
}
