using System.Xml.Linq;
using CrmBpm.Engine.Definitions;
using static CrmBpm.Engine.Bpmn.BpmnNamespaces;
using static CrmBpm.Engine.Bpmn.BpmnReadContext;

namespace CrmBpm.Engine.Bpmn;

/// <summary>
/// Reads a <c>scriptTask</c> written in JavaScript with its script inline into a script step; its result variable from
/// <c>crm:resultVariable</c>, or else from Camunda's, Flowable's or Activiti's <c>resultVariable</c> (kept as written while it
/// says the same; Camunda's is written again by the export anyway). A script in another language (Groovy, Python, JUEL) or
/// in an external resource stays a kept point that does not run.
/// </summary>
internal sealed class ScriptTaskReader(BpmnReadContext context, XElement element)
{
    internal static readonly XName ResultVariable = CrmNs + "resultVariable";
    private static readonly XNamespace[] Dialects = [CamundaNs, FlowableNs, ActivitiNs];

    /// <summary>True for a scriptTask this reader runs: JavaScript, an inline script, no loop.</summary>
    public static bool Applies(XElement element) =>
        IsBpmn(element, "scriptTask")
        && ScriptPoint.JavaScriptFormats.Contains(Text(element, "scriptFormat") ?? "")
        && BpmnChildren(element, "script").Any(s => s.Value.Trim().Length > 0)
        && !element.Elements().Any(c => IsBpmn(c, "standardLoopCharacteristics") || IsBpmn(c, "multiInstanceLoopCharacteristics"))
        && Dialects.All(ns => element.Attribute(ns + "resource") is null);

    public ScriptPoint? Read()
    {
        var id = Id(element);
        if (id is null)
        {
            context.Problem(element, null, $"{Describe(element)} has no id.");
            return null;
        }

        var ours = Text(element, ResultVariable);
        var theirs = Dialects.Select(ns => element.Attribute(ns + "resultVariable")).OfType<XAttribute>().ToList();
        var result = ours ?? theirs.Select(a => a.Value.Trim()).FirstOrDefault(v => v.Length > 0);
        var attributes = context.ForeignAttributes(element, id,
            // Camunda's the export writes again is not kept twice; another that no longer says the same is stale.
            known: n => n == "id" || n == "name" || n == "scriptFormat" || n == DefaultFlow || n == ResultVariable
                || (n.LocalName == "resultVariable" && Dialects.Contains(n.Namespace) && ((string?)element.Attribute(n))?.Trim() is var value
                    && (value != result || n.Namespace == CamundaNs)),
            understood: n => n.LocalName == "resultVariable" && Dialects.Contains(n.Namespace));
        var extensions = context.ForeignExtensionElements(element, id, _ => false);
        var kept = context.KeptChildren(element, id, c => !IsBpmn(c, "documentation") && !IsBpmn(c, "extensionElements") && !IsBpmn(c, "incoming")
            && !IsBpmn(c, "outgoing") && !IsBpmn(c, "script"));
        return new ScriptPoint
        {
            Id = id,
            Name = (string?)element.Attribute("name") ?? "",
            Script = BpmnChildren(element, "script").First().Value.Trim(),
            ScriptFormat = Text(element, "scriptFormat")!,
            ResultVariable = result,
            DefaultFlowId = Text(element, DefaultFlow),
            Foreign = Foreign(attributes, extensions, Documentation(element), kept),
        };
    }
}
