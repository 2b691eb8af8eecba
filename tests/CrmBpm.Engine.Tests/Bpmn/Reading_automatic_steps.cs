using CrmBpm.Engine.Bpmn;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Validation;
using static CrmBpm.Engine.Tests.Bpmn.BpmnTestFiles;

namespace CrmBpm.Engine.Tests.Bpmn;

/// <summary>
/// A service, send or business-rule task naming a handler, in our attributes or another engine's, is an automatic step;
/// export writes crm:handler beside what was kept, and the file reads back the same.
/// </summary>
public sealed class Reading_automatic_steps
{
    private static RouteMap ReadStep(string step)
    {
        var xml = $"""
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:crm="https://crmbpm.dev/schema/bpmn"
                         xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0">
              <process id="p">
                <startEvent id="s"><outgoing>f1</outgoing></startEvent>
                {step}
                <endEvent id="e"><incoming>f2</incoming></endEvent>
                <sequenceFlow id="f1" sourceRef="s" targetRef="step" />
                <sequenceFlow id="f2" sourceRef="step" targetRef="e" />
              </process>
            </definitions>
            """;
        return new BpmnImporter().ImportXml(xml).ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData("""<serviceTask id="step" crm:handler="send-offer" />""", "serviceTask", "send-offer")]
    [InlineData("""<serviceTask id="step" camunda:delegateExpression="${sendOffer}" />""", "serviceTask", "sendOffer")]
    [InlineData("""<sendTask id="step" camunda:class="org.example.crm.SendOfferDelegate" />""", "sendTask", "SendOfferDelegate")]
    [InlineData("""<serviceTask id="step" camunda:type="external" camunda:topic="charge-card" />""", "serviceTask", "charge-card")]
    [InlineData("""<businessRuleTask id="step"><extensionElements><zeebe:taskDefinition type="score-lead" /></extensionElements></businessRuleTask>""", "businessRuleTask", "score-lead")]
    [InlineData("""<serviceTask id="step" crm:handler="ours" camunda:delegateExpression="${theirs}" />""", "serviceTask", "ours")]
    public void A_task_naming_a_handler_is_an_automatic_step_that_reads_back_the_same(string step, string element, string handler)
    {
        var map = ReadStep(step);

        var point = map.Points.OfType<ServicePoint>().ShouldHaveSingleItem();
        (point.Element, point.Handler).ShouldBe((element, handler));
        var xml = new BpmnExporter().Export(map);
        xml.ShouldContain($"crm:handler=\"{handler}\"");
        RoundTrip([map]).ShouldMeanTheSameAs([map with { Diagram = AutoLayout.Create(map) }]);
    }

    [Fact]
    public void Retries_and_timeout_come_from_our_attributes_or_camundas_retry_cycle()
    {
        var ours = ReadStep("""<serviceTask id="step" crm:handler="h" crm:retries="R5/PT10M" crm:timeout="PT30S" />""").Points.OfType<ServicePoint>().Single();
        var camunda = ReadStep("""<serviceTask id="step" camunda:class="a.H"><extensionElements><camunda:failedJobRetryTimeCycle>R2/PT1M</camunda:failedJobRetryTimeCycle></extensionElements></serviceTask>""")
            .Points.OfType<ServicePoint>().Single();

        (ours.Retries, ours.Timeout).ShouldBe(("R5/PT10M", "PT30S"));
        RetryCycle.Of(ours).ShouldBe(new RetryCycle(5, TimeSpan.FromMinutes(10)));
        camunda.Retries.ShouldBe("R2/PT1M");
        new BpmnExporter().Export(ReadStep("""<serviceTask id="step" camunda:class="a.H"><extensionElements><camunda:failedJobRetryTimeCycle>R2/PT1M</camunda:failedJobRetryTimeCycle></extensionElements></serviceTask>"""))
            .ShouldContain("<camunda:failedJobRetryTimeCycle>R2/PT1M</camunda:failedJobRetryTimeCycle>");
    }

    [Theory]
    [InlineData("""<serviceTask id="step" camunda:expression="${mailer.send(execution)}" />""")]
    [InlineData("""<businessRuleTask id="step" camunda:decisionRef="approve" />""")]
    [InlineData("""<serviceTask id="step"><extensionElements><zeebe:taskDefinition type="=&quot;dyn&quot;" /></extensionElements></serviceTask>""")]
    [InlineData("""<serviceTask id="step" crm:handler="h"><multiInstanceLoopCharacteristics /></serviceTask>""")]
    public void A_task_naming_no_handler_or_looping_is_kept_and_refuses_publishing(string step)
    {
        var map = ReadStep(step.Replace("crm:handler=\"h\"", "camunda:class=\"a.H\"", StringComparison.Ordinal));

        map.Points.OfType<KeptPoint>().ShouldHaveSingleItem();
        new RouteMapValidator().Validate(map, new ValidationContext(new JintExpressionEvaluator(new ExpressionLimits()), _ => null))
            .ShouldContain(p => p.Code == "point.not-run-yet" && p.IsError);
    }

    [Theory]
    [InlineData("", null, null, "service.handler-missing")]
    [InlineData("send-offer", "R3", null, "service.retries")]
    [InlineData("send-offer", "R500/PT1M", null, "service.retries")]
    [InlineData("send-offer", null, "PT0S", "service.timeout")]
    [InlineData("unknown", null, null, "service.handler-unknown")]
    public void Validation_names_what_is_wrong_with_a_step(string handler, string? retries, string? timeout, string code)
    {
        var map = new RouteMap
        {
            Key = "p",
            Points = [new StartPoint { Id = "s" }, new ServicePoint { Id = "step", Handler = handler, Retries = retries, Timeout = timeout }, new EndPoint { Id = "e" }],
            Flows = [new Flow { Id = "f1", SourceId = "s", TargetId = "step" }, new Flow { Id = "f2", SourceId = "step", TargetId = "e" }],
        };
        var context = new ValidationContext(new JintExpressionEvaluator(new ExpressionLimits()), _ => null) { RegisteredHandlers = new HashSet<string> { "send-offer" } };

        new RouteMapValidator().Validate(map, context).Select(p => p.Code).ShouldBe([code]);
    }
}
