using System.Xml.Linq;
using CrmBpm.Engine.Definitions;
using static CrmBpm.Engine.Bpmn.BpmnNamespaces;
using static CrmBpm.Engine.Bpmn.BpmnReadContext;

namespace CrmBpm.Engine.Bpmn;

/// <summary>
/// Reads error events: a <c>boundaryEvent</c> or an <c>endEvent</c> whose one event definition is a plain
/// <c>errorEventDefinition</c> becomes a <see cref="BoundaryErrorPoint"/> or an <see cref="EndPoint"/> that throws. The
/// <c>errorRef</c> is resolved to the file's <c>&lt;error id errorCode name&gt;</c> (kept with the file's other root elements
/// and written back); an <c>errorRef</c> naming no error of the file, or a definition carrying anything else, leaves the
/// event kept so nothing is run differently. Camunda's <c>errorCodeVariable</c> and <c>errorMessageVariable</c> (or ours, in
/// <c>crm:</c>) name the variables a boundary sets. The definition's own id is not kept (nothing refers to it).
/// </summary>
internal sealed class ErrorEventReader(BpmnReadContext context, XElement element)
{
    private static readonly XName[] VariableAttributes =
    [
        CrmNs + "errorCodeVariable", CrmNs + "errorMessageVariable", CamundaNs + "errorCodeVariable", CamundaNs + "errorMessageVariable",
    ];

    public static bool Applies(XElement element) =>
        (IsBpmn(element, "boundaryEvent") || IsBpmn(element, "endEvent"))
        && element.Elements().Where(TimerEventReader.IsEventDefinition).ToList() is [var definition]
        && IsBpmn(definition, "errorEventDefinition")
        && !definition.HasElements
        && definition.Attributes().All(a => a.IsNamespaceDeclaration || a.Name == "id" || a.Name == "errorRef" || (IsBpmn(element, "boundaryEvent") && VariableAttributes.Contains(a.Name)))
        && (Text(definition, "errorRef") is not { } reference || FindError(element, reference) is not null);

    /// <summary>The <c>&lt;error&gt;</c> of the file with that id, read; null when the file has none.</summary>
    internal static ErrorDefinition? FindError(XElement inside, string id) =>
        inside.Document?.Root?.Elements().FirstOrDefault(e => IsBpmn(e, "error") && Id(e) == id) is { } error ? FindErrorIn(error) : null;

    /// <summary>What an <c>&lt;error&gt;</c> element says.</summary>
    internal static ErrorDefinition FindErrorIn(XElement error) => new(Id(error) ?? "", Text(error, "errorCode"), Text(error, "name"));

    public Point? Read()
    {
        var id = Id(element);
        if (id is null)
        {
            context.Problem(element, null, $"{Describe(element)} has no id.");
            return null;
        }

        var definition = BpmnChildren(element, "errorEventDefinition").Single();
        var error = Text(definition, "errorRef") is { } reference ? FindError(element, reference) : null;
        var isEnd = IsBpmn(element, "endEvent");
        // An error boundary always interrupts: a cancelActivity="false" the file says is kept as written and means nothing.
        var attributes = context.ForeignAttributes(element, id, n => n == "id" || n == "name"
            || (isEnd ? n == CrmNs + "result" : n == "attachedToRef" || (n == "cancelActivity" && (string?)element.Attribute("cancelActivity") != "false")));
        var extensions = context.ForeignExtensionElements(element, id, _ => false);
        var kept = context.KeptChildren(element, id, c => !IsBpmn(c, "documentation") && !IsBpmn(c, "extensionElements") && !IsBpmn(c, "incoming") && !IsBpmn(c, "outgoing") && c != definition);
        var foreign = Foreign(attributes, extensions, Documentation(element), kept);
        var name = (string?)element.Attribute("name") ?? "";
        if (isEnd)
        {
            context.Note(element, id, BpmnNoteSeverity.Info, "error:endEvent", "error end event (endEvent)", "error end events (endEvent)",
                "ends a nested process with a business error its caller's error boundary catches");
            return new EndPoint { Id = id, Name = name, Result = Text(element, CrmNs + "result"), Error = error ?? new ErrorDefinition(""), Foreign = foreign };
        }

        context.Note(element, id, BpmnNoteSeverity.Info, "error:boundaryEvent", "error boundary event (boundaryEvent)", "error boundary events (boundaryEvent)",
            "catches a business error of its activity, cancels it and takes its own flow");
        return new BoundaryErrorPoint
        {
            Id = id,
            Name = name,
            AttachedToId = Text(element, "attachedToRef") ?? "",
            Error = error,
            CodeVariable = Text(definition, CrmNs + "errorCodeVariable") ?? Text(definition, CamundaNs + "errorCodeVariable"),
            MessageVariable = Text(definition, CrmNs + "errorMessageVariable") ?? Text(definition, CamundaNs + "errorMessageVariable"),
            Foreign = foreign,
        };
    }
}
