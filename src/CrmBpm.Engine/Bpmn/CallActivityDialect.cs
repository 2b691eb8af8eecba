using System.Text.RegularExpressions;
using System.Xml.Linq;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Expressions.Juel;
using static CrmBpm.Engine.Bpmn.BpmnNamespaces;
using static CrmBpm.Engine.Bpmn.BpmnReadContext;

namespace CrmBpm.Engine.Bpmn;

/// <summary>
/// A call activity's variables and called process as other engines write them: Camunda 7, Flowable and Activiti pass
/// variables with <c>in</c>/<c>out</c> elements (<c>source</c> names a variable, <c>sourceExpression</c> is JUEL), Camunda 8
/// names the called process in <c>zeebe:calledElement processId</c>. Exporting writes Camunda's <c>in</c>/<c>out</c> beside
/// our <c>crm:input</c>/<c>crm:output</c>.
/// </summary>
internal static partial class CallActivityDialect
{
    private static readonly XNamespace[] Dialects = [CamundaNs, FlowableNs, ActivitiNs];
    internal static readonly XName ZeebeCalledElement = ZeebeNs + "calledElement";

    /// <summary>An <c>in</c> or <c>out</c> element of Camunda, Flowable or Activiti.</summary>
    public static bool IsMapping(XElement element) =>
        Dialects.Contains(element.Name.Namespace) && element.Name.LocalName is "in" or "out";

    /// <summary>
    /// The variable mapping an <c>in</c>/<c>out</c> element says, or null when it says something else (all variables, the
    /// business key), which is kept as written. A <c>sourceExpression</c> stays JUEL (<c>${…}</c>), evaluated with JUEL's rules.
    /// </summary>
    public static VariableMapping? Read(XElement mapping)
    {
        var source = Text(mapping, "source") ?? KeptCondition(Text(mapping, "sourceExpression"));
        var target = Text(mapping, "target");
        return source is null || target is null ? null : new VariableMapping(source, target);
    }

    /// <summary>The called process of <c>zeebe:calledElement</c>, unless it is a FEEL expression (then null, and a note).</summary>
    public static string? ZeebeProcessId(BpmnReadContext context, XElement callActivity, string id)
    {
        var called = BpmnChildren(callActivity, "extensionElements").Elements(ZeebeCalledElement).FirstOrDefault();
        var processId = called is null ? null : Text(called, "processId");
        if (processId is null || !processId.StartsWith('='))
        {
            return processId;
        }

        context.Note(called!, id, BpmnNoteSeverity.Warning, "zeebe:calledElement", "called process given by a FEEL expression", "called processes given by FEEL expressions",
            "kept, but not evaluated: name the called process");
        return null;
    }

    /// <summary>Camunda's <c>in</c> (or <c>out</c>) for a mapping: a variable as <c>source</c>, JUEL as <c>sourceExpression</c>; null for JavaScript.</summary>
    public static XElement? Camunda(VariableMapping mapping, bool isInput)
    {
        var name = CamundaNs + (isInput ? "in" : "out");
        return VariablePath().IsMatch(mapping.Source) ? new XElement(name, new XAttribute("source", mapping.Source), new XAttribute("target", mapping.Target))
            : JuelExpressionEvaluator.IsJuel(mapping.Source) ? new XElement(name, new XAttribute("sourceExpression", mapping.Source), new XAttribute("target", mapping.Target))
            : null;
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex VariablePath();
}
