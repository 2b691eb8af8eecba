using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Errors;
using CrmBpm.Testing;

namespace CrmBpm.Engine.Tests.Runtime;

/// <summary>
/// What an embedding developer asks of a running process: the open tasks of the instance and of every nested instance below
/// it (closed ones left out), and which End points it reached.
/// </summary>
public sealed class Asking_about_an_instance_and_its_tree : IAsyncLifetime
{
    private readonly EngineHarness _bpm = new(bpm => bpm.UseInMemoryStore());

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bpm.DisposeAsync();

    [Fact]
    public async Task Open_tasks_of_the_tree_include_nested_instances_at_any_depth_and_leave_closed_ones_out()
    {
        var inner = new MapBuilder("inner").Start().Action("deep").End().Flow("start", "deep", "end").Build();
        var middle = new MapBuilder("middle").Start().Split("fork").Action("side").Nested("down", "inner").Merge("join").End()
            .Flow("start", "fork").Flow("fork", "side", "join").Flow("fork", "down", "join").Flow("join", "end").Build();
        var top = new MapBuilder("top").Start().Action("first").Nested("call", "middle").End().Flow("start", "first", "call", "end").Build();
        var deployed = await _bpm.Maps.DeployAsync([top, middle, inner]);
        var instance = await _bpm.StartAsync(deployed[0]);
        await _bpm.CompleteAsync(instance.Id, "first");

        var open = await _bpm.Tasks.GetOpenTasksOfTreeAsync(instance.Id);

        open.Select(t => t.PointId).Order(StringComparer.Ordinal).ShouldBe(["deep", "side"]);
        (await _bpm.Tasks.GetTasksOfInstanceAsync(instance.Id)).Select(t => t.PointId).ShouldBe(["first"], "the instance's own list still holds its closed task");
        await Should.ThrowAsync<NotFoundException>(() => _bpm.Tasks.GetOpenTasksOfTreeAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task The_ends_reached_say_how_the_process_ended_while_other_tokens_still_run()
    {
        var map = new MapBuilder("two-ways").Start().Split("fork").End("quick", result: "Quick").Action("slow").End("late", result: "Late")
            .Flow("start", "fork").Flow("fork", "quick").Flow("fork", "slow", "late").Build();
        var instance = await _bpm.StartAsync(map);

        (await _bpm.Engine.GetReachedEndsAsync(instance.Id)).Select(e => e.Id).ShouldBe(["quick"]);

        await _bpm.CompleteAsync(instance.Id, "slow");
        var ends = await _bpm.Engine.GetReachedEndsAsync(instance.Id);
        ends.Select(e => (e.Id, e.Result)).ShouldBe([("quick", "Quick"), ("late", "Late")]);
    }
}
