using System.Text.Json;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;
using CrmBpm.Engine.Timers;

namespace CrmBpm.Testing.Scenarios;

/// <summary>
/// A Nested process run once per item: one child instance per item, all at once or one after the other, until all are done
/// or the completion condition holds; results in item order.
/// </summary>
public abstract class NestedMultiInstanceScenarios : EngineScenario
{
    private static readonly object Reviewers = new { reviewers = new[] { "ann", "ben", "cid" } };

    /// <summary>The called map: its reviewer (the item) decides.</summary>
    private Task DeployReviewAsync() => Bpm.DeployAsync(new MapBuilder("review").Start()
        .Action("decide", configure: a => a with { Performer = Performer.FromExpression("reviewer"), Outcomes = ["approve", "reject"] })
        .End().Flow("start", "decide", "end").Build());

    private static RouteMap Parent(MultiInstance multi, Func<MapBuilder, MapBuilder>? extra = null)
    {
        var builder = new MapBuilder("approval").Start()
            .Add(new NestedProcessPoint { Id = "reviews", Name = "Reviews", CalledMapKey = "review", Outputs = [new("decideOutcome", "verdict")], MultiInstance = multi })
            .Action("after").End().Flow("start", "reviews", "after", "end");
        return (extra ?? (b => b))(builder).Build();
    }

    private static MultiInstance OverReviewers(bool sequential = false, string? completion = null, string? results = "verdicts") =>
        new() { CollectionVariable = "reviewers", ElementVariable = "reviewer", IsSequential = sequential, CompletionCondition = completion, ResultCollection = results };

    private async Task<IReadOnlyList<ProcessInstance>> ChildrenAsync(Guid parentId) =>
        [.. (await Bpm.Engine.GetChildInstancesAsync(parentId)).OrderBy(c => c.Variables["loopCounter"].GetInt32())];

    private async Task DecideAsync(Guid parentId, string reviewer, string? verdict)
    {
        var task = (await Bpm.OpenTasksAsync(parentId)).Single(t => t.AssigneeId == reviewer);
        await Bpm.Tasks.CompleteAsync(task.Id, new Actor(reviewer), new TaskCompletion { Outcome = verdict });
    }

    [Fact]
    public async Task Parallel_starts_one_child_per_item_each_with_its_item_and_loop_counter()
    {
        await DeployReviewAsync();
        var instance = await Bpm.StartAsync(Parent(OverReviewers()), Reviewers);

        var children = await ChildrenAsync(instance.Id);
        children.Select(c => c.Variables["reviewer"].GetString()).ShouldBe(["ann", "ben", "cid"]);
        children.Select(c => c.Variables["loopCounter"].GetInt32()).ShouldBe([0, 1, 2]);
        (await Bpm.OpenTasksAsync(instance.Id)).Select(t => t.AssigneeId).Order().ShouldBe(["ann", "ben", "cid"]);
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["reviews"]);
        (await Bpm.InstanceAsync(instance.Id)).Variables["verdicts"].GetRawText().ShouldBe("[null,null,null]");
    }

    [Fact]
    public async Task The_token_leaves_after_the_last_child_and_results_are_in_item_order()
    {
        await DeployReviewAsync();
        var instance = await Bpm.StartAsync(Parent(OverReviewers()), Reviewers);

        await DecideAsync(instance.Id, "cid", "reject");
        await DecideAsync(instance.Id, "ann", "approve");
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["reviews"]);
        await DecideAsync(instance.Id, "ben", "approve");

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["after"]);
        var parent = await Bpm.InstanceAsync(instance.Id);
        parent.Variables["verdicts"].EnumerateArray().Select(v => v.GetProperty("verdict").GetString()).ShouldBe(["approve", "approve", "reject"]);
        parent.Variables.ContainsKey("verdict").ShouldBeFalse();
    }

    [Fact]
    public async Task Sequential_runs_one_child_at_a_time_in_item_order()
    {
        await DeployReviewAsync();
        var instance = await Bpm.StartAsync(Parent(OverReviewers(sequential: true)), Reviewers);

        foreach (var reviewer in new[] { "ann", "ben", "cid" })
        {
            (await Bpm.OpenTasksAsync(instance.Id)).ShouldHaveSingleItem().AssigneeId.ShouldBe(reviewer);
            (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["reviews"]);
            await DecideAsync(instance.Id, reviewer, "approve");
        }

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["after"]);
        (await ChildrenAsync(instance.Id)).Select(c => (c.Variables["reviewer"].GetString(), c.Status))
            .ShouldBe([("ann", InstanceStatus.Completed), ("ben", InstanceStatus.Completed), ("cid", InstanceStatus.Completed)]);
    }

    [Fact]
    public async Task A_completion_condition_that_holds_terminates_the_children_still_running_and_the_token_leaves()
    {
        await DeployReviewAsync();
        var instance = await Bpm.StartAsync(Parent(OverReviewers(completion: "verdict == 'reject'")), Reviewers);

        await DecideAsync(instance.Id, "ann", "approve");
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["reviews"]);
        await DecideAsync(instance.Id, "ben", "reject");

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["after"]);
        (await ChildrenAsync(instance.Id)).Select(c => c.Status).ShouldBe([InstanceStatus.Completed, InstanceStatus.Completed, InstanceStatus.Terminated]);
        (await Bpm.OpenTasksAsync(instance.Id)).ShouldHaveSingleItem().PointId.ShouldBe("after");
        (await Bpm.InstanceAsync(instance.Id)).Variables["verdicts"].EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? null : v.GetProperty("verdict").GetString())
            .ShouldBe(["approve", "reject", null]);
    }

    [Fact]
    public async Task A_sequential_completion_condition_on_the_built_in_counters_starts_no_further_child()
    {
        await DeployReviewAsync();
        var instance = await Bpm.StartAsync(Parent(OverReviewers(sequential: true, completion: "nrOfCompletedInstances >= 2 && nrOfActiveInstances == 0 && nrOfInstances == 3")), Reviewers);

        await DecideAsync(instance.Id, "ann", "approve");
        await DecideAsync(instance.Id, "ben", "approve");

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["after"]);
        (await ChildrenAsync(instance.Id)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_loop_cardinality_starts_that_many_children_with_their_loop_counter()
    {
        await Bpm.DeployAsync(new MapBuilder("count").Start().End().Flow("start", "end").Build());
        var multi = new MultiInstance { LoopCardinality = "copies + 1", ResultCollection = "numbers", ResultElement = "loopCounter * 10" };
        var map = new MapBuilder("copies").Start()
            .Add(new NestedProcessPoint { Id = "print", Name = "Print", CalledMapKey = "count", MultiInstance = multi })
            .Action("after").End().Flow("start", "print", "after", "end").Build();

        var instance = await Bpm.StartAsync(map, new { copies = 2 });

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["after"]);
        (await ChildrenAsync(instance.Id)).Select(c => c.Variables.ContainsKey("item")).ShouldBe([false, false, false]);
        (await Bpm.InstanceAsync(instance.Id)).Variables["numbers"].EnumerateArray().Select(n => n.GetDouble()).ShouldBe([0d, 10d, 20d]);
    }

    [Fact]
    public async Task Children_that_complete_at_once_run_sequentially_in_one_command_and_fill_the_results_in_item_order()
    {
        await Bpm.DeployAsync(new MapBuilder("double").Start().End().Flow("start", "end").Build());
        var multi = new MultiInstance { CollectionExpression = "${order.lines}", ElementVariable = "line", IsSequential = true, ResultCollection = "doubled" };
        var map = new MapBuilder("lines").Start()
            .Add(new NestedProcessPoint { Id = "each", Name = "Each line", CalledMapKey = "double", Outputs = [new("line * 2", "twice")], MultiInstance = multi })
            .Action("after").End().Flow("start", "each", "after", "end").Build();

        var instance = await Bpm.StartAsync(map, new { order = new { lines = new[] { 1, 2, 3 } } });

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["after"]);
        (await Bpm.InstanceAsync(instance.Id)).Variables["doubled"].EnumerateArray().Select(r => r.GetProperty("twice").GetDouble()).ShouldBe([2d, 4d, 6d]);
    }

    [Fact]
    public async Task An_empty_collection_completes_the_activity_at_once_with_an_empty_result()
    {
        await DeployReviewAsync();
        var instance = await Bpm.StartAsync(Parent(OverReviewers()), new { reviewers = Array.Empty<string>() });

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["after"]);
        (await Bpm.Engine.GetChildInstancesAsync(instance.Id)).ShouldBeEmpty();
        (await Bpm.InstanceAsync(instance.Id)).Variables["verdicts"].GetRawText().ShouldBe("[]");
    }

    [Fact]
    public async Task A_missing_collection_is_an_incident_and_starts_no_child()
    {
        await DeployReviewAsync();
        var instance = await Bpm.StartAsync(Parent(OverReviewers()));

        instance.Status.ShouldBe(InstanceStatus.Incident);
        instance.IncidentCode.ShouldBe(IncidentCodes.CollectionNotAList);
        instance.IncidentMessage!.ShouldContain("reviewers");
        (await Bpm.Engine.GetChildInstancesAsync(instance.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task More_runs_than_the_limit_is_an_incident_and_starts_no_child()
    {
        await DeployReviewAsync();
        var instance = await Bpm.StartAsync(Parent(new MultiInstance { LoopCardinality = "1001" }));

        instance.Status.ShouldBe(InstanceStatus.Incident);
        instance.IncidentCode.ShouldBe(IncidentCodes.TooManyRuns);
        instance.IncidentMessage!.ShouldContain("its loop cardinality is 1001");
        (await Bpm.Engine.GetChildInstancesAsync(instance.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_interrupting_boundary_timer_terminates_every_child()
    {
        await DeployReviewAsync();
        var map = Parent(OverReviewers(), b => b
            .Add(new BoundaryTimerPoint { Id = "late", AttachedToId = "reviews", Timer = TimerDefinition.After("P1D") })
            .Action("escalate", user: "head").End("late-end").Flow("late", "escalate", "late-end"));
        var instance = await Bpm.StartAsync(map, Reviewers);
        await DecideAsync(instance.Id, "ann", "approve");

        Bpm.Clock.Advance(TimeSpan.FromDays(1));
        (await Bpm.Timers.FireDueTimersAsync()).ShouldBe(1);

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["escalate"]);
        (await ChildrenAsync(instance.Id)).Select(c => c.Status).ShouldBe([InstanceStatus.Completed, InstanceStatus.Terminated, InstanceStatus.Terminated]);
        (await Bpm.OpenTasksAsync(instance.Id)).ShouldHaveSingleItem().PointId.ShouldBe("escalate");
    }

    [Fact]
    public async Task Terminating_the_parent_terminates_every_child()
    {
        await DeployReviewAsync();
        var instance = await Bpm.StartAsync(Parent(OverReviewers()), Reviewers);

        await Bpm.Engine.TerminateAsync(instance.Id, "withdrawn");

        (await ChildrenAsync(instance.Id)).Select(c => c.Status).ShouldAllBe(s => s == InstanceStatus.Terminated);
        (await Bpm.OpenTasksAsync(instance.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_child_terminated_on_its_own_ends_the_other_runs_and_the_retry_starts_the_activity_again()
    {
        await DeployReviewAsync();
        var instance = await Bpm.StartAsync(Parent(OverReviewers()), Reviewers);
        var children = await ChildrenAsync(instance.Id);

        await Bpm.Engine.TerminateAsync(children[1].Id, "wrong reviewer");

        var stuck = await Bpm.InstanceAsync(instance.Id);
        stuck.IncidentCode.ShouldBe(IncidentCodes.NestedInstanceTerminated);
        (await ChildrenAsync(instance.Id)).Select(c => c.Status).ShouldAllBe(s => s == InstanceStatus.Terminated);

        await Bpm.Engine.RetryIncidentAsync(instance.Id);

        (await Bpm.Engine.GetChildInstancesAsync(instance.Id)).Count(c => c.Status == InstanceStatus.Active).ShouldBe(3);
        (await Bpm.OpenTasksAsync(instance.Id)).Count.ShouldBe(3);
    }

    [Fact]
    public async Task Without_a_result_collection_each_child_s_outputs_go_into_the_parent_as_a_single_call_s_would()
    {
        await DeployReviewAsync();
        var instance = await Bpm.StartAsync(Parent(OverReviewers(sequential: true, results: null)), Reviewers);

        await DecideAsync(instance.Id, "ann", "approve");
        (await Bpm.InstanceAsync(instance.Id)).Variables["verdict"].GetString().ShouldBe("approve");
        await DecideAsync(instance.Id, "ben", "approve");
        await DecideAsync(instance.Id, "cid", "reject");

        (await Bpm.InstanceAsync(instance.Id)).Variables["verdict"].GetString().ShouldBe("reject");
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["after"]);
    }

    [Fact]
    public async Task An_error_end_in_one_child_caught_by_the_activity_s_error_boundary_terminates_the_others()
    {
        var refused = new ErrorDefinition("Error_refused", "refused");
        await Bpm.DeployAsync(new MapBuilder("review").Start()
            .Action("decide", configure: a => a with { Performer = Performer.FromExpression("reviewer") })
            .Add(new EndPoint { Id = "no", Error = refused })
            .Flow("start", "decide", "no").Build());
        var map = Parent(OverReviewers(), b => b
            .Add(new BoundaryErrorPoint { Id = "failed", AttachedToId = "reviews", Error = refused })
            .Action("handle", user: "head").End("failed-end").Flow("failed", "handle", "failed-end"));
        var instance = await Bpm.StartAsync(map, Reviewers);

        await DecideAsync(instance.Id, "ben", null);

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["handle"]);
        (await ChildrenAsync(instance.Id)).Select(c => c.Status).ShouldBe([InstanceStatus.Terminated, InstanceStatus.Completed, InstanceStatus.Terminated]);
    }

    [Fact]
    public async Task A_completion_condition_that_gives_no_boolean_is_an_incident_and_the_retry_goes_on_from_the_runs_counted()
    {
        await DeployReviewAsync();
        var instance = await Bpm.StartAsync(Parent(OverReviewers(completion: "nrOfCompletedInstances == 1 ? 'maybe' : false")), Reviewers);

        await DecideAsync(instance.Id, "ann", "approve");
        var stuck = await Bpm.InstanceAsync(instance.Id);
        stuck.IncidentCode.ShouldBe(IncidentCodes.ConditionNotBoolean);
        stuck.IncidentMessage!.ShouldContain("completion condition");
        await DecideAsync(instance.Id, "ben", "approve"); // counted while the activity is stuck

        await Bpm.Engine.RetryIncidentAsync(instance.Id);
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["reviews"]);
        await DecideAsync(instance.Id, "cid", "approve");

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["after"]);
        (await Bpm.InstanceAsync(instance.Id)).Variables["verdicts"].EnumerateArray().Select(v => v.GetProperty("verdict").GetString()).ShouldBe(["approve", "approve", "approve"]);
    }
}
