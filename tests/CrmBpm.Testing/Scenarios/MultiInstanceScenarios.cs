using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;

namespace CrmBpm.Testing.Scenarios;

/// <summary>One task per item of a list variable: all open at once, the point is done when all are done.</summary>
public abstract class MultiInstanceScenarios : EngineScenario
{
    private static RouteMap Plan() => new MapBuilder("plan").Start()
        .Action("item", configure: a => a with
        {
            TitleTemplate = "Do: {planItem.what}",
            Performer = Performer.FromExpression("planItem.who"),
            Outcomes = ["Done", "Failed"],
            MultiInstance = new MultiInstance { CollectionVariable = "planItems", ElementVariable = "planItem", ResultCollection = "planResults" },
        })
        .Action("decide").End().Flow("start", "item", "decide", "end").Build();

    private static RouteMap PlanWith(Func<MultiInstance, MultiInstance> change) => new MapBuilder("plan").Start()
        .Action("item", configure: a => a with
        {
            TitleTemplate = "Do: {planItem.what}",
            Performer = Performer.FromExpression("planItem.who"),
            Outcomes = ["Done", "Failed"],
            MultiInstance = change(new MultiInstance { CollectionVariable = "planItems", ElementVariable = "planItem", ResultCollection = "planResults" }),
        })
        .Action("decide").End().Flow("start", "item", "decide", "end").Build();

    private static readonly object Items = new
    {
        planItems = new[] { new { what = "Call customer", who = "ann" }, new { what = "Inspect goods", who = "ben" }, new { what = "Refund", who = "ann" } },
    };

    [Fact]
    public async Task One_task_is_created_per_item_with_the_item_in_its_title_and_performer()
    {
        var instance = await Bpm.StartAsync(Plan(), Items);

        var tasks = await Bpm.OpenTasksAsync(instance.Id);
        tasks.Select(t => t.Title).ShouldBe(["Do: Call customer", "Do: Inspect goods", "Do: Refund"]);
        tasks.Select(t => t.AssigneeId).ShouldBe(["ann", "ben", "ann"]);
        tasks.Select(t => t.ItemIndex).ShouldBe([0, 1, 2]);
        instance.Tokens.ShouldHaveSingleItem().PendingTasks.ShouldBe(3);
    }

    [Fact]
    public async Task The_token_moves_on_only_after_the_last_item_task_and_results_are_collected_in_item_order()
    {
        var instance = await Bpm.StartAsync(Plan(), Items);
        var tasks = await Bpm.OpenTasksAsync(instance.Id);

        await Bpm.Tasks.CompleteAsync(tasks[2].Id, new Actor("ann"), new TaskCompletion { Outcome = "Done", Variables = new Dictionary<string, object?> { ["note"] = "refunded" } });
        await Bpm.Tasks.CompleteAsync(tasks[0].Id, new Actor("ann"), new TaskCompletion { Outcome = "Failed" });
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["item"]);
        await Bpm.Tasks.CompleteAsync(tasks[1].Id, new Actor("ben"), new TaskCompletion { Outcome = "Done" });

        var after = await Bpm.InstanceAsync(instance.Id);
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["decide"]);
        var results = after.Variables["planResults"].EnumerateArray().ToList();
        results.Select(r => r.GetProperty("outcome").GetString()).ShouldBe(["Failed", "Done", "Done"]);
        results[2].GetProperty("note").GetString().ShouldBe("refunded");
        after.Variables.ContainsKey("itemOutcome").ShouldBeFalse();
    }

    [Fact]
    public async Task A_supervisor_cancels_one_item_task_and_the_point_goes_on_once_the_others_are_done()
    {
        var instance = await Bpm.StartAsync(Plan(), Items);
        var tasks = await Bpm.OpenTasksAsync(instance.Id);

        var cancelled = await Bpm.Tasks.CancelAsync(tasks[1].Id, new Actor("hugo", canActOnAnyTask: true), "item withdrawn");
        await Bpm.Tasks.CompleteAsync(tasks[0].Id, new Actor("ann"), new TaskCompletion { Outcome = "Done" });
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["item"]);
        await Bpm.Tasks.CompleteAsync(tasks[2].Id, new Actor("ann"), new TaskCompletion { Outcome = "Done" });

        (cancelled.Status, cancelled.Comment).ShouldBe((WorkTaskStatus.Cancelled, "item withdrawn"));
        (await Bpm.Tasks.GetAsync(tasks[1].Id)).Status.ShouldBe(WorkTaskStatus.Cancelled);
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["decide"]);
        var history = await Bpm.Engine.GetHistoryAsync(instance.Id);
        history.ShouldContain(h => h.Kind == HistoryKind.TaskCancelled && h.TaskId == tasks[1].Id && h.Actor == "hugo" && h.Details == "item withdrawn");
        await Should.ThrowAsync<Engine.Errors.ConflictException>(() => Bpm.Tasks.CompleteAsync(tasks[1].Id, new Actor("ben")));
    }

    [Fact]
    public async Task Cancelling_a_task_needs_a_supervisor_and_an_item_task()
    {
        var instance = await Bpm.StartAsync(Plan(), Items);
        var tasks = await Bpm.OpenTasksAsync(instance.Id);

        var notSupervisor = await Should.ThrowAsync<Engine.Errors.ForbiddenException>(() => Bpm.Tasks.CancelAsync(tasks[0].Id, new Actor("ann")));
        foreach (var task in tasks)
        {
            await Bpm.Tasks.CompleteAsync(task.Id, new Actor(task.AssigneeId!), new TaskCompletion { Outcome = "Done" });
        }

        var single = (await Bpm.OpenTasksAsync(instance.Id)).ShouldHaveSingleItem();
        var refused = await Should.ThrowAsync<Engine.Errors.ConflictException>(() => Bpm.Tasks.CancelAsync(single.Id, Actor.System));

        notSupervisor.Code.ShouldBe("task.cancel-not-allowed");
        refused.Code.ShouldBe("task.cancel-single");
        (await Bpm.Tasks.GetAsync(single.Id)).Status.ShouldBe(WorkTaskStatus.Open);
    }

    [Fact]
    public async Task An_empty_list_passes_the_point_at_once()
    {
        var instance = await Bpm.StartAsync(Plan(), new { planItems = Array.Empty<object>() });

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["decide"]);
    }

    [Fact]
    public async Task A_missing_list_is_an_incident_and_no_task_is_created()
    {
        var instance = await Bpm.StartAsync(Plan());

        instance.Status.ShouldBe(InstanceStatus.Incident);
        instance.IncidentMessage!.ShouldContain("planItems");
        (await Bpm.OpenTasksAsync(instance.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_failing_performer_expression_for_one_item_creates_no_task_at_all()
    {
        var instance = await Bpm.StartAsync(Plan(), new { planItems = new object[] { new { what = "ok", who = "ann" }, new { what = "broken", who = 42 } } });

        instance.Status.ShouldBe(InstanceStatus.Incident);
        instance.IncidentMessage!.ShouldContain("not a user id");
        (await Bpm.OpenTasksAsync(instance.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Sequential_creates_one_task_at_a_time_in_item_order()
    {
        var instance = await Bpm.StartAsync(PlanWith(m => m with { IsSequential = true }), Items);

        foreach (var title in new[] { "Do: Call customer", "Do: Inspect goods", "Do: Refund" })
        {
            var task = (await Bpm.OpenTasksAsync(instance.Id)).ShouldHaveSingleItem();
            task.Title.ShouldBe(title);
            await Bpm.Tasks.CompleteAsync(task.Id, new Actor(task.AssigneeId!), new TaskCompletion { Outcome = "Done" });
        }

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["decide"]);
        (await Bpm.InstanceAsync(instance.Id)).Variables["planResults"].EnumerateArray().Select(r => r.GetProperty("outcome").GetString()).ShouldBe(["Done", "Done", "Done"]);
    }

    [Fact]
    public async Task A_completion_condition_that_holds_cancels_the_open_tasks_and_the_token_leaves()
    {
        var instance = await Bpm.StartAsync(PlanWith(m => m with { CompletionCondition = "itemOutcome == 'Failed'" }), Items);
        var tasks = await Bpm.OpenTasksAsync(instance.Id);

        await Bpm.Tasks.CompleteAsync(tasks[0].Id, new Actor("ann"), new TaskCompletion { Outcome = "Done" });
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["item"]);
        await Bpm.Tasks.CompleteAsync(tasks[1].Id, new Actor("ben"), new TaskCompletion { Outcome = "Failed" });

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["decide"]);
        (await Bpm.Tasks.GetAsync(tasks[2].Id)).Status.ShouldBe(WorkTaskStatus.Cancelled);
        (await Bpm.Tasks.GetAsync(tasks[1].Id)).Status.ShouldBe(WorkTaskStatus.Completed);
        var results = (await Bpm.InstanceAsync(instance.Id)).Variables["planResults"].EnumerateArray().ToList();
        results.Count.ShouldBe(3);
        results[2].ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task A_sequential_completion_condition_on_the_counters_creates_no_further_task()
    {
        var instance = await Bpm.StartAsync(PlanWith(m => m with { IsSequential = true, CompletionCondition = "nrOfCompletedInstances == 2 && loopCounter == 1" }), Items);

        await Bpm.CompleteAsync(instance.Id, "item", "Done");
        await Bpm.CompleteAsync(instance.Id, "item", "Done");

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["decide"]);
        (await Bpm.Tasks.GetTasksOfInstanceAsync(instance.Id)).Count(t => t.PointId == "item").ShouldBe(2);
    }

    [Fact]
    public async Task A_list_longer_than_the_run_limit_is_an_incident_before_any_task_is_created()
    {
        var items = Enumerable.Range(0, 1_001).Select(i => new { what = $"Item {i}", who = "ann" }).ToArray();

        var instance = await Bpm.StartAsync(Plan(), new { planItems = items });

        instance.Status.ShouldBe(InstanceStatus.Incident);
        instance.IncidentCode.ShouldBe(IncidentCodes.TooManyRuns);
        instance.IncidentMessage!.ShouldContain("'planItems' has 1001 items");
        instance.IncidentMessage!.ShouldContain("MaxMultiInstanceRuns");
        (await Bpm.OpenTasksAsync(instance.Id)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("2000000000")]
    [InlineData("copies")]
    public async Task A_huge_loop_cardinality_is_an_incident_and_allocates_nothing(string cardinality)
    {
        var map = new MapBuilder("copies").Start()
            .Action("sign", configure: a => a with { MultiInstance = new MultiInstance { LoopCardinality = cardinality } })
            .Action("decide").End().Flow("start", "sign", "decide", "end").Build();

        var instance = await Bpm.StartAsync(map, new { copies = 5_000_000_000L });

        instance.Status.ShouldBe(InstanceStatus.Incident);
        instance.IncidentCode.ShouldBe(IncidentCodes.TooManyRuns);
        (await Bpm.OpenTasksAsync(instance.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_loop_cardinality_creates_that_many_tasks_numbered_by_loop_counter()
    {
        var map = new MapBuilder("copies").Start()
            .Action("sign", configure: a => a with { TitleTemplate = "Sign copy {loopCounter}", MultiInstance = new MultiInstance { LoopCardinality = "copies" } })
            .Action("decide").End().Flow("start", "sign", "decide", "end").Build();

        var instance = await Bpm.StartAsync(map, new { copies = 2 });

        (await Bpm.OpenTasksAsync(instance.Id)).Select(t => t.Title).ShouldBe(["Sign copy 0", "Sign copy 1"]);
    }

    [Fact]
    public async Task A_completion_condition_that_gives_no_boolean_is_an_incident_the_other_tasks_stay_workable_and_the_retry_goes_on()
    {
        var instance = await Bpm.StartAsync(PlanWith(m => m with { CompletionCondition = "nrOfCompletedInstances == 1 ? 'maybe' : false" }), Items);
        var tasks = await Bpm.OpenTasksAsync(instance.Id);

        await Bpm.Tasks.CompleteAsync(tasks[0].Id, new Actor("ann"), new TaskCompletion { Outcome = "Done" });
        (await Bpm.InstanceAsync(instance.Id)).IncidentCode.ShouldBe(IncidentCodes.ConditionNotBoolean);
        await Bpm.Tasks.CompleteAsync(tasks[1].Id, new Actor("ben"), new TaskCompletion { Outcome = "Done" });

        await Bpm.Engine.RetryIncidentAsync(instance.Id);
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["item"]);
        await Bpm.Tasks.CompleteAsync(tasks[2].Id, new Actor("ann"), new TaskCompletion { Outcome = "Done" });

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["decide"]);
    }
}
