using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Runtime;

namespace CrmBpm.Testing.Scenarios;

/// <summary>
/// Flows leaving an Action, a Nested process or a plain task (BPMN's implicit split): every flow without a condition and
/// every flow whose condition holds is taken, each with a token of its own; the default flow only when no other is; none
/// at all is an incident at the point.
/// </summary>
public abstract class ImplicitSplitScenarios : EngineScenario
{
    /// <summary>A review whose flows lead to an approval for large amounts, a welcome for VIPs, and by default to filing.</summary>
    private static RouteMap Review(bool withDefault = true) => new MapBuilder("review")
        .Start().Action("review", configure: a => a with { DefaultFlowId = withDefault ? "review->file" : null })
        .Action("approve").Action("welcome").Action("file").End()
        .Flow("start", "review")
        .Case("review", "approve", "amount >= 1000")
        .Case("review", "welcome", "segment === 'vip'")
        .Case("review", "file", withDefault ? null : "amount < 0")
        .Flow("approve", "end").Flow("welcome", "end").Flow("file", "end").Build();

    [Theory]
    [InlineData(5000, "vip", new[] { "approve", "welcome" })]
    [InlineData(5000, "retail", new[] { "approve" })]
    [InlineData(10, "vip", new[] { "welcome" })]
    [InlineData(10, "retail", new[] { "file" })]
    public async Task Every_flow_whose_condition_holds_is_taken_and_the_default_only_when_none_does(int amount, string segment, string[] expected)
    {
        var instance = await Bpm.StartAsync(Review());

        await Bpm.CompleteAsync(instance.Id, "review", variables: new { amount, segment });

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(expected);
        (await Bpm.OpenTasksAsync(instance.Id)).Select(t => t.PointId).Order(StringComparer.Ordinal).ShouldBe(expected);
        var moves = (await Bpm.Engine.GetHistoryAsync(instance.Id)).Where(h => h.Kind == HistoryKind.TokenMoved && h.FromPointId == "review");
        moves.Select(h => h.PointId).Order(StringComparer.Ordinal).ShouldBe(expected);
    }

    [Fact]
    public async Task Each_branch_taken_ends_on_its_own_and_the_instance_completes_when_the_last_one_does()
    {
        var instance = await Bpm.StartAsync(Review());
        await Bpm.CompleteAsync(instance.Id, "review", variables: new { amount = 5000, segment = "vip" });

        await Bpm.CompleteAsync(instance.Id, "welcome");

        var halfway = await Bpm.InstanceAsync(instance.Id);
        halfway.Status.ShouldBe(InstanceStatus.Active);
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["approve"]);
        await Bpm.CompleteAsync(instance.Id, "approve");
        (await Bpm.InstanceAsync(instance.Id)).Status.ShouldBe(InstanceStatus.Completed);
    }

    [Fact]
    public async Task The_default_flow_is_not_taken_beside_a_flow_without_a_condition()
    {
        var map = new MapBuilder("logged").Start().Action("review", configure: a => a with { DefaultFlowId = "review->file" })
            .Action("log").Action("approve").Action("file").End()
            .Flow("start", "review").Flow("review", "log").Case("review", "approve", "amount >= 1000").Flow("review", "file")
            .Flow("log", "end").Flow("approve", "end").Flow("file", "end").Build();
        var instance = await Bpm.StartAsync(map);

        await Bpm.CompleteAsync(instance.Id, "review", variables: new { amount = 10 });

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["log"]);
    }

    [Fact]
    public async Task Flows_without_a_condition_all_run_at_once_and_a_Merge_after_them_joins_them()
    {
        var map = new MapBuilder("parallel").Start().Action("prepare").Action("legal").Action("finance").Merge("join").Action("sign").End()
            .Flow("start", "prepare").Flow("prepare", "legal", "join").Flow("prepare", "finance", "join").Flow("join", "sign", "end").Build();
        var instance = await Bpm.StartAsync(map);

        await Bpm.CompleteAsync(instance.Id, "prepare");
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["finance", "legal"]);
        await Bpm.CompleteAsync(instance.Id, "legal");
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["finance", "join"]);
        await Bpm.CompleteAsync(instance.Id, "finance");
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["sign"]);
        await Bpm.CompleteAsync(instance.Id, "sign");

        (await Bpm.InstanceAsync(instance.Id)).Status.ShouldBe(InstanceStatus.Completed);
    }

    [Fact]
    public async Task Two_conditions_that_both_hold_feed_a_Merge_that_fires_once_both_branches_arrive()
    {
        var map = new MapBuilder("both").Start().Action("prepare").Action("legal").Action("finance").Merge("join").End()
            .Flow("start", "prepare").Case("prepare", "legal", "contract === true").Case("prepare", "finance", "amount > 100")
            .Flow("legal", "join").Flow("finance", "join").Flow("join", "end").Build();
        var instance = await Bpm.StartAsync(map);
        await Bpm.CompleteAsync(instance.Id, "prepare", variables: new { contract = true, amount = 500 });

        await Bpm.CompleteAsync(instance.Id, "finance");
        await Bpm.CompleteAsync(instance.Id, "legal");

        (await Bpm.InstanceAsync(instance.Id)).Status.ShouldBe(InstanceStatus.Completed);
    }

    [Fact]
    public async Task No_flow_to_take_is_an_incident_naming_the_point_and_its_conditions_and_a_retry_decides_again_without_a_new_task()
    {
        var instance = await Bpm.StartAsync(Review(withDefault: false));

        await Bpm.CompleteAsync(instance.Id, "review", variables: new { amount = 10, segment = "retail" });

        var stuck = await Bpm.InstanceAsync(instance.Id);
        stuck.Status.ShouldBe(InstanceStatus.Incident);
        stuck.IncidentMessage.ShouldBe(
            "No outgoing flow of Action 'review' can be taken: its conditions ('amount >= 1000' to 'approve', 'segment === 'vip'' to 'welcome', 'amount < 0' to 'file') are all false and it has no default flow.");
        stuck.Tokens.ShouldHaveSingleItem().PointId.ShouldBe("review");
        (await Bpm.OpenTasksAsync(instance.Id)).ShouldBeEmpty();

        await Bpm.Engine.RetryIncidentAsync(instance.Id, new Dictionary<string, object?> { ["segment"] = "vip" });

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["welcome"]);
        (await Bpm.Tasks.GetTasksOfInstanceAsync(instance.Id)).Count(t => t.PointId == "review").ShouldBe(1);
    }

    [Theory]
    [InlineData("customer.name === 'x'", "customer is not defined")]
    [InlineData("'yes'", "must give true or false, but gave \"yes\"")]
    public async Task A_condition_that_fails_or_gives_no_boolean_is_an_incident_and_no_flow_is_taken(string condition, string reason)
    {
        var map = new MapBuilder("broken").Start().Action("review").Action("ok").Action("other").End()
            .Flow("start", "review").Flow("review", "ok").Case("review", "other", condition).Flow("ok", "end").Flow("other", "end").Build();
        var instance = await Bpm.StartAsync(map);

        await Bpm.CompleteAsync(instance.Id, "review");

        var stuck = await Bpm.InstanceAsync(instance.Id);
        stuck.Status.ShouldBe(InstanceStatus.Incident);
        stuck.IncidentMessage!.ShouldContain(reason);
        stuck.Tokens.ShouldHaveSingleItem().PointId.ShouldBe("review");
        (await Bpm.OpenTasksAsync(instance.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_nested_process_leaves_by_the_conditions_its_outputs_satisfy()
    {
        await Bpm.DeployAsync(new MapBuilder("scoring").Start().Action("score", "carol").End().Flow("start", "score", "end").Build());
        var map = new MapBuilder("parent").Start()
            .Add(new NestedProcessPoint { Id = "sub", Name = "sub", CalledMapKey = "scoring", Outputs = [new("score", "score")], DefaultFlowId = "sub->low" })
            .Action("high").Action("low").End()
            .Flow("start", "sub").Case("sub", "high", "score > 5").Flow("sub", "low").Flow("high", "end").Flow("low", "end").Build();
        var instance = await Bpm.StartAsync(map);

        await Bpm.CompleteAsync(instance.Id, "score", variables: new { score = 9 });

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["high"]);
    }

    [Fact]
    public async Task A_plain_task_takes_its_flows_whose_JUEL_conditions_hold_at_once()
    {
        var map = new MapBuilder("plain").Start().Add(new PassThroughPoint { Id = "note", Name = "note" }).Action("large").Action("small").End()
            .Flow("start", "note").Case("note", "large", "${amount > 10}").Case("note", "small", "${amount <= 10}")
            .Flow("large", "end").Flow("small", "end").Build();

        var instance = await Bpm.StartAsync(map, new { amount = 11 });

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["large"]);
    }
}
