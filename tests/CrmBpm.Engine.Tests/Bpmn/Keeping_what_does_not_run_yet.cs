using CrmBpm.Engine.Bpmn;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Validation;
using static CrmBpm.Engine.Tests.Bpmn.BpmnTestFiles;

namespace CrmBpm.Engine.Tests.Bpmn;

/// <summary>
/// Elements the engine cannot run yet open, are kept and written back, and refuse publishing with an error naming each:
/// never a refused file, never a silent pass-through.
/// </summary>
public sealed class Keeping_what_does_not_run_yet
{
    private static IReadOnlyList<ValidationProblem> Validate(RouteMap map) =>
        new RouteMapValidator().Validate(map, new ValidationContext(new JintExpressionEvaluator(new ExpressionLimits()), _ => null));

    // A file without a diagram is drawn by the exporter: read back, the maps have that drawing.
    private static IReadOnlyList<RouteMap> Drawn(IReadOnlyList<RouteMap> maps) => [.. maps.Select(m => m with { Diagram = AutoLayout.Create(m) })];

    private static BpmnImportResult ReadXml(string content)
    {
        var xml = $"""
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn">
              <process id="p">
                {content}
              </process>
            </definitions>
            """;
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml));
        return new BpmnImporter().Read(stream);
    }

    [Fact]
    public void A_file_with_a_service_task_a_boundary_event_and_a_sub_process_opens_and_validation_names_each_with_its_line()
    {
        var result = Read(Fixture("unsupported.bpmn"));
        var map = result.Maps.ShouldHaveSingleItem();

        var notRun = Validate(map).Where(p => p.Code == "point.not-run-yet").ToList();

        // The inclusive gateway of the file runs now (an inclusive gateway point); the transaction does not (a sub-process does).
        notRun.Select(p => (p.PointId, result.Locate(map.Key, p.PointId)?.Line)).ShouldBe([
            ("Activity_send", 5),
            ("Activity_sub", 11),
        ]);
        map.Points.OfType<InclusivePoint>().ShouldHaveSingleItem().Id.ShouldBe("Gateway_any");
        notRun.ShouldAllBe(p => p.IsError);
        // A service task runs once it names a handler; this one names none, so the sentence says how to give it one.
        notRun[0].Message.ShouldBe("A service task (serviceTask) 'Send invoice' names no handler to call: give it crm:handler (or Camunda's delegate expression, class or external topic, or Zeebe's task type) with the name of a registered handler, so it runs as an automatic step.");
        map.Points.OfType<EndPoint>().ShouldHaveSingleItem().Terminates.ShouldBeTrue();
        // The boundary timer runs now; this one does not say when it fires, and validation says so.
        Validate(map).ShouldContain(p => p.Code == "timer.definition-missing" && p.PointId == "Event_timeout" && p.IsError);
    }

    [Fact]
    public void Kept_elements_are_written_back_with_their_attributes_event_definitions_and_inner_elements()
    {
        var result = ReadXml("""
            <startEvent id="s"><outgoing>f1</outgoing></startEvent>
            <serviceTask id="mail" name="Send mail" camunda:class="org.example.Mail"><incoming>f1</incoming><outgoing>f2</outgoing></serviceTask>
            <boundaryEvent id="late" attachedToRef="mail" cancelActivity="false"><escalationEventDefinition id="m1" escalationRef="reply" /></boundaryEvent>
            <transaction id="sub"><incoming>f2</incoming><outgoing>f3</outgoing><startEvent id="inner_s" /><sequenceFlow id="inner_f" sourceRef="inner_s" targetRef="inner_e" /><endEvent id="inner_e" /></transaction>
            <endEvent id="e"><incoming>f3</incoming></endEvent>
            <sequenceFlow id="f1" sourceRef="s" targetRef="mail" />
            <sequenceFlow id="f2" sourceRef="mail" targetRef="sub" />
            <sequenceFlow id="f3" sourceRef="sub" targetRef="e" />
            """);
        var map = result.Maps.ShouldHaveSingleItem();

        var xml = new BpmnExporter().Export(result.Maps);

        // The service task names a Java class: it runs as an automatic step calling the handler registered as "Mail".
        map.Points.OfType<ServicePoint>().ShouldHaveSingleItem().Handler.ShouldBe("Mail");
        map.Points.OfType<KeptPoint>().Select(k => k.Element).ShouldBe(["boundaryEvent", "transaction"]);
        xml.ShouldContain("camunda:class=\"org.example.Mail\"");
        xml.ShouldContain("crm:handler=\"Mail\"");
        xml.ShouldContain("attachedToRef=\"mail\"");
        xml.ShouldContain("<bpmn:escalationEventDefinition id=\"m1\" escalationRef=\"reply\" />");
        xml.ShouldContain("<bpmn:sequenceFlow id=\"inner_f\" sourceRef=\"inner_s\" targetRef=\"inner_e\" />");
        RoundTrip(result.Maps).ShouldMeanTheSameAs(Drawn(result.Maps));
        // The boundary event has no incoming flow by nature: only the not-run-yet errors, no "unreachable".
        Validate(map).Select(p => p.Code).ShouldBe(["point.not-run-yet", "point.not-run-yet"]);
    }

    [Fact]
    public void A_conditional_start_event_opens_and_refuses_publishing_naming_its_definition()
    {
        var result = ReadXml("""
            <startEvent id="s" name="Order received"><outgoing>f</outgoing><conditionalEventDefinition id="m" /></startEvent>
            <endEvent id="e"><incoming>f</incoming></endEvent>
            <sequenceFlow id="f" sourceRef="s" targetRef="e" />
            """);
        var map = result.Maps.ShouldHaveSingleItem();

        var problem = Validate(map).ShouldHaveSingleItem();

        problem.Code.ShouldBe("point.not-run-yet");
        problem.Message.ShouldStartWith("A conditional start event (conditionalEventDefinition) 'Order received' does not run yet");
        RoundTrip(result.Maps).ShouldMeanTheSameAs(Drawn(result.Maps));
        result.LossReport.ShouldContain(g => g.Message == "1 conditional start event (conditionalEventDefinition) will not run yet, so the map cannot be published: line 3");
    }

    [Fact]
    public void An_end_with_a_terminate_and_another_definition_keeps_both_and_does_not_terminate()
    {
        var result = ReadXml("""
            <startEvent id="s"><outgoing>f</outgoing></startEvent>
            <endEvent id="e"><incoming>f</incoming><terminateEventDefinition /><messageEventDefinition /></endEvent>
            <sequenceFlow id="f" sourceRef="s" targetRef="e" />
            """);
        var map = result.Maps.ShouldHaveSingleItem();

        map.Points.OfType<EndPoint>().ShouldHaveSingleItem().Terminates.ShouldBeFalse();
        Validate(map).ShouldHaveSingleItem().Message.ShouldContain("with 2 definitions (terminateEventDefinition, messageEventDefinition)");
        RoundTrip(result.Maps).ShouldMeanTheSameAs(Drawn(result.Maps));
    }

    [Fact]
    public void A_condition_on_a_flow_out_of_a_start_event_opens_and_refuses_publishing_instead_of_being_ignored()
    {
        // Conditions on flows out of tasks run (Taking_the_flows_that_leave_a_task); out of an event they do not yet.
        var result = ReadXml("""
            <startEvent id="s"><outgoing>f1</outgoing></startEvent>
            <userTask id="t" camunda:assignee="anna"><incoming>f1</incoming><outgoing>f2</outgoing></userTask>
            <endEvent id="e"><incoming>f2</incoming></endEvent>
            <sequenceFlow id="f1" sourceRef="s" targetRef="t"><conditionExpression>amount &gt; 5</conditionExpression></sequenceFlow>
            <sequenceFlow id="f2" sourceRef="t" targetRef="e" />
            """);
        var map = result.Maps.ShouldHaveSingleItem();

        var problem = Validate(map).Where(p => p.Code == "flow.condition-not-run-yet").ShouldHaveSingleItem();

        problem.FlowId.ShouldBe("f1");
        problem.IsError.ShouldBeTrue();
        problem.Message.ShouldContain("does not run yet");
        RoundTrip(result.Maps).ShouldMeanTheSameAs(Drawn(result.Maps));
    }

    [Theory]
    [InlineData("task", "multiInstanceLoopCharacteristics")]
    [InlineData("task", "standardLoopCharacteristics")]
    [InlineData("callActivity", "multiInstanceLoopCharacteristics")]
    [InlineData("userTask", "standardLoopCharacteristics")]
    [InlineData("userTask", "multiInstanceLoopCharacteristics")]
    public void A_looped_task_or_call_activity_is_kept_not_passed_through(string element, string loop)
    {
        var result = ReadXml($"""
            <startEvent id="s"><outgoing>f1</outgoing></startEvent>
            <{element} id="t" name="Call"><incoming>f1</incoming><outgoing>f2</outgoing><{loop} /></{element}>
            <endEvent id="e"><incoming>f2</incoming></endEvent>
            <sequenceFlow id="f1" sourceRef="s" targetRef="t" />
            <sequenceFlow id="f2" sourceRef="t" targetRef="e" />
            """);
        var map = result.Maps.ShouldHaveSingleItem();

        map.Points.OfType<KeptPoint>().ShouldHaveSingleItem().Element.ShouldBe(element);
        Validate(map).ShouldHaveSingleItem().Message.ShouldContain($"that loops ({loop}) 'Call' does not run yet");
        RoundTrip(result.Maps).ShouldMeanTheSameAs(Drawn(result.Maps));
    }

    [Fact]
    public void Kept_elements_are_one_counted_line_each_in_the_loss_report()
    {
        var result = ReadXml("""
            <serviceTask id="a" />
            <serviceTask id="b" />
            <scriptTask id="c" />
            """);

        result.LossReport.Select(g => g.Message).ShouldBe([
            "2 service tasks (serviceTask) will not run yet, so the map cannot be published: lines 3, 4",
            "1 script task (scriptTask) will not run yet, so the map cannot be published: line 5",
        ]);
    }
}
