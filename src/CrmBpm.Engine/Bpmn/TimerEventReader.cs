using System.Xml.Linq;
using CrmBpm.Engine.Definitions;
using static CrmBpm.Engine.Bpmn.BpmnNamespaces;
using static CrmBpm.Engine.Bpmn.BpmnReadContext;

namespace CrmBpm.Engine.Bpmn;

/// <summary>
/// Reads an <c>intermediateCatchEvent</c> whose one event definition is a plain <c>timerEventDefinition</c> into a
/// <see cref="TimerWaitPoint"/>. A definition carrying anything the point would not write back (other attributes or children,
/// an expression in another language, such as Groovy) leaves the event kept, so nothing is dropped silently. Zeebe's FEEL
/// (<c>= "PT1H"</c>, <c>= wait</c>) is an expression and runs.
/// </summary>
internal sealed class TimerEventReader(BpmnReadContext context, XElement element)
{
    private static readonly string[] TimeElements = ["timeDuration", "timeDate", "timeCycle"];

    /// <summary>True when the element is an intermediate catch event the engine runs as a timer wait.</summary>
    public static bool Applies(XElement element) =>
        IsBpmn(element, "intermediateCatchEvent")
        && element.Elements().Where(IsEventDefinition).ToList() is [var definition]
        && IsBpmn(definition, "timerEventDefinition")
        && IsPlain(definition);

    public TimerWaitPoint? Read()
    {
        var id = Id(element);
        if (id is null)
        {
            context.Problem(element, null, $"{Describe(element)} has no id.");
            return null;
        }

        var definition = BpmnChildren(element, "timerEventDefinition").Single();
        var attributes = context.ForeignAttributes(element, id, n => n == "id" || n == "name" || n == ActionReader.WorkingTime);
        var extensions = context.ForeignExtensionElements(element, id, _ => false);
        var kept = context.KeptChildren(element, id, c => !IsBpmn(c, "documentation") && !IsBpmn(c, "extensionElements") && !IsBpmn(c, "incoming") && !IsBpmn(c, "outgoing") && c != definition);
        context.Note(element, id, BpmnNoteSeverity.Info, "timer:intermediateCatchEvent", "intermediate timer event (intermediateCatchEvent)",
            "intermediate timer events (intermediateCatchEvent)", "waits for its time, then the process goes on");
        return new TimerWaitPoint
        {
            Id = id,
            Name = (string?)element.Attribute("name") ?? "",
            Timer = InWorkingTime(context, element, id, ReadDefinition(definition)),
            Foreign = Foreign(attributes, extensions, Documentation(element), kept),
        };
    }

    /// <summary>The timer a <c>timerEventDefinition</c> gives; null when it names no time at all (validation says so).</summary>
    internal static TimerDefinition? ReadDefinition(XElement definition)
    {
        var time = definition.Elements().FirstOrDefault(c => TimeElements.Any(n => IsBpmn(c, n)));
        if (time is null)
        {
            return null;
        }

        return new TimerDefinition
        {
            Kind = time.Name.LocalName switch
            {
                "timeDate" => TimerDefinitionKind.Date,
                "timeCycle" => TimerDefinitionKind.Cycle,
                _ => TimerDefinitionKind.Duration,
            },
            Value = time.Value.Trim(),
            IsJavaScript = IsJavaScript((string?)time.Attribute("language")),
            DefinitionId = Id(definition),
        };
    }

    /// <summary>The timer counted in working time when its event says <c>crm:workingTime="true"</c>.</summary>
    internal static TimerDefinition? InWorkingTime(BpmnReadContext context, XElement element, string id, TimerDefinition? timer) =>
        timer is not null && context.Bool(element, ActionReader.WorkingTime, id) == true ? timer with { InWorkingTime = true } : timer;

    /// <summary>
    /// Only an id, and at most one time element with only a type and a language the engine evaluates: everything else
    /// (a Groovy script, a second time) does not run here and is kept as written. Zeebe's FEEL (<c>= …</c>) runs.
    /// </summary>
    internal static bool IsPlain(XElement definition)
    {
        if (definition.Attributes().Any(a => !a.IsNamespaceDeclaration && a.Name != "id"))
        {
            return false;
        }

        var children = definition.Elements().ToList();
        if (children.Count > 1 || children.Any(c => !TimeElements.Any(n => IsBpmn(c, n))))
        {
            return false;
        }

        return children is not [var time]
            || (!time.HasElements
                && time.Attributes().All(a => a.IsNamespaceDeclaration || a.Name == XsiNs + "type" || (a.Name == "language" && IsJavaScript(a.Value))));
    }

    private static bool IsJavaScript(string? language) =>
        language?.Trim().ToUpperInvariant() is "JAVASCRIPT" or "ECMASCRIPT" or "JS";

    internal static bool IsEventDefinition(XElement element) =>
        IsBpmnNamespace(element.Name.Namespace) && (element.Name.LocalName.EndsWith("EventDefinition", StringComparison.Ordinal) || element.Name.LocalName == "eventDefinitionRef");
}
