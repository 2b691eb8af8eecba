using CrmBpm.Engine.Jobs;

namespace CrmBpm.Designer.Tests;

public sealed class EditingEventsAndGateways() : DesignerSpecification(Xml, Handlers)
{
    private const string Xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:crm="https://crmbpm.dev/schema/bpmn" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
          <bpmn:process id="order" name="Order" isExecutable="true">
            <bpmn:startEvent id="start"><bpmn:messageEventDefinition id="start_def" messageRef="m_order" /></bpmn:startEvent>
            <bpmn:serviceTask id="create" name="Create the order" crm:handler="crm.create" />
            <bpmn:boundaryEvent id="blocked" name="Customer blocked" attachedToRef="create"><bpmn:errorEventDefinition id="blocked_def" errorRef="e_blocked" camunda:errorCodeVariable="why" /></bpmn:boundaryEvent>
            <bpmn:boundaryEvent id="called" name="Customer called" attachedToRef="create" cancelActivity="false" crm:correlationKey="orderId"><bpmn:messageEventDefinition id="called_def" messageRef="m_called" /></bpmn:boundaryEvent>
            <bpmn:eventBasedGateway id="first" name="Paid or expired?" />
            <bpmn:intermediateCatchEvent id="paid" name="Payment" crm:correlationKey="orderId"><bpmn:messageEventDefinition id="paid_def" /></bpmn:intermediateCatchEvent>
            <bpmn:serviceTask id="notify" name="Notify" crm:handler="legacy.mail" />
            <bpmn:userTask id="approve" name="Approve" crm:performerRole="Sales manager" />
            <bpmn:boundaryEvent id="remind" name="Remind" attachedToRef="approve" cancelActivity="false"><bpmn:timerEventDefinition id="remind_def" /></bpmn:boundaryEvent>
            <bpmn:inclusiveGateway id="extras" name="Extras" default="f_plain" />
            <bpmn:intermediateThrowEvent id="announce" name="Announce"><bpmn:signalEventDefinition id="announce_def" signalRef="s_paid" /></bpmn:intermediateThrowEvent>
            <bpmn:endEvent id="end"><bpmn:terminateEventDefinition id="end_def" /></bpmn:endEvent>
            <bpmn:endEvent id="failed"><bpmn:errorEventDefinition id="failed_def" errorRef="e_blocked" /></bpmn:endEvent>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="create" />
            <bpmn:sequenceFlow id="f2" sourceRef="create" targetRef="first" />
            <bpmn:sequenceFlow id="f3" sourceRef="first" targetRef="paid" />
            <bpmn:sequenceFlow id="f4" sourceRef="first" targetRef="notify" />
            <bpmn:sequenceFlow id="f5" sourceRef="paid" targetRef="approve" />
            <bpmn:sequenceFlow id="f6" sourceRef="notify" targetRef="approve" />
            <bpmn:sequenceFlow id="f7" sourceRef="approve" targetRef="announce" />
            <bpmn:sequenceFlow id="f8" sourceRef="announce" targetRef="extras" />
            <bpmn:sequenceFlow id="f_gift" sourceRef="extras" targetRef="end"><bpmn:conditionExpression>gift === true</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="f_plain" sourceRef="extras" targetRef="end" />
            <bpmn:sequenceFlow id="f9" sourceRef="blocked" targetRef="failed" />
            <bpmn:sequenceFlow id="f10" sourceRef="called" targetRef="end" />
            <bpmn:sequenceFlow id="f11" sourceRef="remind" targetRef="end" />
          </bpmn:process>
          <bpmn:message id="m_order" name="Order placed" />
          <bpmn:message id="m_called" name="Customer called" />
          <bpmn:signal id="s_paid" name="Order paid" />
          <bpmn:error id="e_blocked" name="Blocked" errorCode="CUSTOMER_BLOCKED" />
        </bpmn:definitions>
        """;

    private static readonly IReadOnlyList<RegisteredHandler> Handlers = [new("crm.create", new HandlerDescription { Summary = "Creates the order." })];

    [Fact]
    public void A_message_wait_shows_its_message_by_the_name_it_references_and_its_correlation_key()
    {
        SelectOnCanvas("called");

        Designer.Find(".crm-kind-badge").TextContent.ShouldBe("Message on the edge");
        Designer.Find("[data-field=message-name]").GetAttribute("value").ShouldBe("Customer called");
        Designer.Find("[data-field=correlation-key]").GetAttribute("value").ShouldBe("orderId");
        Designer.Find("[data-field=interrupting]").HasAttribute("checked").ShouldBeFalse();
        Designer.FindAll("#crm-message-names option").Select(o => o.GetAttribute("value")).ShouldBe(["Customer called", "Order placed"]);
    }

    [Fact]
    public void Naming_the_message_goes_through_the_canvas_which_declares_the_root_message()
    {
        SelectOnCanvas("paid");
        Designer.Find(".crm-kind-badge").TextContent.ShouldBe("Wait for a message");

        Designer.Find("[data-field=message-name]").Change("Payment received");
        Designer.Find("[data-field=correlation-key]").Change("orderId ");

        LastCall("setEventName").ShouldBe(["paid", "message", "Payment received"]);
        LastUpdateOf("paid")["crm:correlationKey"].ShouldBe("orderId");
    }

    [Fact]
    public void Making_a_boundary_message_interrupting_removes_cancel_activity()
    {
        SelectOnCanvas("called");

        Designer.Find("[data-field=interrupting]").Change(true);

        LastUpdateOf("called").Keys.ShouldContain("cancelActivity");
        LastUpdateOf("called")["cancelActivity"].ShouldBeNull();
    }

    [Fact]
    public void An_error_on_the_edge_shows_its_code_and_variables_and_writes_the_variables_on_its_definition()
    {
        SelectOnCanvas("blocked");

        Designer.Find(".crm-kind-badge").TextContent.ShouldBe("Catch an error");
        Designer.Find("[data-field=error-code]").GetAttribute("value").ShouldBe("CUSTOMER_BLOCKED");
        Designer.Find("[data-field=error-code-variable]").GetAttribute("value").ShouldBe("why");
        Designer.FindAll("[data-field=interrupting]").ShouldBeEmpty(); // an error always interrupts

        Designer.Find("[data-field=error-code]").Change("CREDIT_REFUSED");
        Designer.Find("[data-field=error-message-variable]").Change("reason");

        LastCall("setErrorCode").ShouldBe(["blocked", "CREDIT_REFUSED"]);
        var variables = (IReadOnlyDictionary<string, object?>)LastCall("updateEventDefinition")[1]!;
        variables["crm:errorMessageVariable"].ShouldBe("reason");
    }

    [Fact]
    public void An_end_says_how_it_ends_and_changing_it_replaces_the_point_on_the_canvas()
    {
        SelectOnCanvas("failed");
        Designer.Find(".crm-kind-badge").TextContent.ShouldBe("End with an error");
        Designer.Find("[data-field=error-code]").GetAttribute("value").ShouldBe("CUSTOMER_BLOCKED");

        SelectOnCanvas("end");
        Designer.Find(".crm-kind-badge").TextContent.ShouldBe("End everything");
        Designer.Find("[data-field=end-kind]").Change("signal-end");

        LastCall("replaceKind").ShouldBe(["end", "signal-end"]);
    }

    [Fact]
    public void A_start_on_a_message_names_its_message_and_may_become_a_start_on_a_schedule()
    {
        SelectOnCanvas("start");
        Designer.Find(".crm-kind-badge").TextContent.ShouldBe("Start on a message");
        Designer.Find("[data-field=message-name]").GetAttribute("value").ShouldBe("Order placed");
        Designer.FindAll("[data-field=correlation-key]").ShouldBeEmpty();

        Designer.Find("[data-field=start-kind]").Change("timer-start");

        LastCall("replaceKind").ShouldBe(["start", "timer-start"]);
    }

    [Fact]
    public void Send_a_signal_shows_the_signal_it_sends()
    {
        SelectOnCanvas("announce");

        Designer.Find(".crm-kind-badge").TextContent.ShouldBe("Send a signal");
        Designer.Find("[data-field=signal-name]").GetAttribute("value").ShouldBe("Order paid");
    }

    [Fact]
    public void One_or_more_paths_has_a_case_per_flow_and_a_default_like_a_choice()
    {
        SelectOnCanvas("extras");

        Designer.Find(".crm-kind-badge").TextContent.ShouldBe("One or more paths");
        Designer.FindAll(".crm-case").Select(c => c.GetAttribute("data-flow")).ShouldBe(["f_gift", "f_plain"]);
        Designer.Find(".crm-case[data-flow=f_gift] [data-mode=advanced]").Click();
        Designer.Find(".crm-case[data-flow=f_gift] [data-field=case-condition]").GetAttribute("value").ShouldBe("gift === true");
        Designer.FindAll(".crm-case[data-flow=f_plain] [data-field=case-condition]").ShouldBeEmpty();

        Designer.Find(".crm-case[data-flow=f_gift] [data-field=case-condition]").Change("gift");
        LastCall("setFlowCondition").ShouldBe(["f_gift", "gift"]);
    }

    [Fact]
    public void Wait_for_the_first_event_lists_the_events_it_waits_for_and_marks_what_it_may_not_lead_to()
    {
        SelectOnCanvas("first");

        Designer.Find(".crm-kind-badge").TextContent.ShouldBe("Wait for the first event");
        Designer.Find("[data-flow=f3]").ClassList.ShouldNotContain("crm-error");
        Designer.Find("[data-flow=f4]").ClassList.ShouldContain("crm-error");
    }

    [Theory]
    [InlineData("remind", "timer.definition-missing", "Remind")]
    [InlineData("paid", "message.name-missing", "Payment")]
    [InlineData("first", "eventgateway.target-kind", "Paid or expired?")]
    [InlineData("notify", "service.handler-unknown", "Notify")]
    public void Each_kind_s_problem_is_listed_with_the_point_s_name_and_clicking_it_selects_the_point(string pointId, string code, string name)
    {
        Designer.WaitForAssertion(() => Designer.FindAll($".crm-problems li[data-element='{pointId}'][data-problem='{code}']").ShouldHaveSingleItem());
        var problem = Designer.Find($".crm-problems li[data-element='{pointId}'][data-problem='{code}']");
        problem.TextContent.ShouldContain($"'{name}'");

        problem.QuerySelector("button")!.Click();

        LastCall("select").ShouldBe([pointId]);
        Designer.WaitForAssertion(() => Designer.Find(".crm-properties-header code").TextContent.ShouldBe(pointId));
    }
}
