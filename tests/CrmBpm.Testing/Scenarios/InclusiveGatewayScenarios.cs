using CrmBpm.Engine;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Runtime;

namespace CrmBpm.Testing.Scenarios;

/// <summary>
/// The inclusive gateway (OR). Its split takes every flow whose condition holds and every flow without one, the default
/// flow only when no other; its join waits until no token that can still arrive exists (BPMN 2.0 §13.4.3, as Camunda 7 and
/// Flowable run it): for every incoming flow without a token, no other token can reach that flow without passing the join.
/// </summary>
public abstract class InclusiveGatewayScenarios : EngineScenario
{
    private static InclusivePoint Inclusive(string id, string? defaultFlowId = null) => new() { Id = id, Name = id, DefaultFlowId = defaultFlowId };

    /// <summary>Checks that may apply to a deal: legal if there is a contract, finance above 1000, security for VIPs; by default filing.</summary>
    private static RouteMap Checks(bool withDefault = true)
    {
        var builder = new MapBuilder("checks").Start().Add(Inclusive("fork", withDefault ? "fork->file" : null))
            .Action("legal").Action("finance").Action("security").Add(Inclusive("join")).Action("sign").End()
            .Flow("start", "fork")
            .Case("fork", "legal", "contract === true").Case("fork", "finance", "amount > 1000").Case("fork", "security", "segment === 'vip'")
            .Flow("legal", "join").Flow("finance", "join").Flow("security", "join").Flow("join", "sign", "end");
        return withDefault ? builder.Action("file").Flow("fork", "file").Flow("file", "join").Build() : builder.Build();
    }

    [Theory]
    [InlineData(true, 10, "retail", new[] { "legal" })]
    [InlineData(true, 5000, "retail", new[] { "finance", "legal" })]
    [InlineData(true, 5000, "vip", new[] { "finance", "legal", "security" })]
    [InlineData(false, 10, "retail", new[] { "file" })]
    public async Task The_split_takes_every_flow_whose_condition_holds_and_the_default_only_when_none_does(bool contract, int amount, string segment, string[] expected)
    {
        var instance = await Bpm.StartAsync(Checks(), new { contract, amount, segment });

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(expected);
        (await Bpm.OpenTasksAsync(instance.Id)).Select(t => t.PointId).Order(StringComparer.Ordinal).ShouldBe(expected);
    }

    [Theory]
    [InlineData(true, 10, "retail")]
    [InlineData(true, 5000, "retail")]
    [InlineData(true, 5000, "vip")]
    [InlineData(false, 10, "retail")]
    public async Task The_join_fires_once_when_the_last_branch_taken_arrives_and_never_waits_for_branches_not_taken(bool contract, int amount, string segment)
    {
        var instance = await Bpm.StartAsync(Checks(), new { contract, amount, segment });
        var branches = await Bpm.TokenPointsAsync(instance.Id);

        foreach (var branch in branches.SkipLast(1))
        {
            await Bpm.CompleteAsync(instance.Id, branch);
            (await Bpm.OpenTasksAsync(instance.Id)).ShouldNotContain(t => t.PointId == "sign");
            (await Bpm.InstanceAsync(instance.Id)).Tokens.Where(t => t.PointId == "join").ShouldAllBe(t => t.State == TokenState.Merging);
        }

        await Bpm.CompleteAsync(instance.Id, branches[^1]);

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["sign"]);
        await Bpm.CompleteAsync(instance.Id, "sign");
        (await Bpm.InstanceAsync(instance.Id)).Status.ShouldBe(InstanceStatus.Completed);
        (await Bpm.Tasks.GetTasksOfInstanceAsync(instance.Id)).Count(t => t.PointId == "sign").ShouldBe(1);
    }

    [Fact]
    public async Task No_condition_holding_and_no_default_flow_is_an_incident_naming_the_conditions_and_a_retry_decides_again()
    {
        var instance = await Bpm.StartAsync(Checks(withDefault: false), new { contract = false, amount = 10, segment = "retail" });

        var stuck = await Bpm.InstanceAsync(instance.Id);
        stuck.Status.ShouldBe(InstanceStatus.Incident);
        stuck.IncidentMessage.ShouldBe(
            "No outgoing flow of Inclusive gateway 'fork' can be taken: its conditions ('contract === true' to 'legal', 'amount > 1000' to 'finance', 'segment === 'vip'' to 'security') are all false and it has no default flow.");
        stuck.Tokens.ShouldHaveSingleItem().PointId.ShouldBe("fork");

        await Bpm.Engine.RetryIncidentAsync(instance.Id, new Dictionary<string, object?> { ["segment"] = "vip" });

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["security"]);
        (await Bpm.InstanceAsync(instance.Id)).Status.ShouldBe(InstanceStatus.Active);
    }

    [Fact]
    public async Task The_join_waits_for_a_token_still_upstream_on_a_long_branch()
    {
        var map = new MapBuilder("long").Start().Split("split").Action("quick").Action("step1").Action("step2").Action("step3")
            .Add(Inclusive("join")).Action("sign").End()
            .Flow("start", "split").Flow("split", "quick", "join").Flow("split", "step1", "step2", "step3", "join").Flow("join", "sign", "end").Build();
        var instance = await Bpm.StartAsync(map);

        await Bpm.CompleteAsync(instance.Id, "quick");
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["join", "step1"]);
        await Bpm.CompleteAsync(instance.Id, "step1");
        await Bpm.CompleteAsync(instance.Id, "step2");
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["join", "step3"]);

        await Bpm.CompleteAsync(instance.Id, "step3");

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["sign"]);
    }

    [Fact]
    public async Task The_join_fires_as_soon_as_the_token_it_waited_for_goes_elsewhere()
    {
        // The long branch may end without reaching the join: when it does, nothing can arrive any more.
        var map = new MapBuilder("bypass").Start().Split("split").Action("quick").Action("review").Choice("decide")
            .Add(Inclusive("join")).Action("sign").End().End("dropped")
            .Flow("start", "split").Flow("split", "quick", "join").Flow("split", "review", "decide")
            .Case("decide", "join", "keep === true").Case("decide", "dropped", "keep === false").Flow("join", "sign", "end").Build();
        var instance = await Bpm.StartAsync(map);
        await Bpm.CompleteAsync(instance.Id, "quick");
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["join", "review"]);

        await Bpm.CompleteAsync(instance.Id, "review", variables: new { keep = false });

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["sign"]);
    }

    [Fact]
    public async Task A_join_fed_by_a_parallel_split_waits_for_every_branch()
    {
        var map = new MapBuilder("parallel").Start().Split("split").Action("a").Action("b").Action("c").Add(Inclusive("join")).Action("sign").End()
            .Flow("start", "split").Flow("split", "a", "join").Flow("split", "b", "join").Flow("split", "c", "join").Flow("join", "sign", "end").Build();
        var instance = await Bpm.StartAsync(map);

        await Bpm.CompleteAsync(instance.Id, "b");
        await Bpm.CompleteAsync(instance.Id, "a");
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["c", "join", "join"]);
        await Bpm.CompleteAsync(instance.Id, "c");

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["sign"]);
    }

    [Fact]
    public async Task Nested_inclusive_pairs_join_their_own_branches()
    {
        // outer: x → (inner: x1 | x2) and y; each pair joins what its own split took.
        var map = new MapBuilder("nested").Start().Add(Inclusive("outer")).Add(Inclusive("inner")).Action("x1").Action("x2").Add(Inclusive("innerJoin"))
            .Action("y").Add(Inclusive("outerJoin")).Action("sign").End()
            .Flow("start", "outer").Case("outer", "inner", "x === true").Case("outer", "y", "y === true")
            .Case("inner", "x1", "x1 === true").Case("inner", "x2", "x2 === true")
            .Flow("x1", "innerJoin").Flow("x2", "innerJoin").Flow("innerJoin", "outerJoin").Flow("y", "outerJoin").Flow("outerJoin", "sign", "end").Build();
        var instance = await Bpm.StartAsync(map, new { x = true, y = true, x1 = true, x2 = true });
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["x1", "x2", "y"]);

        await Bpm.CompleteAsync(instance.Id, "x1");
        await Bpm.CompleteAsync(instance.Id, "y");
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["innerJoin", "outerJoin", "x2"]);
        await Bpm.CompleteAsync(instance.Id, "x2");

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["sign"]);
        var second = await Bpm.Engine.StartAsync("nested", new StartOptions { Variables = new Dictionary<string, object?> { ["x"] = true, ["y"] = false, ["x1"] = false, ["x2"] = true } });
        (await Bpm.TokenPointsAsync(second.Id)).ShouldBe(["x2"]);
        await Bpm.CompleteAsync(second.Id, "x2");
        (await Bpm.TokenPointsAsync(second.Id)).ShouldBe(["sign"]);
    }

    [Fact]
    public async Task A_join_inside_a_loop_joins_each_round_with_the_branches_of_that_round()
    {
        var map = new MapBuilder("rounds").Start().Action("plan").Add(Inclusive("fork")).Action("a").Action("b").Add(Inclusive("join"))
            .Action("check").Choice("again").End()
            .Flow("start", "plan", "fork").Case("fork", "a", "useA === true").Case("fork", "b", "useB === true")
            .Flow("a", "join").Flow("b", "join").Flow("join", "check", "again")
            .Case("again", "plan", "more === true").Case("again", "end", "more === false").Build();
        var instance = await Bpm.StartAsync(map);

        await Bpm.CompleteAsync(instance.Id, "plan", variables: new { useA = true, useB = true });
        await Bpm.CompleteAsync(instance.Id, "a");
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["b", "join"]);
        await Bpm.CompleteAsync(instance.Id, "b");
        await Bpm.CompleteAsync(instance.Id, "check", variables: new { more = true });

        await Bpm.CompleteAsync(instance.Id, "plan", variables: new { useA = false, useB = true });
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["b"]);
        await Bpm.CompleteAsync(instance.Id, "b");
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["check"]);
        await Bpm.CompleteAsync(instance.Id, "check", variables: new { more = false });

        (await Bpm.InstanceAsync(instance.Id)).Status.ShouldBe(InstanceStatus.Completed);
        (await Bpm.Tasks.GetTasksOfInstanceAsync(instance.Id)).Count(t => t.PointId == "check").ShouldBe(2);
    }

    [Fact]
    public async Task A_gateway_that_closes_a_loop_lets_each_round_through_since_nothing_else_can_arrive()
    {
        // The gateway's second incoming flow comes back from after it: a token there never waits for itself.
        var map = new MapBuilder("retry").Start().Add(Inclusive("entry")).Action("attempt").Choice("done").End()
            .Flow("start", "entry", "attempt", "done").Case("done", "entry", "ok === false").Case("done", "end", "ok === true").Build();
        var instance = await Bpm.StartAsync(map);

        await Bpm.CompleteAsync(instance.Id, "attempt", variables: new { ok = false });
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["attempt"]);
        await Bpm.CompleteAsync(instance.Id, "attempt", variables: new { ok = true });

        (await Bpm.InstanceAsync(instance.Id)).Status.ShouldBe(InstanceStatus.Completed);
    }

    [Fact]
    public async Task The_join_waits_while_a_token_upstream_is_still_going_round_a_loop()
    {
        var map = new MapBuilder("looping").Start().Split("split").Action("quick").Action("draft").Choice("approved")
            .Add(Inclusive("join")).Action("sign").End()
            .Flow("start", "split").Flow("split", "quick", "join").Flow("split", "draft", "approved")
            .Case("approved", "draft", "ok === false").Case("approved", "join", "ok === true").Flow("join", "sign", "end").Build();
        var instance = await Bpm.StartAsync(map);
        await Bpm.CompleteAsync(instance.Id, "quick");

        await Bpm.CompleteAsync(instance.Id, "draft", variables: new { ok = false });
        await Bpm.CompleteAsync(instance.Id, "draft", variables: new { ok = false });
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["draft", "join"]);
        await Bpm.CompleteAsync(instance.Id, "draft", variables: new { ok = true });

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["sign"]);
    }

    [Fact]
    public async Task A_gateway_that_joins_and_splits_joins_first_then_takes_the_flows_whose_conditions_hold()
    {
        var map = new MapBuilder("both").Start().Split("split").Action("a").Action("b").Add(Inclusive("hub"))
            .Action("c").Action("d").Add(Inclusive("join")).End()
            .Flow("start", "split").Flow("split", "a", "hub").Flow("split", "b", "hub")
            .Case("hub", "c", "wantC === true").Case("hub", "d", "wantD === true").Flow("c", "join").Flow("d", "join").Flow("join", "end").Build();
        var instance = await Bpm.StartAsync(map, new { wantC = true, wantD = true });

        await Bpm.CompleteAsync(instance.Id, "a");
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["b", "hub"]);
        await Bpm.CompleteAsync(instance.Id, "b");

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["c", "d"]);
        await Bpm.CompleteAsync(instance.Id, "d");
        await Bpm.CompleteAsync(instance.Id, "c");
        (await Bpm.InstanceAsync(instance.Id)).Status.ShouldBe(InstanceStatus.Completed);
    }

    [Fact]
    public async Task A_token_stuck_in_an_incident_upstream_is_waited_for_and_joins_after_the_retry()
    {
        var map = new MapBuilder("stuck").Start().Split("split").Action("quick").Action("review").Choice("route")
            .Add(Inclusive("join")).Action("sign").End().End("dropped")
            .Flow("start", "split").Flow("split", "quick", "join").Flow("split", "review", "route")
            .Case("route", "join", "go === true").Case("route", "dropped", "go === 'drop'").Flow("join", "sign", "end").Build();
        var instance = await Bpm.StartAsync(map);
        await Bpm.CompleteAsync(instance.Id, "quick");

        await Bpm.CompleteAsync(instance.Id, "review", variables: new { go = false });
        (await Bpm.InstanceAsync(instance.Id)).Status.ShouldBe(InstanceStatus.Incident);
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["join", "route"]);

        await Bpm.Engine.RetryIncidentAsync(instance.Id, new Dictionary<string, object?> { ["go"] = true });

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["sign"]);
    }
}
