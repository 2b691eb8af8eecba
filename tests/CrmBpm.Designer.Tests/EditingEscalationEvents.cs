namespace CrmBpm.Designer.Tests;

public sealed class EditingEscalationEvents() : DesignerSpecification(Xml)
{
    private const string Xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:crm="https://crmbpm.dev/schema/bpmn" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
          <bpmn:process id="claim" name="Claim" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="review" name="Review" crm:performerRole="Claims" />
            <bpmn:boundaryEvent id="late" name="Late" attachedToRef="review" cancelActivity="false"><bpmn:escalationEventDefinition id="late_def" escalationRef="esc_late" camunda:escalationCodeVariable="why" /></bpmn:boundaryEvent>
            <bpmn:boundaryEvent id="any" attachedToRef="review"><bpmn:escalationEventDefinition id="any_def" /></bpmn:boundaryEvent>
            <bpmn:intermediateThrowEvent id="raise" name="Tell the head"><bpmn:escalationEventDefinition id="raise_def" escalationRef="esc_late" /></bpmn:intermediateThrowEvent>
            <bpmn:serviceTask id="pay" name="Pay" crm:handler="crm.pay" />
            <bpmn:boundaryEvent id="wrong" attachedToRef="pay"><bpmn:escalationEventDefinition id="wrong_def" /></bpmn:boundaryEvent>
            <bpmn:endEvent id="end"><bpmn:escalationEventDefinition id="end_def" escalationRef="esc_big" /></bpmn:endEvent>
            <bpmn:endEvent id="stop" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
            <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="raise" />
            <bpmn:sequenceFlow id="f3" sourceRef="raise" targetRef="pay" />
            <bpmn:sequenceFlow id="f4" sourceRef="pay" targetRef="end" />
            <bpmn:sequenceFlow id="f5" sourceRef="late" targetRef="stop" />
            <bpmn:sequenceFlow id="f6" sourceRef="any" targetRef="stop" />
            <bpmn:sequenceFlow id="f7" sourceRef="wrong" targetRef="stop" />
          </bpmn:process>
          <bpmn:escalation id="esc_late" name="Late" escalationCode="LATE" />
          <bpmn:escalation id="esc_big" name="Big claim" escalationCode="BIG_CLAIM" />
        </bpmn:definitions>
        """;

    [Fact]
    public void A_raise_an_escalation_shows_its_code_and_the_codes_of_the_map()
    {
        SelectOnCanvas("raise");

        Designer.Find(".crm-kind-badge").TextContent.ShouldBe("Raise an escalation");
        Designer.Find("[data-field=escalation-code]").GetAttribute("value").ShouldBe("LATE");
        Designer.FindAll("#crm-escalation-codes option").Select(o => o.GetAttribute("value")).ShouldBe(["BIG_CLAIM", "LATE"]);
        Designer.FindAll("[data-field=escalation-code-variable]").ShouldBeEmpty();

        Designer.Find("[data-field=escalation-code]").Change(" OVERDUE ");
        LastCall("setEscalationCode").ShouldBe(["raise", "OVERDUE"]);
    }

    [Fact]
    public void An_escalation_on_the_edge_shows_its_code_its_variable_and_the_interrupting_switch()
    {
        SelectOnCanvas("late");

        Designer.Find(".crm-kind-badge").TextContent.ShouldBe("Escalation on the edge");
        Designer.Find("[data-field=attached-to]").TextContent.ShouldBe("Review");
        Designer.Find("[data-field=escalation-code]").GetAttribute("value").ShouldBe("LATE");
        Designer.Find("[data-field=escalation-code-variable]").GetAttribute("value").ShouldBe("why");
        Designer.Find("[data-field=interrupting]").HasAttribute("checked").ShouldBeFalse();
        Designer.FindAll("[data-field=escalation-reading]").ShouldBeEmpty();

        Designer.Find("[data-field=escalation-code-variable]").Change("reason");
        LastCall("updateEventDefinition").ShouldBe(["late", new Dictionary<string, object?> { ["crm:escalationCodeVariable"] = "reason" }]);
        Designer.Find("[data-field=interrupting]").Change(true);
        LastUpdateOf("late")["cancelActivity"].ShouldBeNull();
    }

    [Fact]
    public void An_escalation_on_the_edge_without_a_code_catches_every_escalation()
    {
        SelectOnCanvas("any");

        Designer.Find("[data-field=escalation-code]").GetAttribute("value").ShouldBe("");
        Designer.Find("[data-field=escalation-reading]").TextContent.ShouldContain("every escalation");
        Designer.Find("[data-field=interrupting]").HasAttribute("checked").ShouldBeTrue();
    }

    [Fact]
    public void An_end_with_an_escalation_is_offered_by_how_it_ends_with_its_code()
    {
        SelectOnCanvas("end");

        Designer.Find(".crm-kind-badge").TextContent.ShouldBe("End with an escalation");
        Designer.Find("[data-field=end-kind]").QuerySelector("option[selected]")!.GetAttribute("value").ShouldBe("escalation-end");
        Designer.Find("[data-field=escalation-code]").GetAttribute("value").ShouldBe("BIG_CLAIM");

        SelectOnCanvas("stop");
        Designer.Find("[data-field=end-kind]").Change("escalation-end");
        LastCall("replaceKind").ShouldBe(["stop", "escalation-end"]);
    }

    [Fact]
    public void An_escalation_on_the_edge_of_an_automatic_step_shows_the_engine_s_problem()
    {
        Designer.WaitForAssertion(() => Designer.FindAll(".crm-problems li[data-element='wrong'][data-problem='escalation-event.boundary-kind']").ShouldHaveSingleItem());
    }
}
