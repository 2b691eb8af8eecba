using System.Xml.Linq;
using CrmBpm.Engine.Bpmn;
using CrmBpm.Engine.Definitions;
using CrmBpm.Testing;

namespace CrmBpm.Engine.Tests.Bpmn;

/// <summary>
/// An engine that ignores our crm: attributes (Camunda, Flowable, bpmn-engine) reads a Condition from plain BPMN: the Yes flow
/// carries the expression and the No flow is the gateway's default, so it takes the branch we take. Before, the Yes flow had
/// no condition and such an engine always went Yes.
/// </summary>
public sealed class Exporting_conditions_other_engines_read_the_same
{
    private static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    [Theory]
    [InlineData("customerAgrees === true", "javascript")]
    [InlineData("${customerAgrees}", null)]
    public void The_yes_flow_carries_the_condition_and_the_no_flow_is_the_default(string expression, string? language)
    {
        var map = Agreement(expression);

        var process = XDocument.Parse(new BpmnExporter().Export(map)).Descendants(Bpmn + "process").Single();

        var gateway = process.Elements(Bpmn + "exclusiveGateway").Single();
        ((string?)gateway.Attribute("default")).ShouldBe("no");
        var yes = process.Elements(Bpmn + "sequenceFlow").Single(f => (string?)f.Attribute("id") == "yes");
        var condition = yes.Element(Bpmn + "conditionExpression").ShouldNotBeNull("the Yes flow holds the condition");
        condition.Value.ShouldBe(expression);
        ((string?)condition.Attribute("language")).ShouldBe(language, "JUEL is other engines' default language; JavaScript must say so");
        process.Elements(Bpmn + "sequenceFlow").Single(f => (string?)f.Attribute("id") == "no").Element(Bpmn + "conditionExpression")
            .ShouldBeNull("the No flow is taken by default");
    }

    [Fact]
    public void The_export_reads_back_as_the_same_condition_with_its_flows_unconditioned()
    {
        var map = Agreement("customerAgrees === true");

        var again = new BpmnImporter().ImportXml(new BpmnExporter().Export(map)).ShouldHaveSingleItem();

        again.ShouldMeanTheSameAs(map with { Diagram = AutoLayout.Create(map) });
        again.Flows.ShouldAllBe(f => f.Condition == null);
    }

    [Fact]
    public void Without_any_crm_attribute_the_file_still_reads_as_the_same_condition()
    {
        var xml = XDocument.Parse(new BpmnExporter().Export(Agreement("customerAgrees === true")));
        // What another engine sees: plain BPMN only.
        xml.Descendants().Attributes().Where(a => a.Name.NamespaceName == BpmnNamespaces.Crm).Remove();

        var plain = new BpmnImporter().ImportXml(xml.ToString()).ShouldHaveSingleItem();

        var condition = plain.Points.OfType<ConditionPoint>().ShouldHaveSingleItem();
        condition.Expression.ShouldBe("customerAgrees === true");
        plain.Flows.Single(f => f.Id == "yes").Branch.ShouldBe(ConditionBranch.Yes);
        plain.Flows.Single(f => f.Id == "no").Branch.ShouldBe(ConditionBranch.No);
    }

    private static RouteMap Agreement(string expression) => new MapBuilder("agreement")
        .Start().Condition("agrees", expression).Action("order").End("won").End("lost")
        .Flow("start", "agrees")
        .Add(new Flow { Id = "yes", SourceId = "agrees", TargetId = "order", Branch = ConditionBranch.Yes, Name = "Yes" })
        .Add(new Flow { Id = "no", SourceId = "agrees", TargetId = "lost", Branch = ConditionBranch.No, Name = "No" })
        .Flow("order", "won")
        .Build();
}
