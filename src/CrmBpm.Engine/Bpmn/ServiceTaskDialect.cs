using System.Text.RegularExpressions;
using System.Xml.Linq;
using static CrmBpm.Engine.Bpmn.BpmnNamespaces;
using static CrmBpm.Engine.Bpmn.BpmnReadContext;

namespace CrmBpm.Engine.Bpmn;

/// <summary>
/// The handler name other engines give a service, send or business-rule task, read as the name a CrmBpm handler is
/// registered under: Camunda 7's <c>camunda:delegateExpression="${sendOffer}"</c> (the bean, <c>sendOffer</c>),
/// <c>camunda:class</c> (the simple class name, <c>SendOfferDelegate</c>), an external task's <c>camunda:topic</c>
/// (<c>camunda:type="external"</c>), the same attributes of Flowable and Activiti, and Zeebe's
/// <c>zeebe:taskDefinition type</c>. What is read is kept as written, so the other engine reads the export the same way.
/// An expression (<c>camunda:expression</c>, <c>${bean.method()}</c>) or a FEEL type names no handler: the task is kept.
/// </summary>
internal static partial class ServiceTaskDialect
{
    private static readonly XNamespace[] JavaDialects = [CamundaNs, FlowableNs, ActivitiNs];
    internal static readonly XName ZeebeTaskDefinition = ZeebeNs + "taskDefinition";
    internal static readonly XName CamundaRetryCycle = CamundaNs + "failedJobRetryTimeCycle";

    /// <summary>The handler name the element's dialect gives, or null.</summary>
    public static string? HandlerName(XElement element)
    {
        foreach (var ns in JavaDialects)
        {
            var type = Text(element, ns + "type");
            if (type == "external")
            {
                return Text(element, ns + "topic");
            }

            if (type is not null)
            {
                continue; // Flowable's built-in http, mail, shell… tasks are not handlers
            }

            if (Text(element, ns + "delegateExpression") is { } expression && BeanName().Match(expression) is { Success: true } bean)
            {
                return bean.Groups[1].Value;
            }

            if (Text(element, ns + "class") is { } className && ClassName().IsMatch(className))
            {
                return className[(className.LastIndexOf('.') + 1)..];
            }
        }

        var definition = BpmnChildren(element, "extensionElements").Elements(ZeebeTaskDefinition).FirstOrDefault();
        return definition is not null && Text(definition, "type") is { } zeebeType && !zeebeType.StartsWith('=') ? zeebeType : null;
    }

    /// <summary>True when the task is Camunda's (Flowable's, Activiti's) external task: <c>type="external"</c>, worked by an external worker.</summary>
    public static bool IsExternal(XElement element) => JavaDialects.Any(ns => Text(element, ns + "type") == "external");

    /// <summary>True for the attributes <see cref="HandlerName"/> reads (kept as written, without a loss-report note).</summary>
    public static bool IsHandlerAttribute(XName name) =>
        JavaDialects.Contains(name.Namespace) && name.LocalName is "type" or "topic" or "delegateExpression" or "class";

    /// <summary>Camunda's retry cycle (<c>camunda:failedJobRetryTimeCycle</c>, e.g. <c>R3/PT5M</c>) in the extension elements, or null.</summary>
    public static string? RetryCycle(XElement element) =>
        BpmnChildren(element, "extensionElements").Elements(CamundaRetryCycle).Select(e => e.Value.Trim()).FirstOrDefault(v => v.Length > 0);

    [GeneratedRegex(@"^\s*[$#]\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\s*$")]
    private static partial Regex BeanName();

    [GeneratedRegex(@"^[A-Za-z_$][A-Za-z0-9_$]*(\.[A-Za-z_$][A-Za-z0-9_$]*)*$")]
    private static partial Regex ClassName();
}
