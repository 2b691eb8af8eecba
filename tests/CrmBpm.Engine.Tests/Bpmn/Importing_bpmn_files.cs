using CrmBpm.Engine.Bpmn;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Validation;
using static CrmBpm.Engine.Tests.Bpmn.BpmnTestFiles;

namespace CrmBpm.Engine.Tests.Bpmn;

public sealed class Importing_bpmn_files
{
    [Fact]
    public void A_file_saved_by_bpmn_io_becomes_one_map_per_process_with_its_actions_and_drawing()
    {
        var map = Import(Fixture("bpmnio-approval.bpmn")).ShouldHaveSingleItem();

        map.Key.ShouldBe("Process_1u8v0qz");
        map.Name.ShouldBe("Discount approval");
        map.Points.Select(p => p.KindName).ShouldBe(["Start", "Action", "Condition", "Action", "End"]);
        var request = (ActionPoint)map.FindPoint("Activity_1r6wq3y")!;
        request.Performer.ShouldBe(Performer.ForRole("Sales manager"));
        request.Stage.ShouldBe("Offer");
        request.Description.ShouldBe("Describe the discount the customer asks for.");
        var field = request.FormFields.ShouldHaveSingleItem();
        (field.Name, field.Label, field.Type, field.Required).ShouldBe(("amount", "Amount", FormFieldType.Number, true));
        var approve = (ActionPoint)map.FindPoint("Activity_0c9jz4e")!;
        approve.Outcomes.ShouldBe(["Approve", "Reject"]);
        approve.Deadline!.Duration.ShouldBe("P1D");
        approve.ReminderBefore.ShouldBe(TimeSpan.FromHours(2));
        ((EndPoint)map.FindPoint("Event_1f0nhv3")!).Result.ShouldBe("Decided");
    }

    [Fact]
    public void An_exclusive_gateway_with_flows_named_Yes_and_No_and_a_condition_on_Yes_becomes_a_Condition()
    {
        var map = Import(Fixture("bpmnio-approval.bpmn")).Single();

        var condition = map.FindPoint("Gateway_0kq8d2x").ShouldBeOfType<ConditionPoint>();
        condition.Expression.ShouldBe("amount > 1000");
        map.FindFlow("Flow_0yes1ab")!.Branch.ShouldBe(ConditionBranch.Yes);
        map.FindFlow("Flow_0yes1ab")!.Condition.ShouldBeNull();
        map.FindFlow("Flow_1no2cd")!.Branch.ShouldBe(ConditionBranch.No);
    }

    [Fact]
    public void The_drawing_keeps_bounds_labels_waypoints_and_other_tools_colours()
    {
        var diagram = Import(Fixture("bpmnio-approval.bpmn")).Single().Diagram.ShouldNotBeNull();

        diagram.Id.ShouldBe("BPMNDiagram_1");
        diagram.PlaneId.ShouldBe("BPMNPlane_1");
        diagram.Shapes.Count.ShouldBe(5);
        var start = diagram.FindShape("StartEvent_1")!;
        start.Id.ShouldBe("_BPMNShape_StartEvent_2");
        start.Bounds.ShouldBe(new DiagramBounds(179, 99, 36, 36));
        start.Label.ShouldBe(new DiagramBounds(152, 142, 90, 27));
        var task = diagram.FindShape("Activity_1r6wq3y")!;
        task.Id.ShouldBeNull(); // the conventional {id}_di is not stored
        task.ForeignAttributes.ShouldContain(new ForeignAttribute("http://bpmn.io/schema/bpmn/biocolor/1.0", "stroke", "#1e88e5", "bioc"));
        diagram.FindShape("Gateway_0kq8d2x")!.ForeignAttributes.ShouldBe([new ForeignAttribute("", "isMarkerVisible", "true")]);
        diagram.FindEdge("Flow_1no2cd")!.Waypoints.ShouldBe([new(450, 142), new(450, 220), new(710, 220), new(710, 135)]);
        diagram.FindEdge("Flow_1no2cd")!.Label.ShouldBe(new DiagramBounds(572, 202, 15, 14));
    }

    [Fact]
    public void A_plain_bpmn_io_file_without_our_namespace_imports_and_validation_asks_only_for_performers_and_the_conditions_variable()
    {
        var map = Import(Fixture("bpmnio-plain.bpmn")).Single();

        var condition = map.FindPoint("Gateway_1").ShouldBeOfType<ConditionPoint>();
        condition.Expression.ShouldBe("${inStock}"); // kept as written: JUEL, evaluated with JUEL's rules
        var problems = new RouteMapValidator().Validate(map, new ValidationContext(new ExpressionEvaluator(new ExpressionLimits()), _ => null));
        problems.Select(p => (p.Code, p.PointId, p.IsError)).ShouldBe(
            [("action.performer-missing", "Activity_0x1", false), ("condition.variable-never-set", "Gateway_1", false)], ignoreOrder: true);
    }

    [Fact]
    public void A_Camunda_Modeler_file_maps_assignee_candidate_groups_form_data_conditions_and_call_activity_variables()
    {
        var maps = Import(Fixture("camunda-order.bpmn"));

        maps.Select(m => m.Key).ShouldBe(["order-handling", "shipping"]);
        var order = maps[0];
        var check = (ActionPoint)order.FindPoint("check")!;
        check.Performer.ShouldBe(Performer.FromExpression("${author}")); // JUEL, kept as written and written back the same
        check.FormFields.Select(f => (f.Name, f.Type, f.Required)).ShouldBe([("amount", FormFieldType.Number, true), ("delivery", FormFieldType.Choice, false)]);
        check.FormFields[1].Options.ShouldBe(["pickup", "courier"]);
        ((ActionPoint)order.FindPoint("approve")!).Performer.ShouldBe(Performer.ForRole("Head of sales"));
        var route = order.FindPoint("route").ShouldBeOfType<ChoicePoint>();
        route.DefaultFlowId.ShouldBe("Flow_small");
        order.FindFlow("Flow_big")!.Condition.ShouldBe("${amount > 1000}");
        var ship = order.FindPoint("ship").ShouldBeOfType<NestedProcessPoint>();
        ship.CalledMapKey.ShouldBe("shipping");
        ship.Inputs.ShouldBe([new VariableMapping("amount", "value"), new VariableMapping("parcels", "parcels")]);
        ship.Outputs.ShouldBe([new VariableMapping("${trackingNo}", "tracking")]); // a sourceExpression stays JUEL
        var pack = (ActionPoint)maps[1].FindPoint("pack")!;
        pack.MultiInstance.ShouldBe(new MultiInstance { CollectionVariable = "parcels", ElementVariable = "parcel" });
        ((ActionPoint)maps[1].FindPoint("hand_over")!).Performer.ShouldBe(Performer.User("dispatcher"));
    }

    [Fact]
    public void Camunda_extensions_without_a_CrmBpm_meaning_are_kept_on_the_element()
    {
        var maps = Import(Fixture("camunda-order.bpmn"));
        var order = maps[0];

        order.Foreign!.Attributes.ShouldContain(new ForeignAttribute(BpmnNamespaces.Camunda, "historyTimeToLive", "180", "camunda"));
        order.Foreign.DefinitionsAttributes.ShouldContain(new ForeignAttribute("http://camunda.org/schema/modeler/1.0", "executionPlatform", "Camunda Platform", "modeler"));
        var check = order.FindPoint("check")!;
        check.Foreign!.Attributes.ShouldBe([new ForeignAttribute(BpmnNamespaces.Camunda, "asyncBefore", "true", "camunda")]);
        check.Foreign.ExtensionElements.ShouldHaveSingleItem().ShouldContain("camunda:property name=\"color\" value=\"blue\"");
        order.FindPoint("StartEvent_1")!.Foreign!.Attributes.ShouldHaveSingleItem().LocalName.ShouldBe("initiator");
        order.FindPoint("ship")!.Foreign!.ExtensionElements.ShouldHaveSingleItem().ShouldContain("businessKey");
    }

    [Fact]
    public void Our_own_style_carries_every_action_property_and_nested_maps_in_the_same_file()
    {
        var maps = Import(Fixture("crm-style.bpmn"));

        maps.Select(m => m.Key).ShouldBe(["contract", "finance-check"]);
        var contract = maps[0];
        contract.Foreign!.Documentation.ShouldBe("Prepares, checks and signs a contract.");
        contract.Diagram.ShouldBeNull();
        var draft = (ActionPoint)contract.FindPoint("draft")!;
        draft.TitleTemplate.ShouldBe("Draft contract for {customer}");
        draft.Performer.ShouldBe(Performer.FromExpression("author"));
        draft.Deadline.ShouldBe(new Deadline { Duration = "P2D" });
        draft.ReminderBefore.ShouldBe(TimeSpan.FromHours(4));
        draft.RequiresAcceptance.ShouldBeTrue();
        draft.Stage.ShouldBe("Agreement");
        draft.Description.ShouldBe("Use the current template.");
        draft.FormFields.Select(f => f.Type).ShouldBe([FormFieldType.Number, FormFieldType.Choice, FormFieldType.Date, FormFieldType.Boolean]);
        draft.FormFields[1].Options.ShouldBe(["EUR", "USD"]);
        var legal = (ActionPoint)contract.FindPoint("legal")!;
        legal.Performer.ShouldBe(Performer.ForRole("Lawyer", "Head office"));
        legal.Deadline.ShouldBe(Deadline.FromExpression("dueDate"));
        legal.OutcomeVariable.ShouldBe("legalVerdict");
        contract.FindPoint("big").ShouldBeOfType<ConditionPoint>().Expression.ShouldBe("amount > 10000");
        contract.FindPoint("split").ShouldBeOfType<SplitPoint>();
        contract.FindPoint("merge").ShouldBeOfType<MergePoint>();
        contract.FindPoint("verdict").ShouldBeOfType<ChoicePoint>().DefaultFlowId.ShouldBe("toRework");
        contract.FindFlow("toDrop")!.Condition.ShouldBe("legalVerdict == 'Not OK' && !financeApproved");
        ((ActionPoint)contract.FindPoint("sign")!).MultiInstance.ShouldBe(new MultiInstance { CollectionVariable = "copies", ElementVariable = "copy", ResultCollection = "signatures" });
        ((NestedProcessPoint)contract.FindPoint("finance")!).Inputs.ShouldBe([new("amount", "sum"), new("customer + ' (' + currency + ')'", "label")]);
    }

    [Fact]
    public void Files_with_the_bpmn_namespace_as_default_or_without_any_namespace_are_read_too()
    {
        var callback = Import(Fixture("default-namespace.bpmn")).Single();
        callback.Points.Select(p => p.KindName).ShouldBe(["Start", "Action", "End"]);
        ((ActionPoint)callback.FindPoint("call")!).Performer.ShouldBe(Performer.ForRole("Sales manager", "North"));
        callback.Diagram!.FindShape("call")!.Id.ShouldBe("s2");
        callback.Diagram.FindEdge("f1")!.Waypoints.Count.ShouldBe(2);

        var tiny = Import(Fixture("no-namespace.bpmn")).Single();
        tiny.Points.Select(p => p.KindName).ShouldBe(["Start", "End"]);
    }

    [Fact]
    public void The_line_of_every_process_point_and_flow_is_kept_for_messages()
    {
        var result = Read(Fixture("bpmnio-approval.bpmn"));

        result.Locate("Process_1u8v0qz").ShouldBe(new SourceLocation(3, 4));
        result.Locate("Process_1u8v0qz", "Activity_1r6wq3y")!.Value.Line.ShouldBe(7);
        result.Locate("Process_1u8v0qz", "Flow_1no2cd")!.Value.Line.ShouldBe(37);
        result.Locate("Process_1u8v0qz", "nope").ShouldBe(new SourceLocation(3, 4));
        result.Locate("unknown").ShouldBeNull();
    }

    [Fact]
    public void Without_crm_kind_a_gateway_whose_two_flows_both_carry_conditions_is_a_Choice()
    {
        var xml = """
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">
              <process id="p">
                <exclusiveGateway id="g" />
                <sequenceFlow id="y" name="Yes" sourceRef="g" targetRef="a"><conditionExpression>x</conditionExpression></sequenceFlow>
                <sequenceFlow id="n" name="No" sourceRef="g" targetRef="b"><conditionExpression>!x</conditionExpression></sequenceFlow>
              </process>
            </definitions>
            """;

        var map = new BpmnImporter().ImportXml(xml).Single();

        map.FindPoint("g").ShouldBeOfType<ChoicePoint>();
        map.FindFlow("n")!.Condition.ShouldBe("!x");
    }

    [Fact]
    public void A_parallel_gateway_with_two_incoming_flows_is_a_Merge_and_crm_kind_overrides_the_count()
    {
        var xml = """
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:crm="https://crmbpm.dev/schema/bpmn">
              <process id="p">
                <parallelGateway id="j" />
                <parallelGateway id="s" />
                <parallelGateway id="forced" crm:kind="merge" />
                <sequenceFlow id="1" sourceRef="a" targetRef="j" />
                <sequenceFlow id="2" sourceRef="b" targetRef="j" />
                <sequenceFlow id="3" sourceRef="j" targetRef="s" />
              </process>
            </definitions>
            """;

        var map = new BpmnImporter().ImportXml(xml).Single();

        map.Points.Select(p => p.KindName).ShouldBe(["Merge", "Split", "Merge"]);
    }
}
