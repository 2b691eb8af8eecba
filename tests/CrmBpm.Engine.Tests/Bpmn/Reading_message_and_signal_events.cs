using CrmBpm.Engine.Bpmn;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Tests.Bpmn.Corpus;
using CrmBpm.Engine.Validation;
using static CrmBpm.Engine.Tests.Bpmn.BpmnTestFiles;

namespace CrmBpm.Engine.Tests.Bpmn;

/// <summary>
/// Message and signal events read from real files: a definition names its message or signal through a root
/// <c>&lt;message&gt;</c> / <c>&lt;signal&gt;</c>, and the point keeps the name; export declares it again and the file reads back the same.
/// </summary>
public sealed class Reading_message_and_signal_events
{
    private static RouteMap Read(string points, string declarations = "")
    {
        var xml = $"""
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:camunda="http://camunda.org/schema/1.0/bpmn">
              {declarations}
              <process id="p">
                <startEvent id="s"><outgoing>f1</outgoing></startEvent>
                {points}
                <endEvent id="e"><incoming>f2</incoming></endEvent>
                <sequenceFlow id="f1" sourceRef="s" targetRef="wait" />
                <sequenceFlow id="f2" sourceRef="wait" targetRef="e" />
              </process>
            </definitions>
            """;
        return new BpmnImporter().ImportXml(xml).ShouldHaveSingleItem();
    }

    private static IReadOnlyList<ValidationProblem> Validate(RouteMap map) =>
        new RouteMapValidator().Validate(map, new ValidationContext(new ExpressionEvaluator(new ExpressionLimits()), _ => null));

    private static void ShouldReadBackTheSame(RouteMap map) =>
        RoundTrip([map]).ShouldMeanTheSameAs([map with { Diagram = map.Diagram ?? AutoLayout.Create(map) }]);

    private static string CorpusFile(string name) => Path.Combine(BpmnCorpus.Folder(), "files", name);

    [Fact]
    public void Camunda_s_message_start_example_starts_on_its_message_and_publishes()
    {
        var map = Import(CorpusFile("camunda_camunda-bpm-examples__startevent_message-start_src_main_resources_message_start_process.bpmn")).ShouldHaveSingleItem();

        map.Points.OfType<StartPoint>().ShouldHaveSingleItem().MessageName.ShouldBe("instantiationMessage");
        Validate(map).Where(p => p.IsError).ShouldBeEmpty();
        new BpmnExporter().Export(map).ShouldContain("<bpmn:messageEventDefinition messageRef=\"Message_1\" />");
        ShouldReadBackTheSame(map);
    }

    [Fact]
    public void Flowable_s_signal_catch_and_throw_wait_for_and_send_the_signals_they_name()
    {
        var map = Import(CorpusFile("flowable_flowable-engine__modules_flowable-bpmn-converter_src_test_resources_signaltest.bpmn")).ShouldHaveSingleItem();

        map.Points.OfType<SignalWaitPoint>().ShouldHaveSingleItem().SignalName.ShouldBe("Signal 1");
        map.Points.OfType<SignalThrowPoint>().ShouldHaveSingleItem().SignalName.ShouldBe("Signal 2");
        ShouldReadBackTheSame(map);
    }

    [Fact]
    public void A_message_catch_with_zeebe_s_correlation_key_waits_for_that_key_and_is_written_back_for_zeebe()
    {
        var map = Read(
            """
            <intermediateCatchEvent id="wait" name="Payment"><extensionElements><zeebe:subscription correlationKey="=orderId" /></extensionElements>
              <messageEventDefinition id="def" messageRef="m1" /></intermediateCatchEvent>
            """,
            """<message id="m1" name="payment-received" />""");

        var wait = map.Points.OfType<MessageWaitPoint>().ShouldHaveSingleItem();
        (wait.MessageName, wait.CorrelationKey, wait.IsReceiveTask).ShouldBe(("payment-received", "=orderId", false));
        var xml = new BpmnExporter().Export(map);
        xml.ShouldContain("<zeebe:subscription correlationKey=\"=orderId\" />");
        xml.ShouldContain("<bpmn:messageEventDefinition messageRef=\"m1\" />");
        xml.ShouldContain("<bpmn:message id=\"m1\" name=\"payment-received\" />");
        Validate(map).Where(p => p.IsError).ShouldBeEmpty();
        ShouldReadBackTheSame(map);
    }

    [Fact]
    public void A_receive_task_is_a_message_wait_written_back_as_a_receive_task()
    {
        var map = Read("""<receiveTask id="wait" name="Contract signed" messageRef="m1" />""", """<message id="m1" name="contract-signed" />""");

        map.Points.OfType<MessageWaitPoint>().ShouldHaveSingleItem().IsReceiveTask.ShouldBeTrue();
        new BpmnExporter().Export(map).ShouldContain("<bpmn:receiveTask id=\"wait\" name=\"Contract signed\" messageRef=\"m1\">");
        ShouldReadBackTheSame(map);
    }

    [Fact]
    public void A_message_boundary_on_a_task_is_read_with_its_interruption_and_a_message_without_declaration_is_declared_on_export()
    {
        var map = Read(
            """
            <userTask id="wait" camunda:assignee="anna"><incoming>f1</incoming><outgoing>f2</outgoing></userTask>
            <boundaryEvent id="b" attachedToRef="wait" cancelActivity="false"><outgoing>f3</outgoing><messageEventDefinition messageRef="m1" /></boundaryEvent>
            <endEvent id="e2"><incoming>f3</incoming></endEvent>
            <sequenceFlow id="f3" sourceRef="b" targetRef="e2" />
            """,
            """<message id="m1" name="customer-called" />""");

        var boundary = map.Points.OfType<BoundaryMessagePoint>().ShouldHaveSingleItem();
        (boundary.AttachedToId, boundary.CancelsActivity, boundary.MessageName).ShouldBe(("wait", false, "customer-called"));
        Validate(map).Where(p => p.IsError).ShouldBeEmpty();
        ShouldReadBackTheSame(map);

        var drawn = map with { Foreign = null, Points = [.. map.Points.Select(p => p is BoundaryMessagePoint b ? b with { MessageName = "new-name" } : p)] };
        new BpmnExporter().Export(drawn).ShouldContain("<bpmn:message id=\"Message_new-name\" name=\"new-name\" />");
    }

    [Fact]
    public void A_message_catch_naming_no_message_opens_and_refuses_publishing()
    {
        var map = Read("""<intermediateCatchEvent id="wait"><messageEventDefinition /></intermediateCatchEvent>""");

        map.Points.OfType<MessageWaitPoint>().ShouldHaveSingleItem().MessageName.ShouldBe("");
        Validate(map).Where(p => p.IsError).Select(p => p.Code).ShouldBe(["message.name-missing"]);
    }

    [Fact]
    public void A_signal_end_broadcasts_the_signal_it_names()
    {
        var map = Read(
            """
            <task id="wait"><incoming>f1</incoming><outgoing>f2</outgoing></task>
            <endEvent id="done"><signalEventDefinition signalRef="sig" /></endEvent>
            """,
            """<signal id="sig" name="order-closed" />""");

        map.Points.OfType<EndPoint>().Single(e => e.Id == "done").SignalName.ShouldBe("order-closed");
        ShouldReadBackTheSame(map);
    }

    [Fact]
    public void A_signal_start_at_the_process_level_starts_on_the_signal_it_names_and_publishes()
    {
        var xml = """
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">
              <signal id="sig" name="prices-changed" />
              <process id="p">
                <startEvent id="s"><signalEventDefinition signalRef="sig" /></startEvent>
                <endEvent id="e" />
                <sequenceFlow id="f1" sourceRef="s" targetRef="e" />
              </process>
            </definitions>
            """;

        var map = new BpmnImporter().ImportXml(xml).ShouldHaveSingleItem();

        map.Start.ShouldNotBeNull().SignalName.ShouldBe("prices-changed");
        map.Start.MessageName.ShouldBeNull();
        Validate(map).Where(p => p.IsError).ShouldBeEmpty();
        new BpmnExporter().Export(map).ShouldContain("<bpmn:signalEventDefinition signalRef=\"sig\" />");
        ShouldReadBackTheSame(map);
    }

    [Fact]
    public void An_event_based_gateway_waits_for_its_catch_events_and_refuses_a_task_after_it()
    {
        var map = Read(
            """
            <eventBasedGateway id="wait"><incoming>f1</incoming></eventBasedGateway>
            <intermediateCatchEvent id="paid"><messageEventDefinition messageRef="m1" /></intermediateCatchEvent>
            <task id="call" />
            <sequenceFlow id="g1" sourceRef="wait" targetRef="paid" />
            <sequenceFlow id="g2" sourceRef="wait" targetRef="call" />
            <sequenceFlow id="g3" sourceRef="paid" targetRef="e" />
            <sequenceFlow id="g4" sourceRef="call" targetRef="e" />
            """,
            """<message id="m1" name="payment-received" />""");

        map.Points.OfType<EventGatewayPoint>().ShouldHaveSingleItem();
        new BpmnExporter().Export(map).ShouldContain("<bpmn:eventBasedGateway id=\"wait\">");
        // The task, and the End the template's flow f2 leads to, are no events to wait for.
        Validate(map).Where(p => p.IsError).Select(p => (p.Code, p.FlowId))
            .ShouldBe([("eventgateway.target-kind", "g2"), ("eventgateway.target-kind", "f2")], ignoreOrder: true);
        ShouldReadBackTheSame(map);
    }
}
