using CrmBpm.Engine.Jobs;

namespace CrmBpm.Designer.Tests;

public sealed class EditingAutomaticStepsAndTimers() : DesignerSpecification(Xml, Handlers)
{
    private const string Xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:crm="https://crmbpm.dev/schema/bpmn" id="d" targetNamespace="t">
          <bpmn:process id="order" name="Order" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:serviceTask id="create" name="Create the order" crm:handler="crm.set-deal-amount" crm:retries="R3/PT5M" />
            <bpmn:sendTask id="notify" name="Notify" crm:handler="legacy.mail" />
            <bpmn:serviceTask id="blank" name="Call the warehouse" />
            <bpmn:intermediateCatchEvent id="wait" name="Wait" crm:workingTime="true"><bpmn:timerEventDefinition id="wait_def"><bpmn:timeDuration>P3DT4H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:userTask id="approve" name="Approve" />
            <bpmn:boundaryEvent id="remind" name="Remind" attachedToRef="approve" cancelActivity="false"><bpmn:timerEventDefinition /></bpmn:boundaryEvent>
            <bpmn:scriptTask id="discount" name="Discount" scriptFormat="javascript" crm:resultVariable="discount"><bpmn:script>amount * 0.2</bpmn:script></bpmn:scriptTask>
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="create" />
            <bpmn:sequenceFlow id="f2" sourceRef="create" targetRef="notify" />
            <bpmn:sequenceFlow id="f3" sourceRef="notify" targetRef="wait" />
            <bpmn:sequenceFlow id="f4" sourceRef="wait" targetRef="approve" />
            <bpmn:sequenceFlow id="f5" sourceRef="approve" targetRef="discount" />
            <bpmn:sequenceFlow id="f6" sourceRef="discount" targetRef="end" />
            <bpmn:sequenceFlow id="f7" sourceRef="remind" targetRef="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    private static readonly IReadOnlyList<RegisteredHandler> Handlers =
    [
        new("crm.create-instruction", new HandlerDescription { Summary = "Creates a follow-up instruction." }),
        new("crm.set-deal-amount", new HandlerDescription
        {
            Summary = "Sets the potential amount of the deal the process is about.",
            Inputs = [new HandlerVariable("amount", "number", "The new potential amount.", Required: true)],
            Outputs = [new HandlerVariable("previousAmount", "number", "The amount before.")],
        }),
    ];

    [Fact]
    public void The_handler_picker_lists_the_registered_handlers_and_shows_what_the_chosen_one_reads_and_sets()
    {
        SelectOnCanvas("create");

        Designer.Find(".crm-kind-badge").TextContent.ShouldBe("Automatic step");
        Designer.FindAll("[data-field=handler] option").Select(o => o.GetAttribute("value")).ShouldBe(["", "crm.create-instruction", "crm.set-deal-amount"]);
        Designer.Find("[data-field=handler] option[selected]").GetAttribute("value").ShouldBe("crm.set-deal-amount");
        Designer.Find("[data-field=handler-summary]").TextContent.ShouldBe("Sets the potential amount of the deal the process is about.");
        Designer.Find("[data-field=handler-inputs] [data-variable=amount]").TextContent.ShouldContain("number, required");
        Designer.Find("[data-field=handler-outputs] [data-variable=previousAmount]").TextContent.ShouldContain("The amount before.");
    }

    [Fact]
    public void Picking_a_handler_writes_crm_handler()
    {
        SelectOnCanvas("create");
        Designer.Find("[data-field=handler]").Change("crm.create-instruction");

        LastUpdateOf("create")["crm:handler"].ShouldBe("crm.create-instruction");
    }

    [Fact]
    public void A_send_task_from_a_file_is_an_automatic_step_and_its_unregistered_handler_is_named_as_such()
    {
        SelectOnCanvas("notify");

        Designer.Find(".crm-kind-badge").TextContent.ShouldBe("Automatic step");
        Designer.Find("[data-field=handler] option[selected]").TextContent.ShouldBe("legacy.mail (not registered)");
        Designer.Find(".crm-properties .crm-error").TextContent.ShouldContain("no handler named 'legacy.mail'");
    }

    [Fact]
    public void An_unregistered_handler_is_a_problem_of_its_step_when_the_host_passed_its_handlers()
    {
        Designer.WaitForAssertion(() => Designer.FindAll(".crm-problems li[data-problem='service.handler-unknown']").ShouldHaveSingleItem().GetAttribute("data-element").ShouldBe("notify"));
    }

    [Fact]
    public void Retries_and_timeout_are_read_back_in_plain_words()
    {
        SelectOnCanvas("create");

        Designer.Find("[data-field=retries-reading]").TextContent.ShouldBe("If it fails: 3 more tries, 5 minutes apart.");
        Designer.Find("[data-field=timeout]").Change("PT90S");
        LastUpdateOf("create")["crm:timeout"].ShouldBe("PT90S");
    }

    [Fact]
    public void The_timer_editor_reads_a_duration_in_plain_words()
    {
        SelectOnCanvas("wait");

        Designer.Find(".crm-kind-badge").TextContent.ShouldBe("Wait for time");
        Designer.Find("[data-field=timer-kind] option[selected]").GetAttribute("value").ShouldBe("duration");
        Designer.Find("[data-field=timer-reading]").TextContent.ShouldBe("Fires after 3 days 4 hours.");
    }

    [Fact]
    public void Typing_a_duration_writes_timeDuration()
    {
        SelectOnCanvas("wait");
        Designer.Find("[data-field=timer-value]").Change("P2D");

        LastCall("setTimer").ShouldBe(["wait", "duration", "P2D"]);
    }

    [Fact]
    public void Switching_the_kind_to_a_date_writes_the_value_as_timeDate_and_shows_the_engines_complaint_live()
    {
        SelectOnCanvas("wait");
        Designer.Find("[data-field=timer-kind]").Change("date");

        LastCall("setTimer").ShouldBe(["wait", "date", "P3DT4H"]);
        Designer.Find("[data-field=timer-error]").TextContent.ShouldContain("is not an ISO 8601 date and time");
    }

    [Fact]
    public void A_date_is_read_back_with_its_time_zone()
    {
        SelectOnCanvas("wait");
        Designer.Find("[data-field=timer-kind]").Change("date");
        Designer.Find("[data-field=timer-value]").Input("2026-12-24T09:00:00Z");

        Designer.Find("[data-field=timer-reading]").TextContent.ShouldBe("Fires on 24 Dec 2026 at 09:00 (UTC).");
    }

    [Fact]
    public void Only_a_non_interrupting_boundary_timer_offers_a_cycle_and_a_cycle_writes_timeCycle()
    {
        SelectOnCanvas("wait");
        Designer.FindAll("[data-field=timer-kind] option").Select(o => o.GetAttribute("value")).ShouldBe(["duration", "date"]);

        SelectOnCanvas("remind");
        Designer.FindAll("[data-field=timer-kind] option").Select(o => o.GetAttribute("value")).ShouldBe(["duration", "date", "cycle"]);
        Designer.Find("[data-field=timer-kind]").Change("cycle");
        Designer.Find("[data-field=timer-value]").Change("R3/PT1H");

        LastCall("setTimer").ShouldBe(["remind", "cycle", "R3/PT1H"]);
    }

    [Fact]
    public void The_interrupting_switch_writes_cancelActivity()
    {
        SelectOnCanvas("remind");
        Designer.Find("[data-field=attached-to]").TextContent.ShouldBe("Approve");
        Designer.Find("[data-field=interrupting]").HasAttribute("checked").ShouldBeFalse();

        Designer.Find("[data-field=interrupting]").Change(true);
        LastUpdateOf("remind")["cancelActivity"].ShouldBeNull();
        LastUpdateOf("remind").ContainsKey("cancelActivity").ShouldBeTrue();

        Designer.Find("[data-field=interrupting]").Change(false);
        LastUpdateOf("remind")["cancelActivity"].ShouldBe(false);
    }

    [Fact]
    public void A_wait_for_time_and_a_timer_on_the_edge_count_in_working_time_when_ticked()
    {
        SelectOnCanvas("wait");
        Designer.Find("[data-field=working-time]").HasAttribute("checked").ShouldBeTrue();
        Designer.Find("[data-field=working-time-hint]").TextContent.ShouldContain("P3D then means 3 working days");
        Designer.Find("[data-field=working-time]").Change(false);
        LastUpdateOf("wait")["crm:workingTime"].ShouldBeNull();
        LastUpdateOf("wait").ContainsKey("crm:workingTime").ShouldBeTrue();

        SelectOnCanvas("remind");
        Designer.Find("[data-field=working-time]").HasAttribute("checked").ShouldBeFalse();
        Designer.Find("[data-field=working-time-hint]").TextContent.ShouldContain("3 calendar days");
        Designer.Find("[data-field=working-time]").Change(true);
        LastUpdateOf("remind")["crm:workingTime"].ShouldBe(true);
    }

    [Fact]
    public void Ticking_outside_worker_before_the_topic_writes_nothing_until_the_topic_comes_and_then_both_at_once()
    {
        SelectOnCanvas("blank");
        Designer.Find("[data-field=external]").Change(true);

        Module.Invocations["updateProperties"].ShouldNotContain(c => (string?)c.Arguments[1] == "blank");
        Designer.Find("[data-field=external]").HasAttribute("checked").ShouldBeTrue();

        Designer.Find("[data-field=topic]").Change("warehouse-call");
        LastUpdateOf("blank")["crm:handler"].ShouldBe("warehouse-call");
        LastUpdateOf("blank")["crm:external"].ShouldBe("true");
    }

    [Fact]
    public void A_boundary_timer_without_a_time_is_a_problem_of_the_timer_itself()
    {
        Designer.WaitForAssertion(() => Designer.FindAll(".crm-problems li[data-problem='timer.definition-missing']").ShouldHaveSingleItem().GetAttribute("data-element").ShouldBe("remind"));
    }

    [Fact]
    public void A_script_shows_its_text_and_writes_the_script_and_its_result_variable()
    {
        SelectOnCanvas("discount");

        Designer.Find("[data-field=script]").TextContent.ShouldBe("amount * 0.2");
        Designer.Find("[data-field=script]").Change("amount * 0.1");
        LastCall("setScript").ShouldBe(["discount", "amount * 0.1"]);
        Designer.Find("[data-field=result-variable]").Change("rebate");
        LastUpdateOf("discount")["crm:resultVariable"].ShouldBe("rebate");
    }
}
