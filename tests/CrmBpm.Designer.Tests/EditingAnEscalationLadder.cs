using CrmBpm.Engine.Definitions;

namespace CrmBpm.Designer.Tests;

public sealed class EditingAnEscalationLadder() : DesignerSpecification(Xml)
{
    private const string Xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:crm="https://crmbpm.dev/schema/bpmn" id="d" targetNamespace="t">
          <bpmn:process id="claim" name="Claim" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="review" name="Review the claim" crm:performerRole="Lawyer" crm:deadline="P3D">
              <bpmn:extensionElements><crm:outcome name="Accept" /><crm:outcome name="Reject" /></bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:userTask id="pay" name="Pay" />
            <bpmn:boundaryEvent id="esc_remind" cancelActivity="false" attachedToRef="review" crm:escalation="remind-performer">
              <bpmn:timerEventDefinition><bpmn:timeDuration>PT4H</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:boundaryEvent>
            <bpmn:boundaryEvent id="esc_head" cancelActivity="false" attachedToRef="review" crm:escalation="notify-head">
              <bpmn:timerEventDefinition><bpmn:timeDuration>PT0S</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:boundaryEvent>
            <bpmn:boundaryEvent id="esc_final" attachedToRef="review" crm:escalation="default-outcome" crm:outcome="Reject">
              <bpmn:timerEventDefinition><bpmn:timeDuration>P2D</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:boundaryEvent>
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
            <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="pay" />
            <bpmn:sequenceFlow id="f3" sourceRef="pay" targetRef="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Fact]
    public void The_escalation_section_lists_the_steps_in_the_engines_order_with_their_time_from_the_deadline_in_words()
    {
        SelectOnCanvas("review");

        Designer.FindAll(".crm-escalation-step").Select(s => s.GetAttribute("data-step")).ShouldBe(["esc_remind", "esc_head", "esc_final"]);
        Designer.FindAll("[data-field=escalation-reading]").Select(r => r.TextContent).ShouldBe(
        [
            "Reminds the performer 4 hours before the deadline.",
            "Notifies the head of the performer's department at the deadline.",
            "Completes the task with \"Reject\" on the system's behalf 2 days after the deadline; the task ends.",
        ]);
        Designer.Find("[data-step=esc_final] [data-field=escalation-outcome] option[selected]").GetAttribute("value").ShouldBe("Reject");
        Designer.FindAll("[data-field=escalation-needs-deadline]").ShouldBeEmpty();
    }

    [Fact]
    public void Adding_a_step_puts_a_timer_of_that_kind_on_the_tasks_edge_with_a_first_time()
    {
        SelectOnCanvas("review");
        Designer.Find("[data-field=new-escalation-kind]").Change(EscalationStepKind.ReassignToHead.ToString());
        Designer.Find("[data-action=add-escalation]").Click();

        var call = LastCall("addEscalationStep");
        call[0].ShouldBe("review");
        Json(call[1]).ShouldBe("""{"kind":"reassign-to-head","duration":"P1D","outcome":null}""");
    }

    [Fact]
    public void A_default_outcome_step_is_added_with_the_actions_first_outcome()
    {
        SelectOnCanvas("review");
        Designer.Find("[data-field=new-escalation-kind]").Change(EscalationStepKind.DefaultOutcome.ToString());
        Designer.Find("[data-action=add-escalation]").Click();

        Json(LastCall("addEscalationStep")[1]).ShouldBe("""{"kind":"default-outcome","duration":"P2D","outcome":"Accept"}""");
    }

    [Fact]
    public void Changing_a_steps_time_or_kind_rewrites_that_step_and_removing_it_removes_its_timer()
    {
        SelectOnCanvas("review");
        Designer.Find("[data-step=esc_head] [data-field=escalation-duration]").Change("P1D");
        LastCall("setEscalationStep")[0].ShouldBe("esc_head");
        Json(LastCall("setEscalationStep")[1]).ShouldBe("""{"kind":"notify-head","duration":"P1D","outcome":null}""");

        Designer.Find("[data-step=esc_head] [data-field=escalation-kind]").Change("reassign-to-head");
        Json(LastCall("setEscalationStep")[1]).ShouldBe("""{"kind":"reassign-to-head","duration":"PT0S","outcome":null}""");

        Designer.Find("[data-step=esc_remind] [data-action=remove-escalation]").Click();
        LastCall("removeElement").ShouldBe(["esc_remind"]);
    }

    [Fact]
    public void Selecting_a_steps_timer_shows_the_step_in_plain_words_not_a_timer_with_a_flow()
    {
        SelectOnCanvas("esc_remind");

        Designer.Find(".crm-kind-badge").TextContent.ShouldBe("Escalation step");
        Designer.Find("[data-field=attached-to]").TextContent.ShouldBe("Review the claim");
        Designer.Find("[data-field=escalation-reading]").TextContent.ShouldBe("Reminds the performer 4 hours before the deadline.");
        Designer.FindAll("[data-field=interrupting]").ShouldBeEmpty();
    }

    [Fact]
    public void A_ladder_on_an_action_without_a_deadline_asks_for_one()
    {
        SelectOnCanvas("pay");

        Designer.Find("[data-field=escalation-none]").TextContent.ShouldContain("No steps");
        Designer.Find("[data-field=escalation-needs-deadline]").TextContent.ShouldContain("give the Action a deadline");
    }

    private static string Json(object? value) => System.Text.Json.JsonSerializer.Serialize(value);
}
