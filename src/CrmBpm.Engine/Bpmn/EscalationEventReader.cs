using System.Xml.Linq;
using CrmBpm.Engine.Definitions;
using static CrmBpm.Engine.Bpmn.BpmnNamespaces;
using static CrmBpm.Engine.Bpmn.BpmnReadContext;

namespace CrmBpm.Engine.Bpmn;

/// <summary>
/// Reads escalation events (not a task's escalation ladder, see <see cref="EscalationReader"/>): an
/// <c>intermediateThrowEvent</c>, <c>endEvent</c> or <c>boundaryEvent</c> whose one event definition is a plain
/// <c>escalationEventDefinition</c> becomes an <see cref="EscalationThrowPoint"/>, an <see cref="EndPoint"/> that escalates, or a
/// <see cref="BoundaryEscalationPoint"/>. The <c>escalationRef</c> is resolved to the file's <c>&lt;escalation id escalationCode
/// name&gt;</c> (kept with the file's other root elements and written back); one naming no escalation of the file, or a definition
/// carrying anything else (but a boundary's code variable), leaves the event kept. The definition's own id is not kept.
/// </summary>
internal sealed class EscalationEventReader(BpmnReadContext context, XElement element)
{
    private static readonly XName[] CodeVariableAttributes = [CrmNs + "escalationCodeVariable", CamundaNs + "escalationCodeVariable"];

    public static bool Applies(XElement element) =>
        (IsBpmn(element, "intermediateThrowEvent") || IsBpmn(element, "endEvent") || IsBpmn(element, "boundaryEvent"))
        && element.Elements().Where(TimerEventReader.IsEventDefinition).ToList() is [var definition]
        && IsPlain(definition, catches: IsBpmn(element, "boundaryEvent"));

    /// <summary>
    /// An <c>escalationEventDefinition</c> with nothing but an id and a reference to an escalation of the file (or none), and, on a
    /// boundary (<paramref name="catches"/>), the variable for the caught code (Camunda's <c>escalationCodeVariable</c>, or ours).
    /// </summary>
    internal static bool IsPlain(XElement definition, bool catches = false) =>
        IsBpmn(definition, "escalationEventDefinition")
        && !definition.HasElements
        && definition.Attributes().All(a => a.IsNamespaceDeclaration || a.Name == "id" || a.Name == "escalationRef" || (catches && CodeVariableAttributes.Contains(a.Name)))
        && (Text(definition, "escalationRef") is not { } reference || FindEscalation(definition, reference) is not null);

    /// <summary>The escalation a plain definition names; one with an empty id when it names none.</summary>
    internal static EscalationDefinition Read(XElement definition) =>
        (Text(definition, "escalationRef") is { } reference ? FindEscalation(definition, reference) : null) ?? new EscalationDefinition("");

    /// <summary>The <c>&lt;escalation&gt;</c> of the file with that id, read; null when the file has none.</summary>
    internal static EscalationDefinition? FindEscalation(XElement inside, string id) =>
        inside.Document?.Root?.Elements().FirstOrDefault(e => IsBpmn(e, "escalation") && Id(e) == id) is { } escalation ? FindEscalationIn(escalation) : null;

    /// <summary>What an <c>&lt;escalation&gt;</c> element says.</summary>
    internal static EscalationDefinition FindEscalationIn(XElement escalation) => new(Id(escalation) ?? "", Text(escalation, "escalationCode"), Text(escalation, "name"));

    public Point? Read()
    {
        var id = Id(element);
        if (id is null)
        {
            context.Problem(element, null, $"{Describe(element)} has no id.");
            return null;
        }

        var definition = BpmnChildren(element, "escalationEventDefinition").Single();
        var escalation = Read(definition);
        var kind = element.Name.LocalName;
        var attributes = context.ForeignAttributes(element, id, n => n == "id" || n == "name"
            || (kind == "endEvent" && n == CrmNs + "result") || (kind == "boundaryEvent" && (n == "attachedToRef" || n == "cancelActivity")));
        var extensions = context.ForeignExtensionElements(element, id, _ => false);
        var kept = context.KeptChildren(element, id, c => !IsBpmn(c, "documentation") && !IsBpmn(c, "extensionElements") && !IsBpmn(c, "incoming") && !IsBpmn(c, "outgoing") && c != definition);
        var foreign = Foreign(attributes, extensions, Documentation(element), kept);
        var name = (string?)element.Attribute("name") ?? "";
        switch (kind)
        {
            case "endEvent":
                context.Note(element, id, BpmnNoteSeverity.Info, "escalation:endEvent", "escalation end event (endEvent)", "escalation end events (endEvent)",
                    "throws its escalation to the sub-process or caller around it, then ends");
                return new EndPoint { Id = id, Name = name, Result = Text(element, CrmNs + "result"), Escalation = escalation, Foreign = foreign };
            case "intermediateThrowEvent":
                context.Note(element, id, BpmnNoteSeverity.Info, "escalation:intermediateThrowEvent", "escalation throw event (intermediateThrowEvent)",
                    "escalation throw events (intermediateThrowEvent)", "throws its escalation to the sub-process or caller around it and goes on");
                return new EscalationThrowPoint { Id = id, Name = name, Escalation = escalation, Foreign = foreign };
            default:
                context.Note(element, id, BpmnNoteSeverity.Info, "escalation:boundaryEvent", "escalation boundary event (boundaryEvent)", "escalation boundary events (boundaryEvent)",
                    "catches an escalation thrown inside its sub-process or called map");
                return new BoundaryEscalationPoint
                {
                    Id = id,
                    Name = name,
                    AttachedToId = Text(element, "attachedToRef") ?? "",
                    CancelsActivity = context.Bool(element, "cancelActivity", id) ?? true,
                    Escalation = escalation.Id.Length == 0 ? null : escalation,
                    CodeVariable = Text(definition, CrmNs + "escalationCodeVariable") ?? Text(definition, CamundaNs + "escalationCodeVariable"),
                    Foreign = foreign,
                };
        }
    }
}
