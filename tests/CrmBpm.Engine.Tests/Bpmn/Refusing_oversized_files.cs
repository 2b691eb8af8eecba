using System.Text;
using CrmBpm.Engine.Bpmn;
using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Tests.Bpmn;

/// <summary>Files beyond the documented limits are refused with a problem naming the limit and the place; what is allowed stays cheap.</summary>
public sealed class Refusing_oversized_files
{
    private const string Head = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:crm="https://crmbpm.dev/schema/bpmn" xmlns:x="urn:x">
        """;

    private static BpmnImportException Refuse(string xml, BpmnImportOptions? options = null) =>
        Should.Throw<BpmnImportException>(() => new BpmnImporter(options).ImportXml(xml));

    /// <summary>A start, <paramref name="count"/> exclusive gateways each leading to the next by two flows, and an end.</summary>
    private static string GatewayChain(int count)
    {
        var text = new StringBuilder(Head).Append("\n<bpmn:process id=\"p\">\n<bpmn:startEvent id=\"s\" /><bpmn:endEvent id=\"e\" /><bpmn:sequenceFlow id=\"f\" sourceRef=\"s\" targetRef=\"g0\" />\n");
        for (var i = 0; i < count; i++)
        {
            var next = i == count - 1 ? "e" : $"g{i + 1}";
            text.Append($"""<bpmn:exclusiveGateway id="g{i}" default="n{i}" /><bpmn:sequenceFlow id="y{i}" sourceRef="g{i}" targetRef="{next}"><bpmn:conditionExpression>x</bpmn:conditionExpression></bpmn:sequenceFlow><bpmn:sequenceFlow id="n{i}" sourceRef="g{i}" targetRef="{next}" />""").Append('\n');
        }

        return text.Append("</bpmn:process>\n</bpmn:definitions>").ToString();
    }

    [Fact]
    public void A_chain_of_ten_thousand_exclusive_gateways_is_refused_by_the_point_and_flow_limits()
    {
        var problems = Refuse(GatewayChain(10_000)).Problems;

        problems.Count.ShouldBe(2);
        problems[0].Message.ShouldBe("<process> 'p' (line 3) has 10,002 points; the limit is 5,000 (BpmnImportOptions.MaxPointsPerMap). Split it into nested processes.");
        problems[1].Message.ShouldContain("has 20,001 sequence flows; the limit is 10,000 (BpmnImportOptions.MaxFlowsPerMap)");
        problems[0].Line.ShouldBe(3);
    }

    [Fact]
    public void A_chain_of_gateways_within_the_limits_is_read_with_every_gateway_typed()
    {
        var map = new BpmnImporter().ImportXml(GatewayChain(4_998)).ShouldHaveSingleItem();

        map.Points.Count.ShouldBe(5_000);
        map.Points.OfType<ChoicePoint>().Count().ShouldBe(4_998);
        ((ChoicePoint)map.FindPoint("g4997")!).DefaultFlowId.ShouldBe("n4997");
    }

    [Fact]
    public void Three_hundred_thousand_attributes_on_one_element_are_refused_before_parsing()
    {
        var attributes = string.Concat(Enumerable.Range(0, 300_000).Select(i => $" x:a{i}=\"1\""));
        var xml = $"{Head}\n<bpmn:process id=\"p\"><bpmn:startEvent id=\"s\"{attributes} /></bpmn:process></bpmn:definitions>";

        var problem = Refuse(xml).Problems.ShouldHaveSingleItem();

        problem.Message.ShouldBe("An element at line 3 has more than 1,000 attributes (limit BpmnImportOptions.MaxAttributesPerElement); BPMN files never need that.");
        problem.Line.ShouldBe(3);
    }

    [Fact]
    public void Attributes_are_counted_outside_quotes_comments_and_cdata_only()
    {
        var xml = $"""
            {Head}
            <!-- a=1 b=2 c=3 -->
            <bpmn:process id="p" name="a=b=c=d"><bpmn:startEvent id="s"><bpmn:documentation><![CDATA[x=1 y=2 z=3]]></bpmn:documentation></bpmn:startEvent>
            <bpmn:endEvent id="e" /><bpmn:sequenceFlow id="f" sourceRef="s" targetRef="e" /></bpmn:process></bpmn:definitions>
            """;

        // At most three per tag: the definitions' namespace declarations and each flow's id, sourceRef and targetRef.
        new BpmnImporter(new BpmnImportOptions { MaxAttributesPerElement = 3 }).ImportXml(xml).ShouldHaveSingleItem();
        Refuse(xml, new BpmnImportOptions { MaxAttributesPerElement = 2 }).Problems.ShouldHaveSingleItem().Message.ShouldContain("An element at line 2 has more than 2 attributes");
    }

    [Fact]
    public void Foreign_attributes_and_elements_beyond_the_file_limit_are_refused_once_at_the_first_one_over()
    {
        var tasks = string.Concat(Enumerable.Range(0, 30).Select(i =>
            $"<bpmn:userTask id=\"t{i}\" crm:performerUser=\"u\" x:a=\"1\" x:b=\"2\"><bpmn:extensionElements><x:thing /></bpmn:extensionElements></bpmn:userTask>\n"));
        var xml = $"{Head}\n<bpmn:process id=\"p\">\n{tasks}</bpmn:process></bpmn:definitions>";

        var problem = Refuse(xml, new BpmnImportOptions { MaxForeignItems = 50 }).Problems.ShouldHaveSingleItem();

        problem.Message.ShouldContain("more than 50 attributes and extension elements of other tools; the limit is BpmnImportOptions.MaxForeignItems");
        problem.ElementId.ShouldBe("t16");
        new BpmnImporter(new BpmnImportOptions { MaxForeignItems = 90 }).ImportXml(xml).ShouldHaveSingleItem();
    }

    [Fact]
    public void The_default_limits_are_documented_constants()
    {
        var options = new BpmnImportOptions();

        options.MaxDepth.ShouldBe(64);
        options.MaxAttributesPerElement.ShouldBe(1_000);
        options.MaxForeignItems.ShouldBe(20_000);
        options.MaxPointsPerMap.ShouldBe(5_000);
        options.MaxFlowsPerMap.ShouldBe(10_000);
    }
}
