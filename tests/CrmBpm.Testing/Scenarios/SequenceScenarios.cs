using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;

namespace CrmBpm.Testing.Scenarios;

/// <summary>Start → actions → end: tasks appear, completing them moves the token, the instance completes.</summary>
public abstract class SequenceScenarios : EngineScenario
{
    [Fact]
    public async Task A_started_map_waits_at_its_first_action_with_one_open_task()
    {
        var map = new MapBuilder("seq").Start().Action("a").Action("b").End().Flow("start", "a", "b", "end").Build();

        var instance = await Bpm.StartAsync(map);

        instance.Status.ShouldBe(InstanceStatus.Active);
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["a"]);
        var task = (await Bpm.OpenTasksAsync(instance.Id)).ShouldHaveSingleItem();
        task.PointId.ShouldBe("a");
        task.AssigneeId.ShouldBe("alice");
        task.Status.ShouldBe(WorkTaskStatus.Open);
    }

    [Fact]
    public async Task Completing_each_task_moves_the_token_until_the_instance_completes_with_the_end_result()
    {
        var map = new MapBuilder("seq").Start().Action("a").Action("b").End("won", result: "Won").Flow("start", "a", "b", "won").Build();
        var instance = await Bpm.StartAsync(map);

        await Bpm.CompleteAsync(instance.Id, "a");
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["b"]);
        await Bpm.CompleteAsync(instance.Id, "b");

        var done = await Bpm.InstanceAsync(instance.Id);
        done.Status.ShouldBe(InstanceStatus.Completed);
        done.Result.ShouldBe("Won");
        done.Tokens.ShouldBeEmpty();
        done.EndedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_map_without_actions_completes_during_start()
    {
        var map = new MapBuilder("straight").Start().End().Flow("start", "end").Build();

        var instance = await Bpm.StartAsync(map);

        instance.Status.ShouldBe(InstanceStatus.Completed);
    }

    [Fact]
    public async Task History_records_every_move_and_task_action_in_order()
    {
        var map = new MapBuilder("seq").Start().Action("a").End().Flow("start", "a", "end").Build();
        var instance = await Bpm.StartAsync(map);
        await Bpm.CompleteAsync(instance.Id, "a", variables: new { note = "done" });

        var history = await Bpm.Engine.GetHistoryAsync(instance.Id);

        history.Select(h => h.Kind).ShouldBe([
            HistoryKind.InstanceStarted, HistoryKind.TokenMoved, HistoryKind.TaskCreated,
            HistoryKind.TaskCompleted, HistoryKind.TokenMoved, HistoryKind.InstanceCompleted]);
        history.Select(h => h.Sequence).ShouldBe([1L, 2, 3, 4, 5, 6]);
        history[1].FromPointId.ShouldBe("start");
        history[1].PointId.ShouldBe("a");
        history[3].Actor.ShouldBe("alice");
    }
}
