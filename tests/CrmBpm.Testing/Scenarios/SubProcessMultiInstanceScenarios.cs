using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;

namespace CrmBpm.Testing.Scenarios;

/// <summary>
/// A sub-process run once per item: one child instance of its scope per item, each with its item and <c>loopCounter</c>;
/// what a run set or changed goes back to the parent (but its item and counter), or into the result collection.
/// </summary>
public abstract class SubProcessMultiInstanceScenarios : EngineScenario
{
    private static readonly object Reviewers = new { reviewers = new[] { "ann", "ben", "cid" }, note = "parent" };

    /// <summary>start → reviews (sub-process, once per reviewer: start → decide by the reviewer → end) → after → end.</summary>
    private static RouteMap Reviews(MultiInstance multi) => new MapBuilder("approval").Start()
        .Add(new SubProcessPoint { Id = "reviews", Name = "Reviews", MultiInstance = multi })
        .Action("after").End().Flow("start", "reviews", "after", "end")
        .Inside("reviews").Start("reviews-start")
        .Action("decide", configure: a => a with { Performer = Performer.FromExpression("reviewer"), Outcomes = ["approve", "reject"] })
        .End("reviews-end").Flow("reviews-start", "decide", "reviews-end")
        .Inside(null).Build();

    private static MultiInstance OverReviewers(bool sequential = false, string? completion = null, string? results = null) =>
        new() { CollectionVariable = "reviewers", ElementVariable = "reviewer", IsSequential = sequential, CompletionCondition = completion, ResultCollection = results };

    private async Task DecideAsync(Guid instanceId, string reviewer, string verdict, object? variables = null)
    {
        var task = (await Bpm.OpenTasksAsync(instanceId)).Single(t => t.AssigneeId == reviewer);
        await Bpm.Tasks.CompleteAsync(task.Id, new Actor(reviewer), new TaskCompletion { Outcome = verdict, Variables = EngineHarness.ToDictionary(variables) });
    }

    [Fact]
    public async Task Parallel_runs_the_inside_once_per_item_and_the_token_leaves_after_the_last()
    {
        var instance = await Bpm.StartAsync(Reviews(OverReviewers()), Reviewers);

        var children = await Bpm.Engine.GetChildInstancesAsync(instance.Id);
        children.Select(c => c.MapKey).Distinct().ShouldBe(["approval::reviews"]);
        children.Select(c => c.Variables["reviewer"].GetString()).Order().ShouldBe(["ann", "ben", "cid"]);
        (await Bpm.OpenTasksAsync(instance.Id)).Select(t => t.AssigneeId).Order().ShouldBe(["ann", "ben", "cid"]);

        await DecideAsync(instance.Id, "ben", "approve");
        await DecideAsync(instance.Id, "ann", "approve");
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["reviews"]);
        await DecideAsync(instance.Id, "cid", "reject");

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["after"]);
    }

    [Fact]
    public async Task What_a_run_changed_goes_back_but_its_item_and_counter_stay_its_own()
    {
        var instance = await Bpm.StartAsync(Reviews(OverReviewers(sequential: true)), Reviewers);

        await DecideAsync(instance.Id, "ann", "approve", new { note = "seen by ann" });
        (await Bpm.OpenTasksAsync(instance.Id)).ShouldHaveSingleItem().AssigneeId.ShouldBe("ben");
        var second = (await Bpm.Engine.GetChildInstancesAsync(instance.Id)).Single(c => c.Status == InstanceStatus.Active);
        second.Variables["note"].GetString().ShouldBe("seen by ann", "a sequential run starts from what the run before it wrote back");
        await DecideAsync(instance.Id, "ben", "approve");
        await DecideAsync(instance.Id, "cid", "approve");

        var parent = await Bpm.InstanceAsync(instance.Id);
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["after"]);
        parent.Variables["note"].GetString().ShouldBe("seen by ann", "the later runs did not change it, so their stale copies do not go back");
        parent.Variables["decideOutcome"].GetString().ShouldBe("approve");
        parent.Variables.ContainsKey("reviewer").ShouldBeFalse();
        parent.Variables.ContainsKey("loopCounter").ShouldBeFalse();
    }

    [Fact]
    public async Task The_completion_condition_ends_the_runs_still_open_and_results_are_in_item_order()
    {
        var instance = await Bpm.StartAsync(Reviews(OverReviewers(completion: "nrOfCompletedInstances >= 2", results: "verdicts")), Reviewers);

        await DecideAsync(instance.Id, "cid", "reject");
        await DecideAsync(instance.Id, "ann", "approve");

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["after"]);
        (await Bpm.OpenTasksAsync(instance.Id)).ShouldHaveSingleItem().PointId.ShouldBe("after");
        var children = await Bpm.Engine.GetChildInstancesAsync(instance.Id);
        children.Count(c => c.Status == InstanceStatus.Terminated).ShouldBe(1);
        var verdicts = (await Bpm.InstanceAsync(instance.Id)).Variables["verdicts"];
        verdicts.EnumerateArray().Select(v => v.ValueKind == System.Text.Json.JsonValueKind.Null ? null : v.GetProperty("decideOutcome").GetString())
            .ShouldBe(["approve", null, "reject"]);
    }
}
