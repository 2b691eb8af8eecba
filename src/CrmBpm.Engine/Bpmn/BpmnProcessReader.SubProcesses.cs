using System.Xml.Linq;
using CrmBpm.Engine.Definitions;
using static CrmBpm.Engine.Bpmn.BpmnNamespaces;
using static CrmBpm.Engine.Bpmn.BpmnReadContext;

namespace CrmBpm.Engine.Bpmn;

/// <summary>
/// Embedded sub-processes and event sub-processes: the <c>subProcess</c> becomes a <see cref="SubProcessPoint"/>, and its
/// flow elements are read like the process's own, into the same map, each standing in it (<see cref="Point.ScopeId"/>,
/// <see cref="Flow.ScopeId"/>). A multi-instance loop this engine reads runs it once per item (<see cref="MultiInstanceDialect"/>);
/// a standard loop, a loop it does not read, a looping event sub-process, a transaction and an ad-hoc sub-process stay kept.
/// </summary>
internal sealed partial class BpmnProcessReader
{
    private readonly Dictionary<string, string> _scopeOf = new(StringComparer.Ordinal);
    private readonly HashSet<string> _eventScopes = new(StringComparer.Ordinal);
    private string? _scope;

    /// <summary>Whether the element being read stands directly in an event sub-process (where starts listen for triggers).</summary>
    private bool InEventSubProcess => _scope is not null && _eventScopes.Contains(_scope);

    /// <summary>
    /// A <c>subProcess</c> runs without loop characteristics, or with a multi-instance loop this engine reads when it is not an
    /// event sub-process (any other loop keeps it, as a looping task is kept).
    /// </summary>
    private static bool RunsAsSubProcess(XElement element) =>
        IsBpmn(element, "subProcess") && !element.Elements().Any(c => IsBpmn(c, "standardLoopCharacteristics"))
        && (MultiInstanceDialect.LoopOf(element) is not { } loop || ((string?)element.Attribute("triggeredByEvent") != "true" && MultiInstanceDialect.Runs(loop)));

    private void ReadSubProcess(XElement element)
    {
        var id = RequireId(element);
        if (id is null)
        {
            return;
        }

        var triggered = context.Bool(element, "triggeredByEvent", id) ?? false;
        var attributes = context.ForeignAttributes(element, id, n => IsName(n) || n == DefaultFlow || n == "triggeredByEvent");
        var extensions = context.ForeignExtensionElements(element, id, _ => false);
        // What an activity holds (I/O, properties) and the sub-process's own artifacts and data are kept on it and written back inside it.
        var kept = context.KeptChildren(element, id, c => KeptRank(c.Name.LocalName) is not null);
        var what = triggered ? "event sub-process (subProcess triggeredByEvent)" : "sub-process (subProcess)";
        context.Note(element, id, BpmnNoteSeverity.Info, triggered ? "subProcess:event" : "subProcess", what, triggered ? "event sub-processes (subProcess triggeredByEvent)" : "sub-processes (subProcess)",
            triggered ? "starts on its start event's trigger while its scope runs" : "runs its inner steps as a child instance sharing the process's variables");
        AddPoint(element, new SubProcessPoint
        {
            Id = id,
            Name = (string?)element.Attribute("name") ?? "",
            TriggeredByEvent = triggered,
            // bpmn-js draws a collapsed sub-process's inside on a plane of its own, kept with the file as it was.
            HasOwnPlane = DrawnOnItsOwnPlane(element, id),
            DefaultFlowId = Text(element, DefaultFlow),
            MultiInstance = triggered ? null : MultiInstanceDialect.Read(context, element, id),
            Foreign = Foreign(attributes, extensions, Documentation(element), kept),
        });

        var outer = _scope;
        _scope = id;
        if (triggered)
        {
            _eventScopes.Add(id);
        }

        foreach (var child in element.Elements().Where(c => !IsBpmn(c, "documentation") && !IsBpmn(c, "extensionElements") && !IsBpmn(c, "incoming") && !IsBpmn(c, "outgoing")
            && !IsBpmn(c, "multiInstanceLoopCharacteristics") && !IsKeptChild(c) && KeptRank(c.Name.LocalName) is null))
        {
            ReadElement(child);
        }

        _scope = outer;
    }

    private static bool DrawnOnItsOwnPlane(XElement element, string id) =>
        element.Document?.Root?.Elements(BpmnDiNs + "BPMNDiagram").Elements(BpmnDiNs + "BPMNPlane").Any(p => Text(p, "bpmnElement") == id) == true;

    /// <summary>An error definition the start of an event sub-process runs: an id and an error of the file, or no error (catches all).</summary>
    private static bool IsPlainErrorDefinition(XElement definition) =>
        IsBpmn(definition, "errorEventDefinition") && !definition.HasElements
        && definition.Attributes().All(a => a.IsNamespaceDeclaration || a.Name == "id" || a.Name == "errorRef")
        && (Text(definition, "errorRef") is not { } reference || ErrorEventReader.FindError(definition, reference) is not null);

    /// <summary>The flows read from index <paramref name="from"/> on stand in the scope being read.</summary>
    private void InScope(int from)
    {
        for (var i = from; _scope is not null && i < _flows.Count; i++)
        {
            _flows[i] = _flows[i] with { ScopeId = _scope };
        }
    }

    /// <summary>Every point read inside a sub-process stands in it (gateways are resolved after reading, so this comes last).</summary>
    private void InScopes()
    {
        if (_scopeOf.Count == 0)
        {
            return;
        }

        for (var i = 0; i < _points.Count; i++)
        {
            if (_scopeOf.TryGetValue(_points[i].Id, out var scope) && _points[i].ScopeId != scope)
            {
                _points[i] = _points[i] with { ScopeId = scope };
            }
        }

        // Flows in the order export writes them (each sub-process's inside, then its scope's own flows), so that a file reads
        // the same before and after a round trip; within a scope their order, which Choices evaluate in, stays as written.
        var ordered = new List<Flow>(_flows.Count);
        var byScope = _flows.ToLookup(f => f.ScopeId ?? "", StringComparer.Ordinal);
        var subProcesses = _points.OfType<SubProcessPoint>().ToLookup(p => p.ScopeId ?? "", StringComparer.Ordinal);
        void Add(string scope)
        {
            foreach (var inner in subProcesses[scope])
            {
                Add(inner.Id);
            }

            ordered.AddRange(byScope[scope]);
        }

        Add("");
        _flows.Clear();
        _flows.AddRange(ordered);
    }
}
