using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Jobs;
using CrmBpm.Engine.Validation;
using CrmBpm.Testing;

namespace CrmBpm.Engine.Tests.Validation;

/// <summary>
/// Issue #15: a condition reading a variable no point sets (<c>reachd == true</c>) is a warning naming the condition and
/// the variable, with a suggestion when a known name is close — unless some point may set anything.
/// </summary>
public sealed class Warning_about_conditions_that_read_unset_variables
{
    private static IReadOnlyList<ValidationProblem> Warnings(RouteMap map, IReadOnlyDictionary<string, HandlerDescription>? handlers = null) =>
        [.. new RouteMapValidator().Validate(map, new ValidationContext(new ExpressionEvaluator(new ExpressionLimits()), _ => null) { HandlerDescriptions = handlers })
            .Where(p => p.Code == "condition.variable-never-set")];

    private static MapBuilder Checked(string expression, Func<ActionPoint, ActionPoint>? check = null) => new MapBuilder("m")
        .Start().Action("check", configure: check ?? (a => a with
        {
            Name = "Check",
            FormFields = [new FormField { Name = "reached", Type = FormFieldType.Boolean }],
            Outcomes = ["Accept", "Reject"],
            OutcomeVariable = "verdict",
        }))
        .Add(new ConditionPoint { Id = "ok", Name = "Target reached?", Expression = expression }).Action("yes").End()
        .Flow("start", "check", "ok").Yes("ok", "yes").No("ok", "end").Flow("yes", "end");

    [Fact]
    public void A_typo_is_a_warning_naming_the_condition_the_variable_and_the_likely_name()
    {
        var problem = Warnings(Checked("reachd == true").Build()).ShouldHaveSingleItem();

        problem.IsError.ShouldBeFalse();
        problem.PointId.ShouldBe("ok");
        problem.Message.ShouldBe(
            "The condition of 'Target reached?' reads the variable 'reachd', which no point sets and the map does not declare as a start variable; did you mean 'reached'?");
    }

    [Theory]
    [InlineData("reached == true && verdict === 'Accept'")]
    [InlineData("${reached and verdict == 'Accept'}")]
    [InlineData("= reached and verdict = \"Accept\"")]
    [InlineData("amount > 1000")]
    public void Form_fields_outcomes_and_declared_start_variables_are_known(string expression)
    {
        Warnings(Checked(expression).StartVariable("amount", FormFieldType.Number).Build()).ShouldBeEmpty();
    }

    [Fact]
    public void A_name_far_from_every_known_one_gets_no_suggestion()
    {
        Warnings(Checked("budget > 10").Build()).ShouldHaveSingleItem().Message.ShouldEndWith("does not declare as a start variable.");
    }

    [Fact]
    public void A_case_of_a_choice_is_named_by_the_choice_and_where_it_leads()
    {
        var map = new MapBuilder("m").Start().Add(new ChoicePoint { Id = "size", Name = "Deal size", DefaultFlowId = "size->small" }).Action("big").Action("small").End()
            .Flow("start", "size").Case("size", "big", "amont > 1000").Case("size", "small", null).Flow("big", "end").Flow("small", "end")
            .StartVariable("amount", FormFieldType.Number).Build();

        var problem = Warnings(map).ShouldHaveSingleItem();

        problem.FlowId.ShouldBe("size->big");
        problem.Message.ShouldStartWith("The case of 'Deal size' leading to 'big' reads the variable 'amont'");
        problem.Message.ShouldEndWith("did you mean 'amount'?");
    }

    [Fact]
    public void Script_results_nested_outputs_and_multi_instance_items_count_as_set()
    {
        var map = new MapBuilder("m").Start()
            .Add(new ScriptPoint { Id = "score", Script = "1 + 1", ResultVariable = "score" })
            .Add(new NestedProcessPoint { Id = "rate", CalledMapKey = "rating", Outputs = [new VariableMapping("rating", "grade")] })
            .Action("each", configure: a => a with { MultiInstance = new MultiInstance { CollectionVariable = "lines", ElementVariable = "line", ResultCollection = "answers", CompletionCondition = "nrOfCompletedInstances > 1 && line.ok" } })
            .Condition("c", "score > grade && answers.length > 0 && loopCounter >= 0").End().End("end2")
            .Flow("start", "score", "rate", "each", "c").Yes("c", "end").No("c", "end2")
            .StartVariable("lines").Build();

        Warnings(map).ShouldBeEmpty();
    }

    [Fact]
    public void An_automatic_step_sets_what_its_handler_declares_and_without_a_declaration_may_set_anything()
    {
        var map = new MapBuilder("m").Start().Add(new ServicePoint { Id = "rate", Handler = "rating" }).Condition("c", "grade > 3 && mystery").End().End("end2")
            .Flow("start", "rate", "c").Yes("c", "end").No("c", "end2").Build();
        var declared = new Dictionary<string, HandlerDescription> { ["rating"] = new() { Outputs = [new HandlerVariable("grade", "number", "The grade.")] } };

        Warnings(map, declared).ShouldHaveSingleItem().Message.ShouldContain("'mystery'");
        Warnings(map, new Dictionary<string, HandlerDescription> { ["rating"] = new() }).ShouldBeEmpty();
        Warnings(map).ShouldBeEmpty();
    }

    [Fact]
    public void A_map_that_waits_for_a_message_is_not_checked_its_payload_may_set_anything()
    {
        var map = Checked("reachd == true").Build();
        map = map with
        {
            Points = [.. map.Points, new MessageWaitPoint { Id = "wait", MessageName = "paid" }],
            Flows = [.. map.Flows.Where(f => f.Id != "yes->end"), new Flow { Id = "yes->wait", SourceId = "yes", TargetId = "wait" }, new Flow { Id = "wait->end", SourceId = "wait", TargetId = "end" }],
        };

        Warnings(map).ShouldBeEmpty();
    }

    [Fact]
    public void Error_and_escalation_code_variables_of_boundary_events_count_as_set()
    {
        var variables = MapVariables.Of(new MapBuilder("m").Start().Action("a")
            .Add(new BoundaryErrorPoint { Id = "failed", AttachedToId = "a", CodeVariable = "errorCode", MessageVariable = "errorText" })
            .Add(new BoundaryEscalationPoint { Id = "raised", AttachedToId = "a", CodeVariable = "escalation" }).End().Build());

        variables.Variables.Select(v => v.Name).ShouldBe(["errorCode", "errorText", "escalation"]);
    }

    [Fact]
    public void A_condition_that_does_not_parse_is_left_to_the_syntax_error()
    {
        Warnings(Checked("reachd ==").Build()).ShouldBeEmpty();
    }

    [Fact]
    public void The_known_variables_list_start_variables_first_with_their_types_labels_and_options()
    {
        var variables = MapVariables.Of(Checked("true").StartVariable("amount", FormFieldType.Number, label: "Amount").Build());

        variables.MaySetAnything.ShouldBeFalse();
        variables.Variables.Select(v => (v.Name, v.Type, v.Label, v.SetBy)).ShouldBe(
            [("amount", FormFieldType.Number, "Amount", "start"), ("reached", FormFieldType.Boolean, "reached", "Check"), ("verdict", FormFieldType.Choice, "Check: outcome", "Check")]);
        variables.Find("verdict")!.Options.ShouldBe(["Accept", "Reject"]);
    }
}
