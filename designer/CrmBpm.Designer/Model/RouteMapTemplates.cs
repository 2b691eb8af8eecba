using System.Security;
using CrmBpm.Designer.Localization;

namespace CrmBpm.Designer.Model;

/// <summary>Documents a designer starts from.</summary>
public static class RouteMapTemplates
{
    /// <summary>
    /// A new route map: one Start point, ready for the consultant to draw on. The Start point, and the map when
    /// <paramref name="name"/> is not given, are named in the current UI culture ("Start" / "Старт").
    /// </summary>
    public static string Blank(string key = "new-route-map", string? name = null) =>
        Blank(key, name ?? DesignerText.L("designer.new-map"), DesignerText.L("kind.start"));

    private static string Blank(string key, string name, string startName) =>
        $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:crm="https://crmbpm.dev/schema/bpmn" id="Definitions_1" targetNamespace="https://crmbpm.dev/schema/bpmn">
          <bpmn:process id="{SecurityElement.Escape(key)}" name="{SecurityElement.Escape(name)}" isExecutable="true">
            <bpmn:startEvent id="Start" name="{SecurityElement.Escape(startName)}" />
          </bpmn:process>
          <bpmndi:BPMNDiagram id="{SecurityElement.Escape(key)}_diagram">
            <bpmndi:BPMNPlane id="{SecurityElement.Escape(key)}_plane" bpmnElement="{SecurityElement.Escape(key)}">
              <bpmndi:BPMNShape id="Start_di" bpmnElement="Start">
                <dc:Bounds x="180" y="160" width="36" height="36" />
                <bpmndi:BPMNLabel><dc:Bounds x="186" y="203" width="25" height="14" /></bpmndi:BPMNLabel>
              </bpmndi:BPMNShape>
            </bpmndi:BPMNPlane>
          </bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """;
}
