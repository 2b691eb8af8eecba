using System.Xml.Linq;
using CrmBpm.Engine.Bpmn;
using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Tests.Bpmn;

/// <summary>
/// A call activity's variables and called process as Camunda 7, Flowable and Camunda 8 write them: read into the Nested
/// process's mappings, kept as written while they say the same, and passed to Camunda with camunda:in/out on export.
/// </summary>
public sealed class Reading_the_call_activities_of_other_engines
{
    [Fact]
    public void Flowable_in_and_out_become_mappings_and_stay_for_Flowable_while_Camunda_gets_its_own()
    {
        var map = Import("""
            <bpmn:callActivity id="call" calledElement="child">
              <bpmn:extensionElements>
                <flowable:in source="amount" target="value" />
                <flowable:in sourceExpression="${amount * 2}" target="doubled" />
                <flowable:out source="result" target="answer" />
              </bpmn:extensionElements>
            </bpmn:callActivity>
            """);

        var call = (NestedProcessPoint)map.FindPoint("call")!;
        call.Inputs.ShouldBe([new VariableMapping("amount", "value"), new VariableMapping("${amount * 2}", "doubled")]);
        call.Outputs.ShouldBe([new VariableMapping("result", "answer")]);
        call.Foreign!.ExtensionElements.Count.ShouldBe(3);

        var xml = new BpmnExporter().Export(map);
        var extensions = XDocument.Parse(xml).Descendants(XName.Get("callActivity", BpmnNamespaces.Model)).Single().Descendants().ToList();
        extensions.Count(e => e.Name == XName.Get("in", BpmnNamespaces.Camunda)).ShouldBe(2);
        xml.ShouldContain("<camunda:in sourceExpression=\"${amount * 2}\" target=\"doubled\" />");
        xml.ShouldContain("<camunda:out source=\"result\" target=\"answer\" />");
        xml.ShouldContain("flowable:in source=\"amount\" target=\"value\"");

        var again = (NestedProcessPoint)new BpmnImporter().ImportXml(xml).Single().FindPoint("call")!;
        again.Inputs.ShouldBe(call.Inputs);
        again.Outputs.ShouldBe(call.Outputs);
        again.Foreign!.ExtensionElements.ShouldBe(call.Foreign.ExtensionElements, "Camunda's own are written again, not kept twice");
    }

    [Fact]
    public void Mappings_changed_in_CrmBpm_replace_the_other_engines_instead_of_keeping_stale_ones()
    {
        var map = Import("""
            <bpmn:callActivity id="call" calledElement="child">
              <bpmn:extensionElements><flowable:in source="amount" target="value" /></bpmn:extensionElements>
            </bpmn:callActivity>
            """);
        var xml = new BpmnExporter().Export(map).Replace("<crm:input source=\"amount\" target=\"value\" />", "<crm:input source=\"total\" target=\"value\" />", StringComparison.Ordinal);

        var edited = (NestedProcessPoint)new BpmnImporter().ImportXml(xml).Single().FindPoint("call")!;

        edited.Inputs.ShouldBe([new VariableMapping("total", "value")]);
        edited.Foreign.ShouldBeNull();
    }

    [Fact]
    public void A_Zeebe_called_element_names_the_called_process()
    {
        var map = Import("""
            <bpmn:callActivity id="call">
              <bpmn:extensionElements><zeebe:calledElement processId="child" propagateAllChildVariables="false" /></bpmn:extensionElements>
            </bpmn:callActivity>
            """);

        ((NestedProcessPoint)map.FindPoint("call")!).CalledMapKey.ShouldBe("child");
        new BpmnExporter().Export(map).ShouldContain("<zeebe:calledElement processId=\"child\" propagateAllChildVariables=\"false\" />");
    }

    private static RouteMap Import(string callActivity) => new BpmnImporter().ImportXml($"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:flowable="http://flowable.org/bpmn"
            xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="t">
          <bpmn:process id="parent" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="call" />
            {callActivity}
            <bpmn:sequenceFlow id="f2" sourceRef="call" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """).Single();
}
