using System.Xml.Linq;
using CrmBpm.Engine.Definitions;
using static CrmBpm.Engine.Bpmn.BpmnNamespaces;
using static CrmBpm.Engine.Bpmn.BpmnReadContext;

namespace CrmBpm.Engine.Bpmn;

/// <summary>
/// Reads a boundary timer carrying <c>crm:escalation</c> as a step of its user task's escalation ladder (see
/// <see cref="EscalationWriter"/>), not as a point: it has no flows, and its duration counts from the deadline.
/// </summary>
internal static class EscalationReader
{
    /// <summary>True for a <c>boundaryEvent</c> that is an escalation step.</summary>
    public static bool Applies(XElement element) => IsBpmn(element, "boundaryEvent") && element.Attribute(EscalationWriter.Kind) is not null;

    /// <summary>The step and the id of the task it belongs to; null (with a problem) when it does not read.</summary>
    public static (string AttachedTo, EscalationStep Step)? Read(BpmnReadContext context, XElement element)
    {
        var id = Id(element);
        var kindText = (string?)element.Attribute(EscalationWriter.Kind);
        var known = EscalationWriter.Names.Where(n => n.Value == kindText?.Trim()).Select(n => (EscalationStepKind?)n.Key).FirstOrDefault();
        if (id is null || known is not { } kind)
        {
            context.Problem(element, id, $"{Describe(element)}: crm:escalation must be one of {string.Join(", ", EscalationWriter.Names.Values)}, not '{kindText}'{(id is null ? ", and it needs an id" : "")}.");
            return null;
        }

        var duration = BpmnChildren(element, "timerEventDefinition").SelectMany(d => d.Elements()).FirstOrDefault(c => IsBpmn(c, "timeDuration"))?.Value.Trim();
        return (Text(element, "attachedToRef") ?? "", new EscalationStep
        {
            Id = id,
            Name = (string?)element.Attribute("name") ?? "",
            Kind = kind,
            Duration = duration ?? "",
            Outcome = (string?)element.Attribute(EscalationWriter.Outcome),
        });
    }
}
