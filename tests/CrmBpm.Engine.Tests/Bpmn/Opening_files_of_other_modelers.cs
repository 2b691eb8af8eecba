using CrmBpm.Engine.Bpmn;
using CrmBpm.Engine.Definitions;
using static CrmBpm.Engine.Tests.Bpmn.BpmnTestFiles;

namespace CrmBpm.Engine.Tests.Bpmn;

/// <summary>What other modelers write and does not change execution opens, is kept and round-trips.</summary>
public sealed class Opening_files_of_other_modelers
{
    private static readonly System.Xml.Linq.XNamespace BpmnModel = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static readonly System.Xml.Linq.XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    private static BpmnImportResult ReadXml(string xml)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml));
        return new BpmnImporter().Read(stream);
    }

    [Fact]
    public void Sequence_flows_without_an_id_get_stable_ids_named_for_their_ends()
    {
        const string xml = """
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">
              <process id="p">
                <startEvent id="s" /><endEvent id="e" />
                <sequenceFlow sourceRef="s" targetRef="e" />
                <sequenceFlow sourceRef="s" targetRef="e" />
              </process>
            </definitions>
            """;

        var first = ReadXml(xml);

        first.Maps[0].Flows.Select(f => f.Id).ShouldBe(["Flow_s_e", "Flow_s_e_2"]);
        ReadXml(xml).Maps[0].Flows.Select(f => f.Id).ShouldBe(["Flow_s_e", "Flow_s_e_2"]);
        first.LossReport.ShouldContain(g => g.Message == "2 sequence flows without an id got a generated id: lines 4, 5");
    }

    [Fact]
    public void An_id_used_in_two_processes_is_refused_naming_both_lines()
    {
        const string xml = """
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">
              <process id="a"><startEvent id="start" /></process>
              <process id="b">
                <startEvent id="start" />
              </process>
            </definitions>
            """;

        var error = Should.Throw<BpmnImportException>(() => ReadXml(xml));

        var problem = error.Problems.ShouldHaveSingleItem();
        problem.Line.ShouldBe(4);
        problem.Message.ShouldContain("which line 2 already gives an element of process 'a'");
    }

    [Fact]
    public void A_user_task_without_a_performer_in_a_lane_goes_to_the_role_named_like_the_lane()
    {
        var result = ReadXml("""
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">
              <process id="p">
                <laneSet id="ls"><lane id="l" name="Sales manager"><flowNodeRef>t</flowNodeRef></lane></laneSet>
                <userTask id="t" />
              </process>
            </definitions>
            """);

        result.Maps[0].Points.OfType<ActionPoint>().ShouldHaveSingleItem().Performer!.Role.ShouldBe("Sales manager");
        RoundTrip(result.Maps)[0].Foreign!.Elements.ShouldHaveSingleItem().ShouldContain("Sales manager");
    }

    [Fact]
    public void Pools_messages_and_annotations_are_kept_and_written_back()
    {
        var result = ReadXml("""
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">
              <collaboration id="c"><participant id="pool" name="Customer" processRef="p" /></collaboration>
              <message id="m" name="Order" />
              <process id="p">
                <startEvent id="s" />
                <textAnnotation id="note"><text>Call within a day</text></textAnnotation>
                <association id="as" sourceRef="s" targetRef="note" />
              </process>
            </definitions>
            """);

        var xml = new BpmnExporter().Export(result.Maps);

        xml.ShouldContain("<bpmn:participant id=\"pool\" name=\"Customer\" processRef=\"p\" />");
        xml.ShouldContain("<bpmn:message id=\"m\" name=\"Order\" />");
        xml.ShouldContain("<bpmn:text>Call within a day</bpmn:text>");
        RoundTrip(result.Maps).ShouldMeanTheSameAs([.. result.Maps.Select(m => m with { Diagram = AutoLayout.Create(m) })]);
    }

    [Fact]
    public void A_type_named_without_a_prefix_in_the_default_namespace_is_written_back_in_the_bpmn_namespace()
    {
        // bpmn-js' own test fixtures write conditions so; written back without a prefix, bpmn-js could not read them.
        var result = ReadXml("""
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
              <process id="p">
                <startEvent id="s" />
                <intermediateCatchEvent id="wait">
                  <conditionalEventDefinition id="when"><condition id="c" xsi:type="tFormalExpression">${ready}</condition></conditionalEventDefinition>
                </intermediateCatchEvent>
                <sequenceFlow id="f" sourceRef="s" targetRef="wait" />
              </process>
            </definitions>
            """);

        var export = System.Xml.Linq.XDocument.Parse(new BpmnExporter().Export(result.Maps));

        var condition = export.Descendants(BpmnModel + "condition").Single();
        var type = (string)condition.Attribute(Xsi + "type")!;
        condition.GetNamespaceOfPrefix(type.Split(':')[0]).ShouldBe(BpmnModel, $"xsi:type=\"{type}\"");
        type.Split(':')[1].ShouldBe("tFormalExpression");
    }

    [Fact]
    public void An_exclusive_gateway_that_only_joins_is_a_pass_through_not_a_choice_with_too_few_flows()
    {
        var result = ReadXml("""
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">
              <process id="p">
                <startEvent id="s" /><parallelGateway id="fork" /><task id="a" /><manualTask id="b" /><exclusiveGateway id="join" /><endEvent id="e" />
                <sequenceFlow id="f1" sourceRef="s" targetRef="fork" />
                <sequenceFlow id="f2" sourceRef="fork" targetRef="a" /><sequenceFlow id="f3" sourceRef="fork" targetRef="b" />
                <sequenceFlow id="f4" sourceRef="a" targetRef="join" /><sequenceFlow id="f5" sourceRef="b" targetRef="join" />
                <sequenceFlow id="f6" sourceRef="join" targetRef="e" />
              </process>
            </definitions>
            """);

        var points = result.Maps[0].Points.OfType<PassThroughPoint>().ToList();

        points.Select(p => (p.Id, p.Element)).ShouldBe([("a", "task"), ("b", "manualTask"), ("join", "exclusiveGateway")]);
        var xml = new BpmnExporter().Export(result.Maps);
        xml.ShouldContain("<bpmn:manualTask id=\"b\">");
        xml.ShouldContain("<bpmn:exclusiveGateway id=\"join\">");
    }

    [Fact]
    public void Two_pools_drawn_in_one_plane_without_ids_round_trip_to_the_same_drawing()
    {
        var result = ReadXml("""
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC">
              <collaboration id="c"><participant id="p1" processRef="a" /><participant id="p2" processRef="b" /></collaboration>
              <process id="a"><startEvent id="s1" /></process>
              <process id="b"><startEvent id="s2" /></process>
              <bpmndi:BPMNDiagram>
                <bpmndi:BPMNPlane bpmnElement="c">
                  <bpmndi:BPMNShape bpmnElement="p1"><dc:Bounds x="0" y="0" width="600" height="200" /></bpmndi:BPMNShape>
                  <bpmndi:BPMNShape bpmnElement="s1"><dc:Bounds x="50" y="80" width="36" height="36" /></bpmndi:BPMNShape>
                  <bpmndi:BPMNShape bpmnElement="p2"><dc:Bounds x="0" y="250" width="600" height="200" /></bpmndi:BPMNShape>
                  <bpmndi:BPMNShape bpmnElement="s2"><dc:Bounds x="50" y="330" width="36" height="36" /></bpmndi:BPMNShape>
                </bpmndi:BPMNPlane>
              </bpmndi:BPMNDiagram>
            </definitions>
            """);

        var xml = new BpmnExporter().Export(result.Maps);

        System.Text.RegularExpressions.Regex.Count(xml, "<bpmndi:BPMNPlane ").ShouldBe(1);
        RoundTrip(result.Maps).ShouldMeanTheSameAs(result.Maps);
    }
}
