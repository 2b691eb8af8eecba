using CrmBpm.Engine.Bpmn;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Validation;
using static CrmBpm.Engine.Tests.Bpmn.BpmnTestFiles;

namespace CrmBpm.Engine.Tests.Bpmn;

/// <summary>
/// Camunda's external task (<c>camunda:type="external" camunda:topic</c>) or <c>crm:external="true"</c> is an external automatic
/// step: its topic is the handler name, no registered handler is asked for, and it reads back the same.
/// </summary>
public sealed class Reading_external_steps
{
    private static RouteMap Read(string task) =>
        new BpmnImporter().ImportXml($"""
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:crm="https://crmbpm.dev/schema/bpmn"
                         xmlns:camunda="http://camunda.org/schema/1.0/bpmn">
              <process id="p">
                <startEvent id="s" />
                {task}
                <endEvent id="e" />
                <sequenceFlow id="f1" sourceRef="s" targetRef="score" />
                <sequenceFlow id="f2" sourceRef="score" targetRef="e" />
              </process>
            </definitions>
            """).ShouldHaveSingleItem();

    [Theory]
    [InlineData("""<serviceTask id="score" camunda:type="external" camunda:topic="scoring" />""", true)]
    [InlineData("""<serviceTask id="score" crm:handler="scoring" crm:external="true" />""", true)]
    [InlineData("""<serviceTask id="score" crm:handler="scoring" />""", false)]
    public void An_external_task_s_topic_is_its_handler_and_it_reads_back_the_same(string task, bool external)
    {
        var map = Read(task);

        var step = map.Points.OfType<ServicePoint>().ShouldHaveSingleItem();
        (step.Handler, step.External).ShouldBe(("scoring", external));
        RoundTrip([map]).ShouldMeanTheSameAs([map with { Diagram = AutoLayout.Create(map) }]);
    }

    [Fact]
    public void An_external_step_needs_no_registered_handler_but_a_dotnet_one_does()
    {
        var context = new ValidationContext(new ExpressionEvaluator(new ExpressionLimits()), _ => null) { RegisteredHandlers = new HashSet<string>() };

        new RouteMapValidator().Validate(Read("""<serviceTask id="score" camunda:type="external" camunda:topic="scoring" />"""), context)
            .Where(p => p.IsError).ShouldBeEmpty();
        new RouteMapValidator().Validate(Read("""<serviceTask id="score" crm:handler="scoring" />"""), context)
            .ShouldContain(p => p.Code == "service.handler-unknown");
    }
}
