using CrmBpm.Engine.Bpmn;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Tests.Bpmn.Corpus;
using CrmBpm.Engine.Validation;
using static CrmBpm.Engine.Tests.Bpmn.BpmnTestFiles;

namespace CrmBpm.Engine.Tests.Bpmn;

/// <summary>
/// Escalation events are read with the file's <c>&lt;escalation&gt;</c> they name: a throw, an end, a boundary on a sub-process
/// (interrupting or not) and the start of an event sub-process; export writes the escalation and the definitions back and the
/// file reads back the same. An <c>escalationRef</c> naming no escalation stays kept.
/// </summary>
public sealed class Reading_escalation_events
{
    private const string File = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">
          <escalation id="Escalation_late" name="Delivery late" escalationCode="late" />
          <process id="p">
            <startEvent id="s" />
            <subProcess id="check">
              <startEvent id="inner-start" />
              <intermediateThrowEvent id="warn" name="Warn"><escalationEventDefinition id="d1" escalationRef="Escalation_late" /></intermediateThrowEvent>
              <endEvent id="give-up" name="Give up"><escalationEventDefinition /></endEvent>
              <sequenceFlow id="i1" sourceRef="inner-start" targetRef="warn" />
              <sequenceFlow id="i2" sourceRef="warn" targetRef="give-up" />
            </subProcess>
            <boundaryEvent id="on-late" attachedToRef="check" cancelActivity="false"><escalationEventDefinition escalationRef="Escalation_late" /></boundaryEvent>
            <boundaryEvent id="on-any" attachedToRef="check"><escalationEventDefinition /></boundaryEvent>
            <endEvent id="e" />
            <endEvent id="e-late" />
            <endEvent id="e-any" />
            <subProcess id="listen" triggeredByEvent="true">
              <startEvent id="listen-start" isInterrupting="false"><escalationEventDefinition escalationRef="Escalation_late" /></startEvent>
              <endEvent id="listen-end" />
              <sequenceFlow id="l1" sourceRef="listen-start" targetRef="listen-end" />
            </subProcess>
            <sequenceFlow id="f1" sourceRef="s" targetRef="check" />
            <sequenceFlow id="f2" sourceRef="check" targetRef="e" />
            <sequenceFlow id="f3" sourceRef="on-late" targetRef="e-late" />
            <sequenceFlow id="f4" sourceRef="on-any" targetRef="e-any" />
          </process>
        </definitions>
        """;

    private static readonly EscalationDefinition Late = new("Escalation_late", "late", "Delivery late");

    private static IReadOnlyList<ValidationProblem> Validate(RouteMap map) =>
        new RouteMapValidator().Validate(map, new ValidationContext(new ExpressionEvaluator(new ExpressionLimits()), _ => null));

    [Fact]
    public void Throws_ends_boundaries_and_event_sub_process_starts_read_their_escalation_publish_and_read_back_the_same()
    {
        var map = new BpmnImporter().ImportXml(File).ShouldHaveSingleItem();

        map.Points.OfType<EscalationThrowPoint>().ShouldHaveSingleItem().Escalation.ShouldBe(Late);
        map.Points.OfType<EndPoint>().Single(e => e.Id == "give-up").Escalation.ShouldBe(new EscalationDefinition(""));
        var boundaries = map.Points.OfType<BoundaryEscalationPoint>().ToList();
        boundaries.Single(b => b.Id == "on-late").ShouldSatisfyAllConditions(b => b.Escalation.ShouldBe(Late), b => b.CancelsActivity.ShouldBeFalse());
        boundaries.Single(b => b.Id == "on-any").ShouldSatisfyAllConditions(b => b.CatchesAll.ShouldBeTrue(), b => b.CancelsActivity.ShouldBeTrue());
        map.Points.OfType<StartPoint>().Single(s => s.Id == "listen-start").ShouldSatisfyAllConditions(s => s.Escalation.ShouldBe(Late), s => s.Interrupting.ShouldBeFalse());
        Validate(map).Where(p => p.IsError).ShouldBeEmpty();

        var exported = new BpmnExporter().Export(map);
        exported.ShouldContain("""<bpmn:escalation id="Escalation_late" name="Delivery late" escalationCode="late" />""");
        exported.ShouldContain("""<bpmn:escalationEventDefinition escalationRef="Escalation_late" />""");
        RoundTrip([map]).ShouldMeanTheSameAs([map with { Diagram = map.Diagram ?? AutoLayout.Create(map) }]);
    }

    [Fact]
    public void An_escalation_changed_on_the_point_is_written_as_the_point_says()
    {
        var map = new BpmnImporter().ImportXml(File).ShouldHaveSingleItem();
        var changed = map with
        {
            Points = [.. map.Points.Select(p => p is EscalationThrowPoint t ? t with { Escalation = Late with { Code = "very-late" } } : p)],
        };

        var exported = new BpmnExporter().Export(changed);

        exported.ShouldContain("escalationCode=\"very-late\"");
        exported.ShouldNotContain("escalationCode=\"late\"");
    }

    [Fact]
    public void Camunda_s_code_variable_on_a_boundary_is_read_and_written_back_for_both_engines()
    {
        var xml = File.Replace("""<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">""",
                """<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn">""", StringComparison.Ordinal)
            .Replace("""<boundaryEvent id="on-any" attachedToRef="check"><escalationEventDefinition /></boundaryEvent>""",
                """<boundaryEvent id="on-any" attachedToRef="check"><escalationEventDefinition camunda:escalationCodeVariable="why" /></boundaryEvent>""", StringComparison.Ordinal);

        var map = new BpmnImporter().ImportXml(xml).ShouldHaveSingleItem();

        map.Points.OfType<BoundaryEscalationPoint>().Single(b => b.Id == "on-any").CodeVariable.ShouldBe("why");
        new BpmnExporter().Export(map).ShouldContain("crm:escalationCodeVariable=\"why\" camunda:escalationCodeVariable=\"why\"");
        RoundTrip([map]).ShouldMeanTheSameAs([map with { Diagram = map.Diagram ?? AutoLayout.Create(map) }]);
    }

    [Fact]
    public void An_escalation_ref_naming_no_escalation_of_the_file_stays_kept()
    {
        var map = new BpmnImporter().ImportXml(File.Replace("""<intermediateThrowEvent id="warn" name="Warn"><escalationEventDefinition id="d1" escalationRef="Escalation_late" />""",
            """<intermediateThrowEvent id="warn" name="Warn"><escalationEventDefinition id="d1" escalationRef="nowhere" />""", StringComparison.Ordinal)).ShouldHaveSingleItem();

        map.Points.OfType<KeptPoint>().ShouldHaveSingleItem().Id.ShouldBe("warn");
    }

    [Fact]
    public void Flowable_s_escalation_throw_reads_its_code_and_its_catch_event_stays_kept()
    {
        var map = Import(Path.Combine(BpmnCorpus.Folder(), "files", "flowable_flowable-engine__modules_flowable-bpmn-converter_src_test_resources_escalationtest.bpmn")).ShouldHaveSingleItem();

        map.Points.OfType<EscalationThrowPoint>().ShouldHaveSingleItem().Escalation.Code.ShouldBe("secondEscalation");
        map.Points.OfType<KeptPoint>().ShouldHaveSingleItem().Element.ShouldBe("intermediateCatchEvent");
    }
}
