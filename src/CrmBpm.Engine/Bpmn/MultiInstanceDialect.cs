using System.Xml.Linq;
using CrmBpm.Engine.Definitions;
using static CrmBpm.Engine.Bpmn.BpmnNamespaces;
using static CrmBpm.Engine.Bpmn.BpmnReadContext;

namespace CrmBpm.Engine.Bpmn;

/// <summary>
/// A <c>bpmn:multiInstanceLoopCharacteristics</c> as the modelers write it: BPMN's own <c>isSequential</c>,
/// <c>loopCardinality</c> and <c>completionCondition</c>; the list and item variable as <c>crm:</c> attributes, or Camunda's,
/// Flowable's and Activiti's <c>collection</c>/<c>elementVariable</c> (a variable name or <c>${…}</c>), or Zeebe's
/// <c>zeebe:loopCharacteristics</c> (<c>inputCollection="=items"</c>, <c>inputElement</c>, <c>outputCollection</c>,
/// <c>outputElement</c>). Export writes the <c>crm:</c> attributes, BPMN's elements, and Camunda's attributes (or Zeebe's
/// element when an expression is FEEL), so each engine reads the same loop.
/// </summary>
internal static class MultiInstanceDialect
{
    internal static readonly XName Collection = CrmNs + "collection";
    internal static readonly XName ElementVariable = CrmNs + "elementVariable";
    internal static readonly XName ResultCollection = CrmNs + "resultCollection";
    internal static readonly XName ResultElement = CrmNs + "resultElement";
    internal static readonly XName ZeebeLoop = ZeebeNs + "loopCharacteristics";

    /// <summary>Camunda, Flowable and Activiti name a multi-instance's list and item variable the same way.</summary>
    private static readonly XNamespace[] Dialects = [CamundaNs, FlowableNs, ActivitiNs];

    private static readonly HashSet<XName> CrmAttributes = [Collection, ElementVariable, ResultCollection, ResultElement];

    /// <summary>The loop of <paramref name="activity"/>, if it has a multi-instance one.</summary>
    public static XElement? LoopOf(XElement activity) => BpmnChildren(activity, "multiInstanceLoopCharacteristics").FirstOrDefault();

    /// <summary>
    /// Whether a loop another tool wrote (no <c>crm:</c> attribute) runs here: it says its items (a list or a count) and
    /// nothing this engine does not read (Flowable's collection handler class, BPMN's data inputs, a complex behaviour…).
    /// A loop that does not is kept whole with its activity instead of refusing the file.
    /// </summary>
    public static bool Runs(XElement loop)
    {
        if (loop.Attributes().Any(a => a.Name.Namespace == CrmNs))
        {
            return true;
        }

        var zeebe = ZeebeElement(loop);
        return (DialectCollection(loop) is not null || Text(zeebe, "inputCollection") is not null || LoopCardinality(loop) is not null)
            && !loop.Attributes().Any(a => !a.IsNamespaceDeclaration && !IsKnownAttribute(a))
            && loop.Elements().All(IsKnownChild);
    }

    /// <summary>Reads the loop of <paramref name="activity"/>; null when it has none, or (with import problems) when it cannot be read.</summary>
    public static MultiInstance? Read(BpmnReadContext context, XElement activity, string id)
    {
        if (LoopOf(activity) is not { } loop)
        {
            return null;
        }

        foreach (var attribute in loop.Attributes().Where(a => !a.IsNamespaceDeclaration && !IsKnownAttribute(a)))
        {
            context.Problem(attribute, id, $"{Describe(activity)}: multi-instance attribute '{attribute.Name.LocalName}' is not supported.");
        }

        foreach (var child in loop.Elements().Where(c => !IsKnownChild(c)))
        {
            context.Problem(child, id, $"{Describe(activity)}: <{child.Name.LocalName}> in multi-instance is not supported; name the list with crm:collection or count the runs with loopCardinality.");
        }

        var zeebe = ZeebeElement(loop);
        var collection = Text(loop, Collection) ?? DialectCollection(loop) ?? KeptCondition(Text(zeebe, "inputCollection"));
        var cardinality = LoopCardinality(loop);
        if (collection is null && cardinality is null)
        {
            context.Problem(loop, id, $"{Describe(activity)} is a multi-instance without a list or a count; set crm:collection (or camunda:collection) or loopCardinality.");
            return null;
        }

        var isVariable = collection is not null && IsIdentifier(collection);
        return new MultiInstance
        {
            CollectionVariable = isVariable ? collection : null,
            CollectionExpression = isVariable ? null : collection,
            LoopCardinality = cardinality,
            ElementVariable = Text(loop, ElementVariable) ?? Dialects.Select(ns => Text(loop, ns + "elementVariable")).FirstOrDefault(v => v is not null) ?? Text(zeebe, "inputElement") ?? "item",
            IsSequential = context.Bool(loop, "isSequential", id) ?? false,
            CompletionCondition = KeptCondition(BpmnChildren(loop, "completionCondition").FirstOrDefault()?.Value),
            ResultCollection = Text(loop, ResultCollection) ?? Text(zeebe, "outputCollection"),
            ResultElement = Text(loop, ResultElement) ?? KeptCondition(Text(zeebe, "outputElement")),
        };
    }

    /// <summary>The loop element for <paramref name="multi"/>, with Camunda's or Zeebe's equivalents; tells which namespaces it uses.</summary>
    public static XElement Write(MultiInstance multi, out bool usesCamunda, out bool usesZeebe)
    {
        var collection = multi.CollectionVariable ?? multi.CollectionExpression;
        var loop = new XElement(BpmnNs + "multiInstanceLoopCharacteristics",
            multi.IsSequential ? new XAttribute("isSequential", "true") : null,
            collection is null ? null : new XAttribute(Collection, collection),
            new XAttribute(ElementVariable, multi.ElementVariable),
            multi.ResultCollection is null ? null : new XAttribute(ResultCollection, multi.ResultCollection),
            multi.ResultElement is null ? null : new XAttribute(ResultElement, multi.ResultElement));
        var feel = new[] { collection, multi.LoopCardinality, multi.CompletionCondition, multi.ResultElement }.Any(e => e?.TrimStart().StartsWith('=') == true);
        usesZeebe = feel;
        usesCamunda = !feel && collection is not null;
        if (usesCamunda)
        {
            // Camunda reads a variable name, or JUEL as ${…}; JavaScript it would not, so it gets the crm: one only.
            var camunda = multi.CollectionVariable ?? (multi.CollectionExpression!.StartsWith("${", StringComparison.Ordinal) ? multi.CollectionExpression : null);
            loop.Add(camunda is null ? null : new XAttribute(CamundaNs + "collection", camunda), new XAttribute(CamundaNs + "elementVariable", multi.ElementVariable));
        }

        if (usesZeebe)
        {
            loop.Add(new XElement(BpmnNs + "extensionElements", new XElement(ZeebeLoop,
                collection is null ? null : new XAttribute("inputCollection", multi.CollectionVariable is null ? collection : "=" + collection),
                new XAttribute("inputElement", multi.ElementVariable),
                multi.ResultCollection is null ? null : new XAttribute("outputCollection", multi.ResultCollection),
                multi.ResultElement is null ? null : new XAttribute("outputElement", multi.ResultElement))));
        }

        if (multi.LoopCardinality is { } cardinality)
        {
            loop.Add(new XElement(BpmnNs + "loopCardinality", new XAttribute(XsiNs + "type", "bpmn:tFormalExpression"), cardinality));
        }

        if (multi.CompletionCondition is { } condition)
        {
            loop.Add(new XElement(BpmnNs + "completionCondition", new XAttribute(XsiNs + "type", "bpmn:tFormalExpression"), condition));
        }

        return loop;
    }

    private static bool IsKnownAttribute(XAttribute attribute) =>
        attribute.Name == "isSequential" || attribute.Name == "id" || CrmAttributes.Contains(attribute.Name)
        || (attribute.Name == "behavior" && attribute.Value == "All")
        || (Dialects.Contains(attribute.Name.Namespace) && attribute.Name.LocalName is "collection" or "elementVariable");

    private static bool IsKnownChild(XElement child) =>
        IsBpmn(child, "loopCardinality") || IsBpmn(child, "completionCondition")
        || (IsBpmn(child, "extensionElements") && child.Elements().All(e => e.Name == ZeebeLoop));

    private static XElement? ZeebeElement(XElement loop) => BpmnChildren(loop, "extensionElements").Elements(ZeebeLoop).FirstOrDefault();

    /// <summary>Camunda's collection: a variable name as written, <c>${name}</c> as the name, other JUEL kept as JUEL.</summary>
    private static string? DialectCollection(XElement loop)
    {
        var written = Dialects.Select(ns => Text(loop, ns + "collection")).FirstOrDefault(v => v is not null)?.Trim();
        return written is null ? null : Unwrap(written) is { } inner && IsIdentifier(inner) ? inner : written;
    }

    private static string? LoopCardinality(XElement loop) => KeptCondition(BpmnChildren(loop, "loopCardinality").FirstOrDefault()?.Value);

    private static string? Text(XElement? element, XName name) => element is null ? null : BpmnReadContext.Text(element, name);

    private static bool IsIdentifier(string text) => Validation.Rules.ActionPropertiesRule.IsIdentifier(text);
}
