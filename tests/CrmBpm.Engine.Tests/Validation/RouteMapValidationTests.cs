using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Validation;
using CrmBpm.Testing;

namespace CrmBpm.Engine.Tests.Validation;

/// <summary>Every validation rule of DESIGN §2: each problem names the point and says what to do, and all come at once.</summary>
public sealed class RouteMapValidationTests
{
    private static IReadOnlyList<ValidationProblem> Validate(RouteMap map, params RouteMap[] published)
    {
        var catalog = published.ToDictionary(m => m.Key);
        var context = new ValidationContext(new ExpressionEvaluator(new ExpressionLimits()), key => catalog.GetValueOrDefault(key));
        return new RouteMapValidator().Validate(map, context);
    }

    private static MapBuilder Valid() => new MapBuilder("ok").Start().Action("a").End().Flow("start", "a", "end");

    [Fact]
    public void A_well_formed_map_has_no_problems() => Validate(Valid().Build()).ShouldBeEmpty();

    [Fact]
    public void A_missing_start_is_reported()
    {
        var problems = Validate(new MapBuilder("m").Action("a").End().Flow("a", "end").Build());

        problems.ShouldContain(p => p.Code == "start.missing" && p.Message.Contains("no Start"));
    }

    [Fact]
    public void A_second_start_is_reported_at_that_point()
    {
        var problems = Validate(Valid().Start("start2").Flow("start2", "a").Build());

        problems.ShouldContain(p => p.Code == "start.multiple" && p.PointId == "start2");
    }

    [Fact]
    public void A_flow_into_the_start_is_reported()
    {
        var problems = Validate(new MapBuilder("m").Start().Action("a").Condition("c", "true").End()
            .Flow("start", "a", "c").Yes("c", "start").No("c", "end").Build());

        problems.ShouldContain(p => p.Code == "start.incoming" && p.PointId == "start");
    }

    [Fact]
    public void A_map_without_an_end_is_reported()
    {
        var problems = Validate(new MapBuilder("m").Start().Action("a").Flow("start", "a").Build());

        problems.ShouldContain(p => p.Code == "end.missing");
    }

    [Fact]
    public void A_flow_leaving_an_end_is_reported()
    {
        var problems = Validate(Valid().Action("b").Flow("end", "b").Build());

        problems.ShouldContain(p => p.Code == "end.outgoing" && p.PointId == "end");
    }

    [Fact]
    public void A_dead_end_names_the_point_where_the_process_would_stop()
    {
        var problems = Validate(new MapBuilder("m").Start().Split("s").Action("a").Action("stuck").End()
            .Flow("start", "s").Flow("s", "a", "end").Flow("s", "stuck").Build());

        var deadEnd = problems.Single(p => p.Code == "point.dead-end");
        deadEnd.PointId.ShouldBe("stuck");
        deadEnd.Message.ShouldContain("no flow leaves it");
    }

    [Fact]
    public void A_loop_without_exit_is_reported_as_having_no_way_to_an_end()
    {
        var problems = Validate(new MapBuilder("m").Start().Action("a").Action("b").Action("c").End()
            .Flow("start", "a", "end").Add(new Flow { Id = "x", SourceId = "b", TargetId = "c" }).Add(new Flow { Id = "y", SourceId = "c", TargetId = "b" }).Build());

        problems.Where(p => p.Code == "point.no-way-to-end").Select(p => p.PointId).Order().ShouldBe(["b", "c"]);
    }

    [Fact]
    public void Unreachable_points_are_reported()
    {
        var problems = Validate(Valid().Action("orphan").Flow("orphan", "end").Build());

        problems.ShouldContain(p => p.Code == "point.unreachable" && p.PointId == "orphan" && p.Message.Contains("never be reached"));
    }

    [Fact]
    public void A_condition_needs_exactly_one_Yes_and_one_No_flow()
    {
        var problems = Validate(new MapBuilder("m").Start().Condition("c", "x > 1").Action("a").End()
            .Flow("start", "c").Yes("c", "a").Yes("c", "end").Flow("a", "end").Build());

        var problem = problems.Single(p => p.Code == "condition.branches");
        problem.PointId.ShouldBe("c");
        problem.Message.ShouldContain("2 Yes, 0 No");
    }

    [Fact]
    public void A_condition_without_an_expression_is_reported()
    {
        var problems = Validate(new MapBuilder("m").Start().Condition("c", "").End().Flow("start", "c").Yes("c", "end").No("c", "end").Build());

        problems.ShouldContain(p => p.Code == "condition.expression-missing" && p.PointId == "c");
    }

    [Fact]
    public void A_choice_case_without_a_condition_and_a_foreign_default_flow_are_reported()
    {
        var problems = Validate(new MapBuilder("m").Start().Choice("ch", "start->ch").Action("a").Action("b").End()
            .Flow("start", "ch").Case("ch", "a", "x > 1").Case("ch", "b", null).Flow("a", "end").Flow("b", "end").Build());

        problems.ShouldContain(p => p.Code == "choice.case-missing" && p.FlowId == "ch->b");
        problems.ShouldContain(p => p.Code == "choice.default-not-outgoing" && p.PointId == "ch");
    }

    [Fact]
    public void A_choice_with_one_way_out_is_reported()
    {
        var problems = Validate(new MapBuilder("m").Start().Choice("ch").End().Flow("start", "ch").Case("ch", "end", "true").Build());

        problems.ShouldContain(p => p.Code == "choice.too-few-flows");
    }

    [Fact]
    public void Split_and_merge_shapes_are_checked()
    {
        var problems = Validate(new MapBuilder("m").Start().Split("s").Merge("j").Action("a").End()
            .Flow("start", "s", "a", "j", "end").Build());

        problems.ShouldContain(p => p.Code == "split.shape" && p.PointId == "s");
        problems.ShouldContain(p => p.Code == "merge.shape" && p.PointId == "j");
    }

    [Fact]
    public void A_merge_fed_by_both_answers_of_a_condition_can_never_fire()
    {
        var problems = Validate(new MapBuilder("m").StartVariable("x", FormFieldType.Boolean).Start().Condition("c", "x").Action("a").Action("b").Merge("j").End()
            .Flow("start", "c").Yes("c", "a").No("c", "b").Flow("a", "j").Flow("b", "j").Flow("j", "end").Build());

        var problem = problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe("merge.never-fires");
        problem.PointId.ShouldBe("j");
    }

    [Fact]
    public void A_merge_after_a_split_inside_a_loop_can_fire()
    {
        var problems = Validate(new MapBuilder("m").StartVariable("x", FormFieldType.Boolean).Start().Action("r").Split("s").Action("a").Action("b").Merge("j").Condition("again", "x").End()
            .Flow("start", "r", "s").Flow("s", "a", "j").Flow("s", "b", "j").Flow("j", "again").Yes("again", "r").No("again", "end").Build());

        problems.ShouldBeEmpty();
    }

    [Fact]
    public void An_action_with_two_ways_out_without_conditions_is_warned_that_both_are_taken()
    {
        var problems = Validate(Valid().Action("b").Flow("a", "b", "end").Build());

        var problem = problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe("point.implicit-split");
        problem.PointId.ShouldBe("a");
        problem.IsError.ShouldBeFalse();
        problem.Message.ShouldContain("2 flows at once (to 'end', to 'b')");
    }

    [Fact]
    public void An_action_without_a_performer_is_reported()
    {
        var problems = Validate(new MapBuilder("m").Start().Add(new ActionPoint { Id = "a", Name = "Call" }).End().Flow("start", "a", "end").Build());

        problems.ShouldContain(p => p.Code == "action.performer-missing" && p.Message.Contains("'Call' has no performer"));
    }

    [Fact]
    public void Action_properties_are_checked()
    {
        var problems = Validate(new MapBuilder("m").Start().Action("a", configure: a => a with
        {
            Outcomes = ["Yes", "Yes", ""],
            FormFields = [new FormField { Name = "1bad" }, new FormField { Name = "pick", Type = FormFieldType.Choice }, new FormField { Name = "pick" }],
            Deadline = new Deadline { Duration = "three days" },
            MultiInstance = new MultiInstance { CollectionVariable = "" },
        }).End().Flow("start", "a", "end").Build());

        problems.Select(p => p.Code).ShouldBe([
            "action.outcome-empty", "action.outcome-duplicate", "action.field-name", "action.field-options",
            "action.field-duplicate", "action.deadline-duration", "action.multi-collection"], ignoreOrder: true);
        problems.ShouldAllBe(p => p.PointId == "a");
    }

    [Fact]
    public void A_multi_instance_nested_process_must_say_what_it_runs_over_and_its_expressions_must_parse()
    {
        var child = new MapBuilder("child").Start().End().Flow("start", "end").Build() with { Status = RouteMapStatus.Published };
        var map = new MapBuilder("m").Start()
            .Add(new NestedProcessPoint { Id = "none", Name = "None", CalledMapKey = "child", MultiInstance = new MultiInstance { ElementVariable = "1st", ResultElement = "x" } })
            .Add(new NestedProcessPoint
            {
                Id = "broken", Name = "Broken", CalledMapKey = "child",
                MultiInstance = new MultiInstance { CollectionExpression = "items.filter(", CompletionCondition = "nrOfCompletedInstances >", LoopCardinality = "${n +}" },
            })
            .End().Flow("start", "none", "broken", "end").Build();

        var problems = Validate(map, child);

        problems.Where(p => p.PointId == "none").Select(p => p.Code).ShouldBe(["nested.multi-collection", "nested.multi-element", "nested.multi-result"], ignoreOrder: true);
        problems.Where(p => p.PointId == "broken").Select(p => p.Code).ShouldBe(["expression.syntax", "expression.syntax", "expression.syntax"]);
        problems.ShouldContain(p => p.Message.StartsWith("The completion condition of 'Broken' 'nrOfCompletedInstances >'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_reminder_without_a_deadline_is_reported()
    {
        var problems = Validate(new MapBuilder("m").Start().Action("a", configure: a => a with { ReminderBefore = TimeSpan.FromHours(1) }).End().Flow("start", "a", "end").Build());

        problems.ShouldContain(p => p.Code == "action.reminder-without-deadline");
    }

    [Fact]
    public void Bad_expressions_are_parsed_not_run_and_reported_with_the_error()
    {
        var problems = Validate(new MapBuilder("m").Start().Condition("c", "amount >").Choice("ch", "ch->end").Action("a").End()
            .Flow("start", "c").Yes("c", "ch").No("c", "end").Case("ch", "a", "while(true){}; (").Case("ch", "end", null).Flow("a", "end").Build());

        problems.Where(p => p.Code == "expression.syntax").Select(p => p.PointId).ShouldBe(["c", "ch"]);
        problems.First(p => p.Code == "expression.syntax").Message.ShouldContain("'amount >'");
    }

    [Fact]
    public void A_nested_process_needs_a_published_map()
    {
        var problems = Validate(new MapBuilder("m").Start().Nested("n", "nowhere").Nested("n2", "").End().Flow("start", "n", "n2", "end").Build());

        problems.ShouldContain(p => p.Code == "nested.map-unknown" && p.PointId == "n" && p.Message.Contains("'nowhere'"));
        problems.ShouldContain(p => p.Code == "nested.map-missing" && p.PointId == "n2");
    }

    [Fact]
    public void Recursive_nesting_is_reported_with_the_chain()
    {
        var b = new MapBuilder("b").Start().Nested("toC", "c").End().Flow("start", "toC", "end").Build();
        var c = new MapBuilder("c").Start().Nested("toA", "a").End().Flow("start", "toA", "end").Build();
        var a = new MapBuilder("a").Start().Nested("toB", "b").End().Flow("start", "toB", "end").Build();

        var problem = Validate(a, b, c).ShouldHaveSingleItem();

        problem.Code.ShouldBe("nested.recursive");
        problem.Message.ShouldContain("a → b → c → a");
    }

    [Fact]
    public void A_map_nesting_itself_is_reported()
    {
        var problems = Validate(new MapBuilder("self").Start().Nested("n", "self").End().Flow("start", "n", "end").Build());

        problems.ShouldContain(p => p.Code == "nested.recursive");
    }

    [Fact]
    public void Duplicate_ids_and_dangling_flows_are_reported()
    {
        var problems = Validate(Valid().Action("a").Add(new Flow { Id = "f", SourceId = "a", TargetId = "ghost" }).Build());

        problems.ShouldContain(p => p.Code == "id.duplicate" && p.PointId == "a");
        problems.ShouldContain(p => p.Code == "flow.unknown-target" && p.FlowId == "f" && p.Message.Contains("'ghost'"));
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var problems = Validate(new MapBuilder("m").Add(new ActionPoint { Id = "a" }).Condition("c", "(").Build());

        problems.Select(p => p.Code).ShouldBe(["start.missing", "end.missing", "condition.branches", "point.dead-end", "point.dead-end", "action.performer-missing", "expression.syntax"], ignoreOrder: true);
    }
}
