using System.Xml.Linq;
using CrmBpm.Engine.Bpmn;
using CrmBpm.Engine.Definitions;
using static CrmBpm.Engine.Tests.Bpmn.BpmnTestFiles;

namespace CrmBpm.Engine.Tests.Bpmn;

/// <summary>
/// What Camunda 7 sees of an export — the file without a single crm: attribute or element — still says who does each
/// task, what its form asks, which variables a nested process gets and back, which list a task repeats over, and which
/// branch a Condition takes: the shipped samples are read that way here with Camunda's attributes only.
/// </summary>
public sealed class Exporting_what_Camunda_reads_the_same
{
    [Theory]
    [InlineData("typical-sale.bpmn")]
    [InlineData("claim-handling.bpmn")]
    [InlineData("instruction.bpmn")]
    [InlineData("customer-onboarding.bpmn")]
    public void A_sample_without_its_crm_attributes_reads_as_the_same_performers_forms_variables_and_loops(string sample)
    {
        var maps = Import(Sample(sample));
        var xml = XDocument.Parse(new BpmnExporter().Export(maps));
        xml.Descendants().Attributes().Where(a => a.Name.NamespaceName == BpmnNamespaces.Crm).Remove();
        xml.Descendants().Where(e => e.Name.NamespaceName == BpmnNamespaces.Crm).Remove();

        var plain = new BpmnImporter().ImportXml(xml.ToString());

        plain.Count.ShouldBe(maps.Count);
        for (var i = 0; i < maps.Count; i++)
        {
            foreach (var action in maps[i].Points.OfType<ActionPoint>())
            {
                var read = (ActionPoint)plain[i].FindPoint(action.Id)!;
                // Camunda has no addressing objects: the role's whole group is the pool there.
                Plain(read.Performer).ShouldBe(Plain(action.Performer), $"{sample}: performer of {action.Id}");
                FormDialect.Same(read.FormFields, action.FormFields).ShouldBeTrue($"{sample}: form of {action.Id}");
                read.MultiInstance.ShouldBe(action.MultiInstance is null ? null : action.MultiInstance with { ResultCollection = null }, $"{sample}: loop of {action.Id}");
            }

            foreach (var nested in maps[i].Points.OfType<NestedProcessPoint>())
            {
                var read = (NestedProcessPoint)plain[i].FindPoint(nested.Id)!;
                read.CalledMapKey.ShouldBe(nested.CalledMapKey);
                read.Inputs.ShouldBe(nested.Inputs, $"{sample}: inputs of {nested.Id}");
                read.Outputs.ShouldBe(nested.Outputs, $"{sample}: outputs of {nested.Id}");
            }

            foreach (var condition in maps[i].Points.OfType<ConditionPoint>())
            {
                ((ConditionPoint)plain[i].FindPoint(condition.Id)!).Expression.ShouldBe(condition.Expression, $"{sample}: {condition.Id}");
            }
        }
    }

    /// <summary>
    /// A performer as Camunda can say it: no addressing objects (the role's whole group is the pool there), and a variable
    /// read the same whether written <c>performer</c> (JavaScript) or <c>${performer}</c> (JUEL).
    /// </summary>
    private static Performer? Plain(Performer? performer) => performer is null ? null : performer with
    {
        AddressingObject = null,
        UserExpression = Variable(performer.UserExpression),
        RoleExpression = Variable(performer.RoleExpression),
    };

    private static string? Variable(string? expression) =>
        expression is not null && expression.StartsWith("${", StringComparison.Ordinal) && expression.EndsWith('}') ? expression[2..^1] : expression;
}
