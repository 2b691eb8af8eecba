using CrmBpm.Engine.Bpmn;

namespace CrmBpm.Engine.Tests.Bpmn;

/// <summary>
/// A point or flow has one shape or edge in a diagram. Two made the drawing ambiguous — the map kept both, the exporter wrote
/// both, and the file read back with the other one first, so the drawing changed on every round trip (found by
/// <see cref="Fuzzing_the_importer"/>). Such a diagram is refused, naming the element and the second shape's line.
/// </summary>
public sealed class Refusing_a_point_drawn_twice
{
    private static string File(string drawings) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI">
          <bpmn:process id="p">
            <bpmn:startEvent id="start" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f" sourceRef="start" targetRef="end" />
          </bpmn:process>
          <bpmndi:BPMNDiagram id="d">
            <bpmndi:BPMNPlane id="pl" bpmnElement="p">
              {drawings}
            </bpmndi:BPMNPlane>
          </bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """;

    [Fact]
    public void A_point_with_two_shapes_is_refused()
    {
        var xml = File("""
            <bpmndi:BPMNShape id="s1" bpmnElement="start"><dc:Bounds x="0" y="0" width="36" height="36" /></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="s2" bpmnElement="start"><dc:Bounds x="0" y="0" width="36" height="3636" /></bpmndi:BPMNShape>
            """);

        var problem = Should.Throw<BpmnImportException>(() => new BpmnImporter().ImportXml(xml)).Problems.ShouldHaveSingleItem();

        problem.ElementId.ShouldBe("start");
        problem.Message.ShouldContain("twice");
        problem.Line.ShouldBe(11);
    }

    [Fact]
    public void A_flow_with_two_edges_is_refused()
    {
        var xml = File("""
            <bpmndi:BPMNEdge id="e1" bpmnElement="f"><di:waypoint x="36" y="18" /><di:waypoint x="100" y="18" /></bpmndi:BPMNEdge>
            <bpmndi:BPMNEdge id="e2" bpmnElement="f"><di:waypoint x="36" y="18" /></bpmndi:BPMNEdge>
            """);

        var problem = Should.Throw<BpmnImportException>(() => new BpmnImporter().ImportXml(xml)).Problems.ShouldHaveSingleItem();

        problem.ElementId.ShouldBe("f");
        problem.Message.ShouldContain("twice");
    }
}
