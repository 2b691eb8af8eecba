using System.Xml;
using System.Xml.Linq;
using CrmBpm.Engine.Definitions;
using static CrmBpm.Engine.Bpmn.BpmnNamespaces;

namespace CrmBpm.Engine.Bpmn;

/// <summary>Shared state of one import: problems, source locations and the helpers every element reader uses.</summary>
internal sealed class BpmnReadContext(BpmnImportOptions options)
{
    /// <summary>BPMN's <c>default</c> attribute: on a gateway or an activity, the flow taken when no other one is.</summary>
    public static readonly XName DefaultFlow = "default";

    private static readonly XName XsiType = XsiNs + "type";
    private readonly Dictionary<XElement, Scope?> _scopes = [];
    private readonly Dictionary<string, (int Line, string MapKey)> _fileIds = new(StringComparer.Ordinal);
    private int _foreignItems;
    private bool _foreignLimitReported;

    public BpmnImportOptions Options { get; } = options;

    public List<BpmnProblem> Problems { get; } = [];

    public Dictionary<(string MapKey, string ElementId), SourceLocation> Locations { get; } = [];

    /// <summary>The loss report: what is kept but does not run, and what the import decided for the reader.</summary>
    public List<BpmnNote> Notes { get; } = [];

    public static SourceLocation Where(XObject node) =>
        node is IXmlLineInfo info && info.HasLineInfo() ? new(info.LineNumber, info.LinePosition) : default;

    /// <summary>True for an element of the BPMN model namespace; files that forgot the namespace are read as BPMN too.</summary>
    public static bool IsBpmn(XElement element, string localName) =>
        element.Name.LocalName == localName && (element.Name.Namespace == BpmnNs || element.Name.Namespace == XNamespace.None);

    public static bool IsBpmnNamespace(XNamespace ns) => ns == BpmnNs || ns == XNamespace.None;

    public static IEnumerable<XElement> BpmnChildren(XElement element, string localName) =>
        element.Elements().Where(e => IsBpmn(e, localName));

    public static string? Id(XElement element) => (string?)element.Attribute("id");

    /// <summary>How an element is named in messages: <c>serviceTask 'Activity_1' (line 12)</c>.</summary>
    public static string Describe(XElement element)
    {
        var id = Id(element);
        var line = Where(element).Line;
        return $"<{element.Name.LocalName}>" + (id is null ? "" : $" '{id}'") + $" (line {line})";
    }

    public void Problem(XObject node, string? elementId, string message)
    {
        var at = Where(node);
        Problems.Add(new(at.Line, at.Column, elementId, message));
    }

    /// <summary>
    /// Records that a point or flow of process <paramref name="mapKey"/> has <paramref name="id"/>; the same id in another
    /// process of the file is a problem naming both lines (BPMN ids are unique per file, and modelers refuse such files).
    /// </summary>
    public void ClaimId(XElement element, string id, string mapKey)
    {
        if (_fileIds.TryGetValue(id, out var first))
        {
            if (first.MapKey != mapKey)
            {
                Problem(element, id, $"{Describe(element)} has the id '{id}', which line {first.Line} already gives an element of process '{first.MapKey}'; ids must be unique in a file.");
            }

            return;
        }

        _fileIds[id] = (Where(element).Line, mapKey);
    }

    /// <summary>The process being read, so that notes say which map they are about; null between processes.</summary>
    public string? CurrentMapKey { get; set; }

    public void Note(XObject node, string? elementId, BpmnNoteSeverity severity, string kind, string subject, string subjectPlural, string verdict) =>
        Notes.Add(new(severity, kind, subject, subjectPlural, verdict, Where(node).Line, elementId) { MapKey = CurrentMapKey });

    /// <summary>Attribute value, trimmed; null when absent or blank.</summary>
    public static string? Text(XElement element, XName name)
    {
        var value = ((string?)element.Attribute(name))?.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    public bool? Bool(XElement element, XName name, string? elementId)
    {
        var text = Text(element, name);
        if (text is null)
        {
            return null;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        Problem(element.Attribute(name)!, elementId, $"{Describe(element)}: '{name.LocalName}' must be true or false, not '{text}'.");
        return null;
    }

    /// <summary>
    /// Attributes that are neither interpreted (<paramref name="known"/>) nor namespace declarations. Unknown
    /// <c>crm:</c> attributes are reported (a typo must not vanish); everything else is kept.
    /// </summary>
    /// <remarks>
    /// <paramref name="understood"/> names attributes of another engine that the reader has read the meaning of and keeps
    /// as written (so that engine reads the export the same way): kept, but no loss-report note.
    /// </remarks>
    public IReadOnlyList<ForeignAttribute> ForeignAttributes(XElement element, string? elementId, Func<XName, bool> known, Func<XName, bool>? understood = null)
    {
        var result = new List<ForeignAttribute>();
        foreach (var attribute in element.Attributes())
        {
            if (attribute.IsNamespaceDeclaration || known(attribute.Name) || attribute.Name == XsiType)
            {
                continue;
            }

            if (attribute.Name.Namespace == CrmNs)
            {
                Problem(attribute, elementId, $"{Describe(element)} has the attribute crm:{attribute.Name.LocalName}, which CrmBpm does not know here.");
                continue;
            }

            if (!CountForeign(attribute, elementId))
            {
                break;
            }

            var ns = attribute.Name.NamespaceName;
            var prefix = ns.Length == 0 ? null : PrefixOf(element, ns);
            result.Add(new(ns, attribute.Name.LocalName, attribute.Value, prefix));
            if (understood?.Invoke(attribute.Name) != true)
            {
                NoteEngineExtension(attribute, elementId, attribute.Name, prefix, "attribute");
            }
        }

        return result;
    }

    /// <summary>
    /// Children of <c>bpmn:extensionElements</c>: <paramref name="interpret"/> takes those it understands; unknown
    /// <c>crm:</c> ones are reported; the rest are kept as raw XML. <paramref name="understood"/> names kept children whose
    /// meaning the reader has read (kept as written, without a loss-report note).
    /// </summary>
    public IReadOnlyList<string> ForeignExtensionElements(XElement element, string? elementId, Func<XElement, bool> interpret, Func<XElement, bool>? understood = null)
    {
        var result = new List<string>();
        foreach (var child in BpmnChildren(element, "extensionElements").SelectMany(e => e.Elements()))
        {
            if (interpret(child))
            {
                continue;
            }

            if (child.Name.Namespace == CrmNs)
            {
                Problem(child, elementId, $"{Describe(element)} has the extension element crm:{child.Name.LocalName}, which CrmBpm does not know here.");
                continue;
            }

            if (!CountForeign(child, elementId))
            {
                break;
            }

            result.Add(Canonical(child));
            if (understood?.Invoke(child) != true)
            {
                NoteEngineExtension(child, elementId, child.Name, PrefixOf(element, child.Name.NamespaceName), "element");
            }
        }

        return result;
    }

    /// <summary>
    /// What another engine would execute (a Camunda listener, a Flowable form property, an async flag) is kept and written
    /// back, but CrmBpm does not run it: a warning in the loss report, grouped by name.
    /// </summary>
    private void NoteEngineExtension(XObject node, string? elementId, XName name, string? prefix, string what)
    {
        if (!EngineNamespaces.Contains(name.NamespaceName))
        {
            return;
        }

        var qualified = (prefix ?? EngineNamespaceNames[name.NamespaceName]) + ":" + name.LocalName;
        var (one, many) = FriendlyNames.TryGetValue(name.LocalName, out var friendly)
            ? ($"{friendly.One} ({qualified})", $"{friendly.Many} ({qualified})")
            : ($"{qualified} {what}", $"{qualified} {what}s");
        Note(node, elementId, BpmnNoteSeverity.Warning, qualified, one, many, "kept, but will not run");
    }

    private static readonly Dictionary<string, string> EngineNamespaceNames = new(StringComparer.Ordinal)
    {
        [Camunda] = "camunda",
        [Zeebe] = "zeebe",
        [Activiti] = "activiti",
        [Flowable] = "flowable",
    };

    private static readonly HashSet<string> EngineNamespaces = [.. EngineNamespaceNames.Keys];

    private static readonly Dictionary<string, (string One, string Many)> FriendlyNames = new(StringComparer.Ordinal)
    {
        ["taskListener"] = ("task listener", "task listeners"),
        ["executionListener"] = ("execution listener", "execution listeners"),
        ["inputOutput"] = ("input/output mapping", "input/output mappings"),
        ["formKey"] = ("form of another tool", "forms of another tool"),
        ["asyncBefore"] = ("asynchronous continuation", "asynchronous continuations"),
        ["asyncAfter"] = ("asynchronous continuation", "asynchronous continuations"),
        ["class"] = ("Java class", "Java classes"),
        ["expression"] = ("expression of another engine", "expressions of another engine"),
        ["delegateExpression"] = ("delegate expression", "delegate expressions"),
        ["formProperty"] = ("form property", "form properties"),
        ["properties"] = ("property list", "property lists"),
    };

    /// <summary>
    /// The element as self-contained XML with its namespace declarations first, whatever ancestor declared them, so that
    /// the same content always gives the same text (it is compared in round trips).
    /// </summary>
    internal string Canonical(XElement element)
    {
        var copy = CopyWithoutDeclarations(element);
        // Each namespace with the prefix the file gives it where it is first used (a child may declare its own).
        var declarations = element.DescendantsAndSelf()
            .SelectMany(e => e.Attributes().Where(a => !a.IsNamespaceDeclaration).Select(a => (Ns: a.Name.Namespace, At: e)).Prepend((Ns: e.Name.Namespace, At: e)))
            .Where(use => use.Ns != XNamespace.None && use.Ns != XNamespace.Xml)
            .DistinctBy(use => use.Ns)
            .Select(use => (use.Ns == BpmnNs ? "bpmn" : PrefixOf(use.At, use.Ns.NamespaceName) ?? PrefixOf(element, use.Ns.NamespaceName)) is { } prefix
                ? new XAttribute(XNamespace.Xmlns + prefix, use.Ns.NamespaceName)
                : new XAttribute("xmlns", use.Ns.NamespaceName))
            .DistinctBy(a => a.Name)
            .ToList();
        copy.ReplaceAttributes([.. declarations, .. copy.Attributes()]);
        // BPMN content is always written with the bpmn: prefix (as the exporter does), also in xsi:type values such as
        // "bpmn2:tLaneSet", so that the text is the same whichever prefix the file used. An unprefixed value such as
        // "tFormalExpression" is in the file's default namespace, which the copy no longer declares: it gets the prefix too
        // (bpmn-js could not read the condition of a kept event written without it).
        foreach (var type in copy.DescendantsAndSelf().Attributes(XsiType).ToList())
        {
            var colon = type.Value.IndexOf(':', StringComparison.Ordinal);
            if (colon != 0 && type.Parent is { } owner && FindSource(element, copy, owner) is { } source &&
                (colon > 0 ? source.GetNamespaceOfPrefix(type.Value[..colon]) : source.GetDefaultNamespace()) == BpmnNs)
            {
                type.Value = "bpmn:" + type.Value[(colon + 1)..];
            }
        }

        return copy.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>The element of the original tree whose copy is <paramref name="copied"/> (same path of child indexes).</summary>
    private static XElement? FindSource(XElement original, XElement copyRoot, XElement copied)
    {
        var path = new Stack<int>();
        for (var at = copied; at != copyRoot; at = at.Parent!)
        {
            path.Push(at.ElementsBeforeSelf().Count());
        }

        var source = original;
        while (path.TryPop(out var index))
        {
            source = source.Elements().ElementAtOrDefault(index);
            if (source is null)
            {
                return null;
            }
        }

        return source;
    }

    /// <summary>
    /// A copy of <paramref name="element"/> without namespace declarations, made with an explicit stack: XElement's
    /// copy constructor recurses once per level, and foreign XML is the one place a file decides how deep we go.
    /// </summary>
    private static XElement CopyWithoutDeclarations(XElement element)
    {
        static XElement Shallow(XElement source) =>
            new(source.Name, source.Attributes().Where(a => !a.IsNamespaceDeclaration).Select(a => new XAttribute(a)));

        var root = Shallow(element);
        var stack = new Stack<(XElement Source, XElement Copy)>();
        stack.Push((element, root));
        while (stack.TryPop(out var pair))
        {
            foreach (var node in pair.Source.Nodes())
            {
                if (node is XElement child)
                {
                    var copy = Shallow(child);
                    pair.Copy.Add(copy);
                    stack.Push((child, copy));
                }
                else
                {
                    pair.Copy.Add(node); // text, CDATA, comments and processing instructions are cloned on Add
                }
            }
        }

        return root;
    }

    /// <summary>
    /// Counts one kept foreign attribute or element against <see cref="BpmnImportOptions.MaxForeignItems"/>; false (with one
    /// problem for the whole file) beyond it. Everything kept is written back on export, so the limit bounds that cost too.
    /// </summary>
    private bool CountForeign(XObject node, string? elementId)
    {
        if (++_foreignItems <= Options.MaxForeignItems)
        {
            return true;
        }

        if (!_foreignLimitReported)
        {
            _foreignLimitReported = true;
            Problem(node, elementId,
                $"The file holds more than {Options.MaxForeignItems:N0} attributes and extension elements of other tools; the limit is BpmnImportOptions.MaxForeignItems. This is the first one over it.");
        }

        return false;
    }

    /// <summary>
    /// The prefix declared for <paramref name="ns"/> nearest to <paramref name="element"/>, like XElement.GetPrefixOfNamespace,
    /// but each element's declarations are indexed once: that method scans every attribute of every ancestor on each call.
    /// </summary>
    private string? PrefixOf(XElement element, string ns)
    {
        if (ns == XNamespace.Xml.NamespaceName)
        {
            return "xml";
        }

        for (var scope = ScopeOf(element); scope is not null; scope = scope.Parent)
        {
            if (scope.Prefixes.TryGetValue(ns, out var prefix))
            {
                return prefix;
            }
        }

        return null;
    }

    private Scope? ScopeOf(XElement element)
    {
        if (_scopes.TryGetValue(element, out var known))
        {
            return known;
        }

        // Ancestors first, without recursion; elements that declare nothing share their parent's scope.
        var path = new Stack<XElement>();
        for (var at = element; at is not null && !_scopes.ContainsKey(at); at = at.Parent)
        {
            path.Push(at);
        }

        Scope? scope = null;
        while (path.TryPop(out var at))
        {
            scope = at.Parent is { } parent ? _scopes[parent] : null;
            var declared = at.Attributes().Where(a => a.IsNamespaceDeclaration && a.Name.Namespace == XNamespace.Xmlns).ToList();
            if (declared.Count > 0)
            {
                var prefixes = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var declaration in declared)
                {
                    prefixes.TryAdd(declaration.Value, declaration.Name.LocalName);
                }

                scope = new Scope(prefixes, scope);
            }

            _scopes[at] = scope;
        }

        return scope;
    }

    private sealed record Scope(Dictionary<string, string> Prefixes, Scope? Parent);

    public static string? Documentation(XElement element)
    {
        var parts = BpmnChildren(element, "documentation").Select(d => d.Value).ToList();
        return parts.Count == 0 ? null : string.Join("\n", parts);
    }

    public static ForeignBpmn? Foreign(IReadOnlyList<ForeignAttribute> attributes, IReadOnlyList<string> elements, string? documentation = null, IReadOnlyList<string>? kept = null)
    {
        var foreign = new ForeignBpmn { Attributes = attributes, ExtensionElements = elements, Documentation = documentation, Elements = kept ?? [] };
        return foreign.IsEmpty ? null : foreign;
    }

    /// <summary>
    /// BPMN children of a point kept as XML and written back, never a reason to refuse: those that describe data, not
    /// behaviour, and the standard resource roles (<see cref="IsResourceRole"/>), which are not read but reported.
    /// </summary>
    public static bool IsKeptChild(XElement child) =>
        IsBpmnNamespace(child.Name.Namespace)
        && (child.Name.LocalName is "dataInputAssociation" or "dataOutputAssociation" or "ioSpecification" or "property" || IsResourceRole(child));

    /// <summary>
    /// BPMN's own way of naming who does an activity (<c>potentialOwner</c>, <c>humanPerformer</c>, <c>performer</c> with a
    /// resourceAssignmentExpression), as the MIWG files and Camunda's engine tests write it beside or instead of an engine's
    /// attributes: its expression language is the tool's own, so it is kept as written and reported, not read.
    /// </summary>
    private static bool IsResourceRole(XElement child) =>
        IsBpmnNamespace(child.Name.Namespace)
        && child.Name.LocalName is "potentialOwner" or "humanPerformer" or "performer"
        && child.Parent?.Name.LocalName is { } parent
        && (parent.EndsWith("Task", StringComparison.Ordinal) || parent is "task" or "callActivity" or "subProcess" or "transaction" or "adHocSubProcess");

    /// <summary>
    /// The kept children of <paramref name="element"/> (see <see cref="IsKeptChild"/>, and those <paramref name="alsoKeep"/>
    /// takes) as self-contained XML, in document order.
    /// </summary>
    public IReadOnlyList<string> KeptChildren(XElement element, string? elementId, Func<XElement, bool>? alsoKeep = null)
    {
        var result = new List<string>();
        foreach (var child in element.Elements().Where(c => IsKeptChild(c) || (alsoKeep?.Invoke(c) ?? false)))
        {
            if (!CountForeign(child, elementId))
            {
                break;
            }

            if (IsResourceRole(child))
            {
                Note(child, elementId, BpmnNoteSeverity.Warning, child.Name.LocalName, $"standard BPMN performer ({child.Name.LocalName})",
                    $"standard BPMN performers ({child.Name.LocalName})",
                    "kept as written, but not read: give the performer as crm:performerUser / crm:performerRole (or camunda:assignee / camunda:candidateGroups)");
            }

            result.Add(Canonical(child));
        }

        return result;
    }

    /// <summary>Camunda and other JUEL-style tools wrap expressions as <c>${...}</c> or <c>#{...}</c>; the inside is the expression.</summary>
    public static string? Unwrap(string? expression)
    {
        var text = expression?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if ((text.StartsWith("${", StringComparison.Ordinal) || text.StartsWith("#{", StringComparison.Ordinal)) && text.EndsWith('}'))
        {
            text = text[2..^1].Trim();
        }

        return text.Length == 0 ? null : text;
    }

    /// <summary>
    /// A condition as written, blanks around trimmed: <c>${…}</c> and <c>#{…}</c> stay, because they say the condition is
    /// JUEL, and so does Zeebe's leading <c>=</c>, which says it is FEEL (each evaluated with its language's rules, and
    /// written back unchanged on export); any other text is JavaScript.
    /// </summary>
    public static string? KeptCondition(string? expression)
    {
        var text = expression?.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    /// <summary>Reports every child of <paramref name="element"/> that none of the readers took.</summary>
    public void ReportUnexpectedChildren(XElement element, string? elementId, Func<XElement, bool> expected)
    {
        foreach (var child in element.Elements())
        {
            if (IsBpmn(child, "documentation") || IsBpmn(child, "extensionElements") || IsBpmn(child, "incoming") || IsBpmn(child, "outgoing") || IsKeptChild(child) || expected(child))
            {
                continue;
            }

            Problem(child, elementId, $"{Describe(element)} contains <{child.Name.LocalName}>, which CrmBpm does not support{Hints.For(child.Name.LocalName)}.");
        }
    }
}
