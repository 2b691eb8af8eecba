using System.Xml.Linq;
using CrmBpm.Engine.Definitions;
using static CrmBpm.Engine.Bpmn.BpmnReadContext;

namespace CrmBpm.Engine.Bpmn;

/// <summary>
/// Reads an <c>inclusiveGateway</c> into an <see cref="InclusivePoint"/>: it splits by the conditions of its outgoing flows
/// and joins by waiting for every token that can still arrive; <c>default</c> names the flow taken when no condition holds.
/// Everything else on it (another engine's attributes and extensions, such as Camunda's async flags) is kept and written back.
/// </summary>
internal sealed class InclusiveGatewayReader(BpmnReadContext context, XElement element)
{
    /// <summary>True for an inclusive gateway.</summary>
    public static bool Applies(XElement element) => IsBpmn(element, "inclusiveGateway");

    public InclusivePoint? Read()
    {
        var id = Id(element);
        if (id is null)
        {
            context.Problem(element, null, $"{Describe(element)} has no id.");
            return null;
        }

        var attributes = context.ForeignAttributes(element, id, n => n == "id" || n == "name" || n == DefaultFlow);
        var extensions = context.ForeignExtensionElements(element, id, _ => false);
        var kept = context.KeptChildren(element, id);
        context.ReportUnexpectedChildren(element, id, _ => false);
        return new InclusivePoint
        {
            Id = id,
            Name = (string?)element.Attribute("name") ?? "",
            DefaultFlowId = Text(element, DefaultFlow),
            Foreign = Foreign(attributes, extensions, Documentation(element), kept),
        };
    }
}
