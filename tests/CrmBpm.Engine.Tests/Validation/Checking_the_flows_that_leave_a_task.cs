using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Validation;
using CrmBpm.Testing;

namespace CrmBpm.Engine.Tests.Validation;

/// <summary>
/// Flows leaving an Action, a Nested process or a plain task may carry conditions and one may be the default (BPMN's
/// implicit split); validation refuses only what cannot mean anything, and warns about flows that all run at once.
/// </summary>
public sealed class Checking_the_flows_that_leave_a_task
{
    private static IReadOnlyList<ValidationProblem> Validate(RouteMap map)
    {
        var called = new MapBuilder("scoring").Start().End().Flow("start", "end").Build() with { Status = RouteMapStatus.Published };
        var context = new ValidationContext(new ExpressionEvaluator(new ExpressionLimits()), key => key == called.Key ? called : null);
        return new RouteMapValidator().Validate(map, context);
    }

    /// <summary>start → source → (big when amount > 1000 | small by default) → end.</summary>
    private static MapBuilder Branching(Point source, string? defaultCondition = null) => new MapBuilder("m").StartVariable("amount", FormFieldType.Number).Start().Add(source).Action("big").Action("small").End()
        .Flow("start", source.Id).Case(source.Id, "big", "amount > 1000").Case(source.Id, "small", defaultCondition)
        .Flow("big", "end").Flow("small", "end");

    public static TheoryData<Point> Sources() => new()
    {
        new ActionPoint { Id = "review", Name = "Review", Performer = Performer.User("alice"), DefaultFlowId = "review->small" },
        new NestedProcessPoint { Id = "review", Name = "Review", CalledMapKey = "scoring", DefaultFlowId = "review->small" },
        new PassThroughPoint { Id = "review", Name = "Review", DefaultFlowId = "review->small" },
    };

    [Theory]
    [MemberData(nameof(Sources))]
    public void Conditional_flows_and_a_default_flow_out_of_an_action_a_nested_process_or_a_plain_task_publish(Point source) =>
        Validate(Branching(source).Build()).ShouldBeEmpty();

    [Fact]
    public void Conditional_flows_without_a_default_publish_too()
    {
        var map = Branching(new ActionPoint { Id = "review", Performer = Performer.User("alice") }, defaultCondition: "amount <= 1000").Build();

        Validate(map).ShouldBeEmpty();
    }

    [Fact]
    public void A_default_flow_with_a_condition_is_an_error_on_that_flow()
    {
        var map = Branching(new ActionPoint { Id = "review", Name = "Review", Performer = Performer.User("alice"), DefaultFlowId = "review->small" }, "amount < 5").Build();

        var problem = Validate(map).ShouldHaveSingleItem();

        problem.Code.ShouldBe("point.default-with-condition");
        problem.IsError.ShouldBeTrue();
        (problem.PointId, problem.FlowId).ShouldBe(("review", "review->small"));
        problem.Message.ShouldContain("The default flow of Action 'Review' has the condition 'amount < 5', which is never evaluated");
    }

    [Fact]
    public void A_default_flow_that_does_not_leave_the_point_is_an_error()
    {
        var map = Branching(new NestedProcessPoint { Id = "review", Name = "Review", CalledMapKey = "scoring", DefaultFlowId = "big->end" }, "amount <= 1000").Build();

        var problem = Validate(map).ShouldHaveSingleItem();

        problem.Code.ShouldBe("point.default-not-outgoing");
        problem.Message.ShouldBe("Nested process 'Review' names 'big->end' as its default flow, but that flow does not leave it.");
    }

    [Fact]
    public void A_condition_that_does_not_parse_is_named_with_its_flow()
    {
        var map = Branching(new PassThroughPoint { Id = "review", Name = "Review" }, "amount <=").Build();

        var problem = Validate(map).ShouldHaveSingleItem();

        problem.Code.ShouldBe("expression.syntax");
        (problem.PointId, problem.FlowId).ShouldBe(("review", "review->small"));
        problem.Message.ShouldContain("The condition of flow 'review->small' leaving 'Review' 'amount <=' is not a valid expression");
    }

    [Fact]
    public void Two_flows_without_a_condition_are_a_warning_that_both_are_taken_and_the_map_publishes()
    {
        var map = new MapBuilder("m").StartVariable("contract", FormFieldType.Boolean).StartVariable("amount", FormFieldType.Number).Start().Action("prepare").Action("legal").Action("finance").End()
            .Flow("start", "prepare").Flow("prepare", "legal", "end").Flow("prepare", "finance", "end").Build();

        var problem = Validate(map).ShouldHaveSingleItem();

        problem.Code.ShouldBe("point.implicit-split");
        problem.IsError.ShouldBeFalse();
        problem.Message.ShouldBe(
            "Action 'prepare' goes on along 2 flows at once (to 'legal', to 'finance'): flows without a condition are all taken, as after a Split. Draw a Split to show it, or give the flows conditions to choose between them.");
    }

    [Fact]
    public void A_Merge_fed_by_two_conditions_of_one_action_can_fire_when_both_hold()
    {
        var map = new MapBuilder("m").StartVariable("contract", FormFieldType.Boolean).StartVariable("amount", FormFieldType.Number).Start().Action("prepare").Action("legal").Action("finance").Merge("join").End()
            .Flow("start", "prepare").Case("prepare", "legal", "contract").Case("prepare", "finance", "amount > 100")
            .Flow("legal", "join").Flow("finance", "join").Flow("join", "end").Build();

        Validate(map).ShouldBeEmpty();
    }

    [Fact]
    public void A_Merge_fed_by_a_conditional_flow_and_the_default_flow_of_one_action_never_fires()
    {
        var map = new MapBuilder("m").Start().Action("prepare", configure: a => a with { DefaultFlowId = "prepare->finance" }).Action("legal").Action("finance")
            .Merge("join").End()
            .Flow("start", "prepare").Case("prepare", "legal", "contract").Flow("prepare", "finance")
            .Flow("legal", "join").Flow("finance", "join").Flow("join", "end").Build();

        Validate(map).ShouldContain(p => p.Code == "merge.never-fires" && p.PointId == "join");
    }

    [Fact]
    public void A_plain_task_sending_two_tokens_back_to_itself_without_waiting_is_refused()
    {
        var map = new MapBuilder("m").Start().Add(new PassThroughPoint { Id = "note", Name = "Note" }).Action("a").End()
            .Flow("start", "note").Case("note", "note", "again").Flow("note", "a", "end").Build();

        Validate(map).ShouldContain(p => p.Code == "split.loop-without-wait" && p.PointId == "note" && p.Message.StartsWith("Pass-through 'Note' can get its own tokens back", StringComparison.Ordinal));
    }

    [Fact]
    public void A_joining_exclusive_gateway_still_has_one_way_out()
    {
        var map = new MapBuilder("m").Start().Split("fork").Action("a").Action("b").Add(new PassThroughPoint { Id = "join", Element = "exclusiveGateway" }).End()
            .Flow("start", "fork").Flow("fork", "a", "join").Flow("fork", "b", "join").Flow("join", "end").Flow("join", "a").Build();

        Validate(map).ShouldContain(p => p.Code == "point.multiple-outgoing" && p.PointId == "join" && p.Message.Contains("make it a Choice"));
    }
}
