using CrmBpm.Engine;
using CrmBpm.Engine.Errors;
using CrmBpm.Engine.Events;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;

namespace CrmBpm.Testing.Scenarios;

/// <summary>Start, suspend, resume, terminate, retry — and the refusals that protect them.</summary>
public abstract class InstanceOperationScenarios : EngineScenario
{
    private static readonly Actor Alice = new("alice");

    private async Task<ProcessInstance> StartTwoStepAsync() =>
        await Bpm.StartAsync(new MapBuilder("ops").Start().Action("a").Action("b").End().Flow("start", "a", "b", "end").Build());

    [Fact]
    public async Task Starting_an_unpublished_map_is_refused_with_a_clear_message()
    {
        await Bpm.Maps.SaveDraftAsync(new MapBuilder("draft").Start().End().Flow("start", "end").Build());

        var error = await Should.ThrowAsync<NotFoundException>(() => Bpm.Engine.StartAsync("draft"));

        error.Code.ShouldBe("routemap.not-published");
        error.Message.ShouldContain("publish it");
    }

    [Fact]
    public async Task A_suspended_instance_refuses_task_completion_until_resumed()
    {
        var instance = await StartTwoStepAsync();
        var task = await Bpm.TaskAtAsync(instance.Id, "a");

        (await Bpm.Engine.SuspendAsync(instance.Id, "admin")).Status.ShouldBe(InstanceStatus.Suspended);
        var error = await Should.ThrowAsync<ConflictException>(() => Bpm.Tasks.CompleteAsync(task.Id, Alice));
        error.Code.ShouldBe("instance.suspended");

        (await Bpm.Engine.ResumeAsync(instance.Id, "admin")).Status.ShouldBe(InstanceStatus.Active);
        await Bpm.Tasks.CompleteAsync(task.Id, Alice);
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["b"]);
    }

    [Fact]
    public async Task An_instance_can_start_at_a_later_point_for_a_deal_taken_under_process_control()
    {
        await Bpm.DeployAsync(new MapBuilder("late").Start().Action("a").Action("b").End().Flow("start", "a", "b", "end").Build());

        var instance = await Bpm.Engine.StartAsync("late", new StartOptions { StartAtPointId = "b" });

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["b"]);
        (await Should.ThrowAsync<InputException>(() => Bpm.Engine.StartAsync("late", new StartOptions { StartAtPointId = "nope" }))).Problems.Single().Field.ShouldBe("startAtPointId");
    }

    [Fact]
    public async Task Resuming_an_active_instance_is_a_conflict()
    {
        var instance = await StartTwoStepAsync();

        (await Should.ThrowAsync<ConflictException>(() => Bpm.Engine.ResumeAsync(instance.Id))).Code.ShouldBe("instance.not-suspended");
    }

    [Fact]
    public async Task Terminate_cancels_open_tasks_and_records_the_reason()
    {
        var instance = await StartTwoStepAsync();

        var terminated = await Bpm.Engine.TerminateAsync(instance.Id, "duplicate deal", "head");

        terminated.Status.ShouldBe(InstanceStatus.Terminated);
        terminated.Tokens.ShouldBeEmpty();
        (await Bpm.Tasks.GetTasksOfInstanceAsync(instance.Id)).ShouldAllBe(t => t.Status == WorkTaskStatus.Cancelled);
        (await Bpm.Engine.GetHistoryAsync(instance.Id)).ShouldContain(h => h.Kind == HistoryKind.InstanceTerminated && h.Details == "duplicate deal" && h.Actor == "head");
        Bpm.Events.All.OfType<TaskCancelled>().ShouldHaveSingleItem();
        (await Should.ThrowAsync<ConflictException>(() => Bpm.Engine.TerminateAsync(instance.Id))).Code.ShouldBe("instance.finished");
    }

    [Fact]
    public async Task Retrying_an_instance_without_an_incident_is_a_conflict()
    {
        var instance = await StartTwoStepAsync();

        (await Should.ThrowAsync<ConflictException>(() => Bpm.Engine.RetryIncidentAsync(instance.Id))).Code.ShouldBe("instance.no-incident");
    }

    [Fact]
    public async Task Unknown_instances_are_reported_as_not_found()
    {
        (await Should.ThrowAsync<NotFoundException>(() => Bpm.Engine.SuspendAsync(Guid.NewGuid()))).Code.ShouldBe("instance.not-found");
        (await Should.ThrowAsync<NotFoundException>(() => Bpm.Engine.GetInstanceAsync(Guid.NewGuid()))).Code.ShouldBe("instance.not-found");
    }

    [Fact]
    public async Task Running_instances_stay_on_the_version_they_started_with()
    {
        var v1 = await StartTwoStepAsync();
        await Bpm.DeployAsync(new MapBuilder("ops").Start().Action("x").End().Flow("start", "x", "end").Build());
        var v2 = await Bpm.Engine.StartAsync("ops");

        v1.MapVersion.ShouldBe(1);
        v2.MapVersion.ShouldBe(2);
        await Bpm.CompleteAsync(v1.Id, "a");
        (await Bpm.TokenPointsAsync(v1.Id)).ShouldBe(["b"]);
        (await Bpm.TokenPointsAsync(v2.Id)).ShouldBe(["x"]);
    }

    [Fact]
    public async Task Engine_events_report_points_with_their_stage_tasks_and_completion_after_commit()
    {
        var map = new MapBuilder("staged").Start().Action("qualify", configure: a => a with { Stage = "Qualification" }).End().Flow("start", "qualify", "end").Build();
        var instance = await Bpm.StartAsync(map);
        await Bpm.CompleteAsync(instance.Id, "qualify");

        var events = Bpm.Events.All;
        events.OfType<InstanceStarted>().ShouldHaveSingleItem().InstanceId.ShouldBe(instance.Id);
        events.OfType<PointEntered>().ShouldContain(e => e.PointId == "qualify" && e.Stage == "Qualification");
        events.OfType<TaskCreated>().ShouldHaveSingleItem().Task.Stage.ShouldBe("Qualification");
        events.OfType<TaskCompleted>().ShouldHaveSingleItem();
        events.OfType<InstanceCompleted>().ShouldHaveSingleItem();
    }
}
