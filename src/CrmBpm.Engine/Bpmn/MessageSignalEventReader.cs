using System.Xml.Linq;
using CrmBpm.Engine.Definitions;
using static CrmBpm.Engine.Bpmn.BpmnNamespaces;
using static CrmBpm.Engine.Bpmn.BpmnReadContext;

namespace CrmBpm.Engine.Bpmn;

/// <summary>
/// Reads the message and signal events the engine runs: an intermediate catch event or a <c>receiveTask</c> waiting for a
/// message (<see cref="MessageWaitPoint"/>), an intermediate catch of a signal (<see cref="SignalWaitPoint"/>), an intermediate
/// throw of a signal (<see cref="SignalThrowPoint"/>), and message or signal boundary events. A definition names its message
/// or signal by reference (<c>messageRef</c> to a root <c>&lt;message id name&gt;</c>, <c>signalRef</c> to a <c>&lt;signal&gt;</c>);
/// the name is what a correlation or a broadcast matches. The correlation key is <c>crm:correlationKey</c>, or Zeebe's
/// <c>zeebe:subscription correlationKey="=orderId"</c> (FEEL). A definition carrying anything else is left kept.
/// </summary>
internal sealed class MessageSignalEventReader(BpmnReadContext context, XElement element)
{
    private static readonly XName CorrelationKeyAttribute = CrmNs + "correlationKey";

    /// <summary>True when the element is a message or signal event (or a receive task) the engine runs.</summary>
    public static bool Applies(XElement element)
    {
        if (IsBpmn(element, "receiveTask"))
        {
            return !element.Elements().Any(c => TimerEventReader.IsEventDefinition(c) || IsBpmn(c, "standardLoopCharacteristics") || IsBpmn(c, "multiInstanceLoopCharacteristics"))
                && (string?)element.Attribute("instantiate") is null or "false";
        }

        if (element.Elements().Where(TimerEventReader.IsEventDefinition).ToList() is not [var definition] || !IsPlain(definition))
        {
            return false;
        }

        return element.Name.LocalName switch
        {
            "intermediateCatchEvent" or "boundaryEvent" => IsBpmn(definition, "messageEventDefinition") || IsBpmn(definition, "signalEventDefinition"),
            "intermediateThrowEvent" => IsBpmn(definition, "signalEventDefinition"),
            _ => false,
        } && IsBpmnNamespace(element.Name.Namespace);
    }

    /// <summary>A definition with nothing but an id and its reference: one the engine can write back as it read it.</summary>
    internal static bool IsPlain(XElement definition) =>
        !definition.HasElements && definition.Attributes().All(a => a.IsNamespaceDeclaration || a.Name == "id" || a.Name == "messageRef" || a.Name == "signalRef");

    /// <summary>The message (or signal) a definition references, by its name (its id when it has no name); "" when it references none.</summary>
    internal static string ReferencedName(XElement definition, string refAttribute, string rootElement) =>
        (string?)definition.Attribute(refAttribute) is { Length: > 0 } reference
            ? definition.Document?.Root?.Elements().FirstOrDefault(e => IsBpmn(e, rootElement) && Id(e) == reference) is { } declared
                ? (string?)declared.Attribute("name") is { Length: > 0 } name ? name : reference
                : ""
            : "";

    /// <summary>
    /// True for a <c>receiveTask</c> with <c>instantiate="true"</c> that starts its process: nothing leads into it (no incoming
    /// flow in its process or sub-process), it does not loop and holds no event definition. It reads as a message start
    /// (<see cref="StartPoint.IsReceiveTask"/>); one with a flow leading into it stays kept and is refused by name.
    /// </summary>
    public static bool StartsTheProcess(XElement element) =>
        IsBpmn(element, "receiveTask") && (string?)element.Attribute("instantiate") == "true" && Id(element) is { } id
        && !element.Elements().Any(c => TimerEventReader.IsEventDefinition(c) || IsBpmn(c, "standardLoopCharacteristics") || IsBpmn(c, "multiInstanceLoopCharacteristics") || IsBpmn(c, "incoming"))
        && element.Parent?.Elements().Any(f => IsBpmn(f, "sequenceFlow") && (string?)f.Attribute("targetRef") == id) == false;

    /// <summary>Reads a receive task that starts its process (see <see cref="StartsTheProcess"/>) as a message start.</summary>
    public StartPoint? ReadInstantiatingReceiveTask()
    {
        var id = Id(element)!;
        var attributes = context.ForeignAttributes(element, id, n => n == "id" || n == "name" || n == "messageRef" || n == "instantiate");
        var extensions = context.ForeignExtensionElements(element, id, _ => false);
        var kept = context.KeptChildren(element, id, c => !IsBpmn(c, "documentation") && !IsBpmn(c, "extensionElements") && !IsBpmn(c, "incoming") && !IsBpmn(c, "outgoing"));
        context.Note(element, id, BpmnNoteSeverity.Info, "message:receiveTask-instantiate", "receive task that starts the process (instantiate)",
            "receive tasks that start the process (instantiate)", "starts the map on its message, as a message start does");
        return new StartPoint
        {
            Id = id,
            Name = (string?)element.Attribute("name") ?? "",
            MessageName = ReferencedName(element, "messageRef", "message"),
            IsReceiveTask = true,
            Foreign = Foreign(attributes, extensions, Documentation(element), kept),
        };
    }

    public Point? Read()
    {
        var id = Id(element);
        if (id is null)
        {
            context.Problem(element, null, $"{Describe(element)} has no id.");
            return null;
        }

        var isReceiveTask = IsBpmn(element, "receiveTask");
        var definition = element.Elements().FirstOrDefault(TimerEventReader.IsEventDefinition);
        var isSignal = definition is not null && IsBpmn(definition, "signalEventDefinition");
        var isBoundary = IsBpmn(element, "boundaryEvent");
        var attributes = context.ForeignAttributes(element, id, n => n == "id" || n == "name" || n == CorrelationKeyAttribute
            || (isBoundary && (n == "attachedToRef" || n == "cancelActivity")) || (isReceiveTask && (n == "messageRef" || n == "instantiate")));
        string? zeebeKey = null;
        var extensions = context.ForeignExtensionElements(element, id, x =>
        {
            if (x.Name != ZeebeNs + "subscription" || x.HasElements || x.Attributes().Any(a => !a.IsNamespaceDeclaration && a.Name != "correlationKey"))
            {
                return false;
            }

            zeebeKey = (string?)x.Attribute("correlationKey");
            return true;
        });
        var kept = context.KeptChildren(element, id, c => !IsBpmn(c, "documentation") && !IsBpmn(c, "extensionElements") && !IsBpmn(c, "incoming") && !IsBpmn(c, "outgoing") && c != definition);
        var foreign = Foreign(attributes, extensions, Documentation(element), kept);
        var name = (string?)element.Attribute("name") ?? "";
        var correlationKey = Text(element, CorrelationKeyAttribute) ?? Unwrap(zeebeKey);
        var eventName = isReceiveTask
            ? ReferencedName(element, "messageRef", "message")
            : isSignal ? ReferencedName(definition!, "signalRef", "signal") : ReferencedName(definition!, "messageRef", "message");
        var interrupting = isBoundary ? context.Bool(element, "cancelActivity", id) ?? true : true;
        var (kind, point) = (element.Name.LocalName, isSignal) switch
        {
            ("boundaryEvent", true) => ("signal:boundaryEvent", (Point)new BoundarySignalPoint
            {
                Id = id, Name = name, AttachedToId = Text(element, "attachedToRef") ?? "", CancelsActivity = interrupting, SignalName = eventName, Foreign = foreign,
            }),
            ("boundaryEvent", false) => ("message:boundaryEvent", new BoundaryMessagePoint
            {
                Id = id, Name = name, AttachedToId = Text(element, "attachedToRef") ?? "", CancelsActivity = interrupting, MessageName = eventName, CorrelationKey = correlationKey, Foreign = foreign,
            }),
            ("intermediateThrowEvent", _) => ("signal:intermediateThrowEvent", new SignalThrowPoint { Id = id, Name = name, SignalName = eventName, Foreign = foreign }),
            (_, true) => ("signal:intermediateCatchEvent", new SignalWaitPoint { Id = id, Name = name, SignalName = eventName, Foreign = foreign }),
            _ => (isReceiveTask ? "message:receiveTask" : "message:intermediateCatchEvent", new MessageWaitPoint
            {
                Id = id, Name = name, MessageName = eventName, CorrelationKey = correlationKey, IsReceiveTask = isReceiveTask, Foreign = foreign,
            }),
        };
        var subject = $"{point.KindName.ToLowerInvariant()} ({element.Name.LocalName})";
        context.Note(element, id, BpmnNoteSeverity.Info, kind, subject, subject, isSignal ? "runs with the signal's broadcast" : "runs with the message's correlation");
        return point;
    }
}
