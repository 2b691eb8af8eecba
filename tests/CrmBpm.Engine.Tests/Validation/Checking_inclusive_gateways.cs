using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Validation;
using CrmBpm.Testing;

namespace CrmBpm.Engine.Tests.Validation;

/// <summary>
/// An inclusive gateway splits as a task leaves and joins by waiting for what can still arrive: the rules that judge a
/// task's flows judge its flows, <c>merge.never-fires</c> never reports a Merge the gateway's tokens make fire, and a
/// join in a loop counts as waiting.
/// </summary>
public sealed class Checking_inclusive_gateways
{
    private static IReadOnlyList<ValidationProblem> Validate(RouteMap map) =>
        new RouteMapValidator().Validate(map, new ValidationContext(new ExpressionEvaluator(new ExpressionLimits()), _ => null));

    private static InclusivePoint Inclusive(string id, string? defaultFlowId = null) => new() { Id = id, Name = id, DefaultFlowId = defaultFlowId };

    [Fact]
    public void A_split_and_join_pair_with_conditions_and_a_default_flow_publishes_without_a_warning()
    {
        var map = new MapBuilder("m").StartVariable("x", FormFieldType.Number).Start().Add(Inclusive("fork", "fork->c")).Action("a").Action("b").Action("c").Add(Inclusive("join")).End()
            .Flow("start", "fork").Case("fork", "a", "x > 1").Flow("fork", "b").Flow("fork", "c")
            .Flow("a", "join").Flow("b", "join").Flow("c", "join").Flow("join", "end").Build();

        Validate(map).ShouldBeEmpty();
    }

    [Fact]
    public void A_default_flow_that_does_not_leave_the_gateway_is_refused()
    {
        var map = new MapBuilder("m").Start().Add(Inclusive("fork", "nowhere")).Action("a").End()
            .Flow("start", "fork").Case("fork", "a", "x > 1").Flow("a", "end").Build();

        Validate(map).ShouldContain(p => p.Code == "point.default-not-outgoing" && p.PointId == "fork");
    }

    [Fact]
    public void A_Merge_after_an_inclusive_split_whose_conditions_may_all_hold_is_not_reported()
    {
        var map = new MapBuilder("m").Start().Add(Inclusive("fork")).Action("a").Action("b").Merge("join").End()
            .Flow("start", "fork").Case("fork", "a", "x > 1").Case("fork", "b", "y > 1")
            .Flow("a", "join").Flow("b", "join").Flow("join", "end").Build();

        Validate(map).ShouldNotContain(p => p.Code == "merge.never-fires");
    }

    [Fact]
    public void A_Merge_fed_by_an_inclusive_join_and_a_parallel_branch_is_not_reported()
    {
        // The join fires once for a and b, and its token meets c's at the Merge.
        var map = new MapBuilder("m").Start().Split("split").Action("a").Action("b").Action("c").Add(Inclusive("or")).Merge("join").End()
            .Flow("start", "split").Flow("split", "a", "or").Flow("split", "b", "or").Flow("split", "c", "join").Flow("or", "join", "end").Build();

        Validate(map).ShouldNotContain(p => p.Code == "merge.never-fires");
    }

    [Fact]
    public void An_inclusive_split_getting_its_tokens_back_without_waiting_is_refused()
    {
        var map = new MapBuilder("m").Start().Split("entry").Add(Inclusive("fork")).Action("a").End()
            .Flow("start", "entry", "fork").Case("fork", "fork", "again").Flow("fork", "a", "end").Build();

        Validate(map).ShouldContain(p => p.Code == "split.loop-without-wait" && p.PointId == "fork");
    }

    [Fact]
    public void An_inclusive_gateway_that_joins_a_loop_back_and_splits_again_without_waiting_is_refused()
    {
        // Joining does not help: each round it sends a token out to a and one back round the loop.
        var map = new MapBuilder("m").Start().Add(Inclusive("entry")).Add(Inclusive("fork")).Action("a").End()
            .Flow("start", "entry", "fork").Case("fork", "a", "x > 1").Case("fork", "entry", "again").Flow("a", "end").Build();

        Validate(map).ShouldContain(p => p.Code == "split.loop-without-wait" && p.PointId == "fork");
    }

    [Fact]
    public void A_loop_back_to_an_inclusive_gateway_through_an_action_publishes()
    {
        var map = new MapBuilder("m").Start().Add(Inclusive("entry")).Action("attempt").Add(Inclusive("fork")).Action("a").End()
            .Flow("start", "entry", "attempt", "fork").Case("fork", "a", "x > 1").Case("fork", "entry", "again").Flow("a", "end").Build();

        Validate(map).ShouldNotContain(p => p.Code == "split.loop-without-wait");
    }
}
