using System.Globalization;

namespace CrmBpm.Designer.Tests;

public sealed class NamingPointsInProblems() : DesignerSpecification(Xml)
{
    private const string Xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:crm="https://crmbpm.dev/schema/bpmn" id="d" targetNamespace="t">
          <bpmn:process id="lead" name="Lead" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="qualify" name="Qualification" crm:performerRole="Sales manager" />
            <bpmn:exclusiveGateway id="Gateway_0z8hxle" crm:kind="choice" />
            <bpmn:userTask id="Activity_1x2y3z" crm:performerRole="Sales manager" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="qualify" />
            <bpmn:sequenceFlow id="f2" sourceRef="qualify" targetRef="Gateway_0z8hxle" />
            <bpmn:sequenceFlow id="Flow_0abc" sourceRef="Gateway_0z8hxle" targetRef="Activity_1x2y3z" />
            <bpmn:sequenceFlow id="Flow_0def" sourceRef="Gateway_0z8hxle" targetRef="end" />
            <bpmn:sequenceFlow id="f3" sourceRef="Activity_1x2y3z" targetRef="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Fact]
    public void No_problem_names_a_point_or_flow_by_its_id_and_an_unnamed_point_is_told_by_what_comes_before_it()
    {
        Designer.WaitForAssertion(() => Designer.FindAll(".crm-problems li").ShouldNotBeEmpty());

        var texts = Designer.FindAll(".crm-problems li").Select(li => li.TextContent).ToList();
        texts.ShouldAllBe(t => !t.Contains("Gateway_0z8hxle") && !t.Contains("Activity_1x2y3z") && !t.Contains("Flow_0"));
        texts.ShouldContain(t => t.Contains("the unnamed choice after 'Qualification'"));
        var marked = (System.Collections.IEnumerable)LastCall("setProblems")[0]!;
        marked.Cast<object>().Select(p => (string)p.GetType().GetProperty("message")!.GetValue(p)!).ShouldAllBe(m => !m.Contains("Gateway_0z8hxle"));
    }

    [Fact]
    public void The_panel_heads_an_unnamed_point_with_where_it_stands_and_a_flow_with_its_ends()
    {
        SelectOnCanvas("Gateway_0z8hxle");
        Designer.Find(".crm-properties-header h2").TextContent.ShouldBe("The unnamed choice after 'Qualification'");

        SelectOnCanvas("Flow_0abc");
        Designer.Find(".crm-properties-header h2").TextContent.ShouldBe("The flow from the choice to the action");

        SelectOnCanvas("qualify");
        Designer.Find(".crm-properties-header h2").TextContent.ShouldBe("Qualification");
    }
}
