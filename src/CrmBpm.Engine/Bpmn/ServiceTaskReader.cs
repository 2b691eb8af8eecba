using System.Xml.Linq;
using CrmBpm.Engine.Definitions;
using static CrmBpm.Engine.Bpmn.BpmnNamespaces;
using static CrmBpm.Engine.Bpmn.BpmnReadContext;

namespace CrmBpm.Engine.Bpmn;

/// <summary>
/// Reads a <c>serviceTask</c>, <c>sendTask</c> or <c>businessRuleTask</c> that names a handler into an automatic step:
/// <c>crm:handler</c>, <c>crm:retries</c>, <c>crm:timeout</c>, or else the handler and retry cycle another engine gives
/// (<see cref="ServiceTaskDialect"/>). One that names none (a DMN decision, an expression, a connector) stays a kept point.
/// </summary>
internal sealed class ServiceTaskReader(BpmnReadContext context, XElement element)
{
    internal static readonly XName Handler = CrmNs + "handler";
    internal static readonly XName Retries = CrmNs + "retries";
    internal static readonly XName Timeout = CrmNs + "timeout";
    internal static readonly XName External = CrmNs + "external";

    /// <summary>True when the element is one an automatic step is read from: the right kind, no loop, a handler named.</summary>
    public static bool Applies(XElement element) =>
        ServicePoint.Elements.ContainsKey(element.Name.LocalName)
        && !element.Elements().Any(c => IsBpmn(c, "standardLoopCharacteristics") || IsBpmn(c, "multiInstanceLoopCharacteristics"))
        && (Text(element, Handler) ?? ServiceTaskDialect.HandlerName(element)) is not null;

    public ServicePoint? Read()
    {
        var id = Id(element);
        if (id is null)
        {
            context.Problem(element, null, $"{Describe(element)} has no id.");
            return null;
        }

        var handler = Text(element, Handler) ?? ServiceTaskDialect.HandlerName(element)!;
        var attributes = context.ForeignAttributes(element, id,
            known: n => n == "id" || n == "name" || n == DefaultFlow || n == Handler || n == Retries || n == Timeout || n == External,
            understood: ServiceTaskDialect.IsHandlerAttribute);
        var extensions = context.ForeignExtensionElements(element, id, _ => false,
            understood: c => c.Name == ServiceTaskDialect.ZeebeTaskDefinition || c.Name == ServiceTaskDialect.CamundaRetryCycle);
        var kept = context.KeptChildren(element, id, c => !IsBpmn(c, "documentation") && !IsBpmn(c, "extensionElements") && !IsBpmn(c, "incoming") && !IsBpmn(c, "outgoing"));
        var kind = element.Name.LocalName;
        var what = ServicePoint.Elements[kind];
        context.Note(element, id, BpmnNoteSeverity.Info, "service:" + kind, $"{what} naming a handler ({kind})", $"{what}s naming a handler ({kind})",
            "an automatic step: calls the .NET handler registered under that name");
        return new ServicePoint
        {
            Id = id,
            Name = (string?)element.Attribute("name") ?? "",
            Element = kind,
            Handler = handler,
            Retries = Text(element, Retries) ?? ServiceTaskDialect.RetryCycle(element),
            Timeout = Text(element, Timeout),
            External = context.Bool(element, External, id) ?? ServiceTaskDialect.IsExternal(element),
            DefaultFlowId = Text(element, DefaultFlow),
            Foreign = Foreign(attributes, extensions, Documentation(element), kept),
        };
    }
}
