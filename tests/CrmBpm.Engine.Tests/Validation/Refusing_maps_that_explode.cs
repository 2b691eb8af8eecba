using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Validation;
using CrmBpm.Testing;

namespace CrmBpm.Engine.Tests.Validation;

/// <summary>A Split whose branches come back to it without anything waiting would add tokens on every round: an error.</summary>
public sealed class Refusing_maps_that_explode
{
    private static IReadOnlyList<ValidationProblem> Validate(RouteMap map) =>
        new RouteMapValidator().Validate(map, new ValidationContext(new ExpressionEvaluator(new ExpressionLimits()), _ => null));

    [Fact]
    public void A_choice_feeding_a_split_that_loops_back_to_the_choice_is_an_error_at_the_split()
    {
        var map = new MapBuilder("explode").Start().Choice("again", "again->end").Split("fork").Action("a").End()
            .Flow("start", "again").Case("again", "fork", "true").Flow("again", "end").Flow("fork", "again").Flow("fork", "a", "end").Build();

        var problem = Validate(map).ShouldHaveSingleItem();

        problem.Code.ShouldBe("split.loop-without-wait");
        problem.PointId.ShouldBe("fork");
        problem.Message.ShouldContain("without passing an Action, Nested process or Merge");
    }

    [Fact]
    public void A_split_looping_through_conditions_only_is_an_error_too()
    {
        var map = new MapBuilder("explode").Start().Condition("c1", "x").Condition("c2", "y").Split("fork").Action("a").End()
            .Flow("start", "c1").Yes("c1", "fork").No("c1", "end").Flow("fork", "c2").Yes("c2", "c1").No("c2", "end").Flow("fork", "a", "end").Build();

        Validate(map).ShouldContain(p => p.Code == "split.loop-without-wait" && p.PointId == "fork");
    }

    [Fact]
    public void A_rework_loop_through_an_action_after_a_split_and_merge_is_fine()
    {
        var map = new MapBuilder("rework").StartVariable("x", FormFieldType.Boolean).Start().Action("r").Split("s").Action("a").Action("b").Merge("j").Condition("again", "x").End()
            .Flow("start", "r", "s").Flow("s", "a", "j").Flow("s", "b", "j").Flow("j", "again").Yes("again", "r").No("again", "end").Build();

        Validate(map).ShouldBeEmpty();
    }

    [Fact]
    public void A_loop_of_gateways_without_a_split_is_left_to_the_runtime_step_limit()
    {
        var map = new MapBuilder("spin").Start().Choice("c", "c->a").Action("a").End()
            .Flow("start", "c").Case("c", "c", "x < 3").Flow("c", "a", "end").Build();

        Validate(map).ShouldNotContain(p => p.Code == "split.loop-without-wait");
    }
}
