using System.Xml.Linq;
using CrmBpm.Engine.Definitions;
using static CrmBpm.Designer.Model.DesignerDocument;

namespace CrmBpm.Designer.Model;

/// <summary>One point or flow of a <see cref="DesignerDocument"/>, with the route-map reading of its XML.</summary>
public sealed class DesignerElement
{
    private readonly DesignerDocument _document;

    internal DesignerElement(DesignerDocument document, XElement xml)
    {
        _document = document;
        Xml = xml;
    }

    /// <summary>The BPMN element.</summary>
    public XElement Xml { get; }

    /// <summary>The element id.</summary>
    public string Id => (string)Xml.Attribute("id")!;

    /// <summary>The name shown on the canvas.</summary>
    public string Name => (string?)Xml.Attribute("name") ?? "";

    /// <summary>How the element is named in the panel: its name, else its id.</summary>
    public string DisplayName => string.IsNullOrWhiteSpace(Name) ? Id : Name;

    /// <summary>What the element is, read as the engine's importer reads it.</summary>
    public PointKind Kind => Xml.Name.LocalName switch
    {
        _ when Xml.Name.Namespace != Bpmn => PointKind.Other,
        "startEvent" => PointKind.Start,
        "endEvent" => PointKind.End,
        "userTask" => PointKind.Action,
        "callActivity" => PointKind.NestedProcess,
        "sequenceFlow" => PointKind.Flow,
        "serviceTask" or "sendTask" or "businessRuleTask" => PointKind.AutomaticStep,
        "scriptTask" => PointKind.Script,
        "intermediateCatchEvent" => EventDefinitionKind switch
        {
            "timer" => PointKind.TimerWait,
            "message" => PointKind.MessageWait,
            "signal" => PointKind.SignalWait,
            "link" => PointKind.LinkCatch,
            _ => PointKind.Other,
        },
        "receiveTask" => PointKind.MessageWait,
        "intermediateThrowEvent" => EventDefinitionKind switch
        {
            "signal" => PointKind.SignalSend,
            "link" => PointKind.LinkThrow,
            "escalation" => PointKind.EscalationThrow,
            _ => PointKind.Other,
        },
        "boundaryEvent" => EventDefinitionKind switch
        {
            "timer" => PointKind.BoundaryTimer,
            "message" => PointKind.BoundaryMessage,
            "signal" => PointKind.BoundarySignal,
            "error" => PointKind.BoundaryError,
            "escalation" => PointKind.BoundaryEscalation,
            _ => PointKind.Other,
        },
        "inclusiveGateway" => PointKind.Inclusive,
        "eventBasedGateway" => PointKind.EventGateway,
        "exclusiveGateway" => Crm("kind") switch
        {
            "condition" => PointKind.Condition,
            "choice" => PointKind.Choice,
            _ => Crm("expression") is not null ? PointKind.Condition : PointKind.Choice,
        },
        "parallelGateway" => Crm("kind") switch
        {
            "split" => PointKind.Split,
            "merge" => PointKind.Merge,
            _ => Incoming.Count() >= 2 ? PointKind.Merge : PointKind.Split,
        },
        _ => PointKind.Other,
    };

    /// <summary>A <c>crm:</c> attribute, or null when absent.</summary>
    public string? Crm(string localName) => (string?)Xml.Attribute(DesignerDocument.Crm + localName);

    /// <summary>A plain (unqualified) attribute, or null when absent.</summary>
    public string? Attribute(string localName) => (string?)Xml.Attribute(localName);

    /// <summary>The text of <c>bpmn:documentation</c> (an Action's description).</summary>
    public string Documentation => string.Concat(Xml.Elements(Bpmn + "documentation").Select(d => d.Value));

    /// <summary>The <c>crm:</c> extension elements with <paramref name="localName"/> (e.g. <c>outcome</c>).</summary>
    public IEnumerable<XElement> Extensions(string localName) =>
        Xml.Elements(Bpmn + "extensionElements").Elements(DesignerDocument.Crm + localName);

    /// <summary>The multi-instance marker of an Action, or null.</summary>
    public XElement? MultiInstance => Xml.Element(Bpmn + "multiInstanceLoopCharacteristics");

    /// <summary>For a timer event: its one event definition when that is a <c>timerEventDefinition</c>, else null.</summary>
    public XElement? TimerEventDefinition =>
        Xml.Elements().Where(e => e.Name.Namespace == Bpmn && e.Name.LocalName.EndsWith("EventDefinition", StringComparison.Ordinal)).ToList() is [var definition]
        && definition.Name == Bpmn + "timerEventDefinition"
            ? definition
            : null;

    /// <summary>For an event: its one event definition (<c>timerEventDefinition</c>, <c>messageEventDefinition</c> …), else null.</summary>
    public XElement? EventDefinition =>
        Xml.Elements().Where(e => e.Name.Namespace == Bpmn && e.Name.LocalName.EndsWith("EventDefinition", StringComparison.Ordinal)).ToList() is [var definition]
            ? definition
            : null;

    /// <summary>What the one event definition is: <c>timer</c>, <c>message</c>, <c>signal</c>, <c>error</c>, <c>terminate</c>…; null for none (or several).</summary>
    public string? EventDefinitionKind => EventDefinition?.Name.LocalName[..^"EventDefinition".Length];

    /// <summary>
    /// For a message event (or receive task): the name of the message it waits for — the <c>bpmn:message</c> its
    /// <c>messageRef</c> points at, as the engine reads it; "" when it names none.
    /// </summary>
    public string MessageName => ReferencedName(Xml.Name.LocalName == "receiveTask" ? Xml : EventDefinition, "messageRef", "message");

    /// <summary>For a signal event: the name of the <c>bpmn:signal</c> its <c>signalRef</c> points at; "" when none.</summary>
    public string SignalName => ReferencedName(EventDefinition, "signalRef", "signal");

    /// <summary>For an error event: the <c>errorCode</c> of the <c>bpmn:error</c> its <c>errorRef</c> points at; "" when none (a boundary catching every error).</summary>
    public string ErrorCode =>
        (string?)EventDefinition?.Attribute("errorRef") is { } reference
        && _document.RootElements("error").FirstOrDefault(e => (string?)e.Attribute("id") == reference) is { } error
            ? (string?)error.Attribute("errorCode") ?? ""
            : "";

    /// <summary>For an escalation event: the <c>escalationCode</c> of the <c>bpmn:escalation</c> its <c>escalationRef</c> points at; "" when none.</summary>
    public string EscalationCode =>
        (string?)EventDefinition?.Attribute("escalationRef") is { } reference
        && _document.RootElements("escalation").FirstOrDefault(e => (string?)e.Attribute("id") == reference) is { } escalation
            ? (string?)escalation.Attribute("escalationCode") ?? ""
            : "";

    /// <summary>For a Go to link or a Link target: the link's name (the <c>linkEventDefinition</c>'s <c>name</c>); "" when none.</summary>
    public string LinkName => (string?)EventDefinition?.Attribute("name") ?? "";

    /// <summary>An attribute of the one event definition (plain, e.g. <c>errorRef</c>, or namespaced, e.g. <c>crm:errorCodeVariable</c>).</summary>
    public string? DefinitionAttribute(XName name) => (string?)EventDefinition?.Attribute(name);

    /// <summary>For a boundary event: BPMN's cancelActivity, true unless written false.</summary>
    public bool Interrupting => !string.Equals(Attribute("cancelActivity"), "false", StringComparison.OrdinalIgnoreCase);

    private string ReferencedName(XElement? holder, string reference, string rootElement) =>
        (string?)holder?.Attribute(reference) is { Length: > 0 } id
            ? _document.RootElements(rootElement).FirstOrDefault(e => (string?)e.Attribute("id") == id) is { } declared
                ? (string?)declared.Attribute("name") is { Length: > 0 } name ? name : id
                : ""
            : "";

    /// <summary>For a timer event: which time it gives (duration when it gives none yet) and the text written there.</summary>
    public (TimerDefinitionKind Kind, string Value) Timer
    {
        get
        {
            var time = TimerEventDefinition?.Elements().FirstOrDefault(e => e.Name.Namespace == Bpmn);
            var kind = time?.Name.LocalName switch
            {
                "timeDate" => TimerDefinitionKind.Date,
                "timeCycle" => TimerDefinitionKind.Cycle,
                _ => TimerDefinitionKind.Duration,
            };
            return (kind, time?.Value.Trim() ?? "");
        }
    }

    /// <summary>For a Script: the JavaScript written in <c>bpmn:script</c>.</summary>
    public string Script => Xml.Element(Bpmn + "script")?.Value ?? "";

    /// <summary>For a flow: the condition expression (a Choice case).</summary>
    public string? Condition => Xml.Element(Bpmn + "conditionExpression")?.Value;

    /// <summary>For a flow: the point it leaves.</summary>
    public DesignerElement? Source => _document.Find(Attribute("sourceRef"));

    /// <summary>For a flow: the point it enters.</summary>
    public DesignerElement? Target => _document.Find(Attribute("targetRef"));

    /// <summary>For a boundary event: the activity on whose edge it sits.</summary>
    public DesignerElement? AttachedTo => _document.Find(Attribute("attachedToRef"));

    /// <summary>For a point: its outgoing flows in document order (the order Choice cases are evaluated in).</summary>
    public IEnumerable<DesignerElement> Outgoing => _document.Elements.Where(e => e.IsFlow && e.Attribute("sourceRef") == Id);

    /// <summary>For a point: its incoming flows in document order.</summary>
    public IEnumerable<DesignerElement> Incoming => _document.Elements.Where(e => e.IsFlow && e.Attribute("targetRef") == Id);

    /// <summary>
    /// A sequence flow, told by its element name alone: <see cref="Kind"/> of a parallel gateway without <c>crm:kind</c> counts
    /// its incoming flows, so finding flows through <see cref="Kind"/> would ask that gateway for its own kind without end.
    /// </summary>
    private bool IsFlow => Xml.Name == Bpmn + "sequenceFlow";
}
