using System.Xml.Linq;
using CrmBpm.Engine.Bpmn;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Tests.Bpmn.Corpus;
using CrmBpm.Engine.Validation;
using static CrmBpm.Engine.Tests.Bpmn.BpmnTestFiles;

namespace CrmBpm.Engine.Tests.Bpmn;

/// <summary>
/// A sub-process with a multi-instance loop, as Camunda's loan-granting example draws one (a score decided per credit score):
/// it reads as a sub-process that runs once per item, publishes, and is written back with its loop where BPMN puts an
/// activity's loop, before the flow elements of its inside. A looping event sub-process stays kept.
/// </summary>
public sealed class Reading_multi_instance_sub_processes
{
    private const string LoanGranting = "camunda_camunda-bpm-examples__spring-boot-starter_external-task-client_loan-granting-spring-boot-webapp_src_main_resources_bpmn_loan-granting.bpmn";

    private static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    private static IReadOnlyList<ValidationProblem> Validate(RouteMap map) =>
        new RouteMapValidator().Validate(map, new ValidationContext(new ExpressionEvaluator(new ExpressionLimits()), _ => null));

    [Fact]
    public void Camunda_s_looping_sub_process_runs_once_per_credit_score_and_keeps_its_loop_before_its_inside()
    {
        var map = Import(Path.Combine(BpmnCorpus.Folder(), "files", LoanGranting)).ShouldHaveSingleItem();

        var decide = map.Points.OfType<SubProcessPoint>().ShouldHaveSingleItem();
        decide.MultiInstance.ShouldBe(new MultiInstance { CollectionVariable = "creditScores", ElementVariable = "score" });
        map.Points.ShouldNotContain(p => p is KeptPoint);
        map.Points.Count(p => p.ScopeId == decide.Id).ShouldBeGreaterThan(3);
        Validate(map).Where(p => p.IsError).ShouldBeEmpty();

        var exported = XDocument.Parse(new BpmnExporter().Export(map));
        var subProcess = exported.Descendants(Bpmn + "subProcess").Single();
        var children = subProcess.Elements().Select(e => e.Name.LocalName).ToList();
        children.ShouldContain("multiInstanceLoopCharacteristics");
        children.IndexOf("multiInstanceLoopCharacteristics").ShouldBeLessThan(children.IndexOf("startEvent"));
        RoundTrip([map]).Single().Points.OfType<SubProcessPoint>().Single().MultiInstance.ShouldBe(decide.MultiInstance);
    }

    [Fact]
    public void A_looping_event_sub_process_is_kept_not_run()
    {
        const string File = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
              <bpmn:process id="p" isExecutable="true">
                <bpmn:startEvent id="start" />
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="end" />
                <bpmn:endEvent id="end" />
                <bpmn:subProcess id="listen" triggeredByEvent="true">
                  <bpmn:multiInstanceLoopCharacteristics camunda:collection="items" camunda:elementVariable="item" />
                  <bpmn:startEvent id="inner-start"><bpmn:signalEventDefinition signalRef="s" /></bpmn:startEvent>
                  <bpmn:sequenceFlow id="f2" sourceRef="inner-start" targetRef="inner-end" />
                  <bpmn:endEvent id="inner-end" />
                </bpmn:subProcess>
              </bpmn:process>
              <bpmn:signal id="s" name="go" />
            </bpmn:definitions>
            """;

        var map = new BpmnImporter().ImportXml(File).ShouldHaveSingleItem();

        map.Points.OfType<SubProcessPoint>().ShouldBeEmpty();
        map.Points.OfType<KeptPoint>().ShouldContain(p => p.Id == "listen");
    }
}
