using System.Xml.Linq;
using CrmBpm.Engine.Definitions;
using static CrmBpm.Engine.Bpmn.BpmnNamespaces;
using static CrmBpm.Engine.Bpmn.BpmnReadContext;

namespace CrmBpm.Engine.Bpmn;

/// <summary>
/// Reads one <c>bpmn:process</c> into a route map: points by element kind, flows, and the decision
/// between Condition and Choice (see README.md, "Condition or Choice").
/// </summary>
internal sealed partial class BpmnProcessReader(BpmnReadContext context, XElement process)
{
    private readonly List<Point> _points = [];
    private readonly List<(string AttachedTo, EscalationStep Step)> _escalations = [];
    private readonly List<Flow> _flows = [];
    private readonly List<(XElement Element, ExclusiveGatewayInfo Info)> _exclusive = [];
    private readonly List<XElement> _parallel = [];
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal); // not Locations: a point may share the map key's id
    private readonly List<(int Rank, string Xml)> _kept = [];
    private readonly Dictionary<string, string> _laneOf = new(StringComparer.Ordinal);
    private HashSet<string> _writtenIds = new(StringComparer.Ordinal);
    private string _key = "";

    public RouteMap? Read()
    {
        var key = Id(process);
        if (key is null)
        {
            context.Problem(process, null, $"{Describe(process)} has no id; the process id is the route map key.");
            return null;
        }

        _key = key;
        context.Locations[(key, key)] = Where(process);
        if (!WithinLimits(key))
        {
            return null;
        }

        var attributes = context.ForeignAttributes(process, key, n => n == "id" || n == "name" || n == "isExecutable");
        var extensions = context.ForeignExtensionElements(process, key, e => e.Name == StartVariableElement);
        var startVariables = ReadStartVariables(key);
        _writtenIds = [.. process.Descendants().Select(Id).OfType<string>()];
        ReadLanes();

        foreach (var element in process.Elements())
        {
            ReadElement(element);
        }

        ResolveGateways();
        AttachEscalations();
        InScopes();
        return new RouteMap
        {
            Key = key,
            Name = (string?)process.Attribute("name") ?? "",
            StartVariables = startVariables,
            Points = _points,
            Flows = _flows,
            // In BPMN's order (lanes before flow elements, artifacts after), so that export writes them where they belong.
            Foreign = Foreign(attributes, extensions, Documentation(process), [.. _kept.OrderBy(k => k.Rank).Select(k => k.Xml)]),
        };
    }

    /// <summary>Counts points and flows before reading anything, so that an oversized process costs one pass.</summary>
    private bool WithinLimits(string key)
    {
        var flows = 0;
        var points = 0;
        foreach (var element in process.Elements())
        {
            if (IsBpmn(element, "sequenceFlow"))
            {
                flows++;
            }
            else if (!IsBpmn(element, "documentation") && !IsBpmn(element, "extensionElements"))
            {
                points++;
            }
        }

        var options = context.Options;
        if (points > options.MaxPointsPerMap)
        {
            context.Problem(process, key, $"{Describe(process)} has {points:N0} points; the limit is {options.MaxPointsPerMap:N0} (BpmnImportOptions.MaxPointsPerMap). Split it into nested processes.");
        }

        if (flows > options.MaxFlowsPerMap)
        {
            context.Problem(process, key, $"{Describe(process)} has {flows:N0} sequence flows; the limit is {options.MaxFlowsPerMap:N0} (BpmnImportOptions.MaxFlowsPerMap). Split it into nested processes.");
        }

        return points <= options.MaxPointsPerMap && flows <= options.MaxFlowsPerMap;
    }

    private void ReadElement(XElement element)
    {
        if (!IsBpmnNamespace(element.Name.Namespace))
        {
            context.Problem(element, Id(element), $"{Describe(element)} is not a BPMN element and cannot stand inside a process.");
            return;
        }

        if (KeptRank(element.Name.LocalName) is { } rank)
        {
            _kept.Add((rank, context.Canonical(element)));
            return;
        }

        if (ServiceTaskReader.Applies(element))
        {
            AddPoint(element, new ServiceTaskReader(context, element).Read());
            return;
        }

        if (TimerEventReader.Applies(element))
        {
            AddPoint(element, new TimerEventReader(context, element).Read());
            return;
        }

        if (EscalationReader.Applies(element))
        {
            if (EscalationReader.Read(context, element) is { } step)
            {
                _escalations.Add(step);
            }

            return;
        }

        if (BoundaryTimerReader.Applies(element))
        {
            AddPoint(element, new BoundaryTimerReader(context, element).Read());
            return;
        }

        if (InclusiveGatewayReader.Applies(element))
        {
            AddPoint(element, new InclusiveGatewayReader(context, element).Read());
            return;
        }

        if (ErrorEventReader.Applies(element))
        {
            AddPoint(element, new ErrorEventReader(context, element).Read());
            return;
        }

        if (EscalationEventReader.Applies(element))
        {
            AddPoint(element, new EscalationEventReader(context, element).Read());
            return;
        }

        if (IsBpmn(element, "eventBasedGateway") && (string?)element.Attribute("instantiate") is null or "false"
            && (string?)element.Attribute("eventGatewayType") is null or "Exclusive" && RequireId(element) is { } gatewayId)
        {
            // Waits for the first of the catch events it leads to; one that starts instances (instantiate) does not run yet.
            context.Note(element, gatewayId, BpmnNoteSeverity.Info, "eventBasedGateway", "event-based gateway (eventBasedGateway)", "event-based gateways (eventBasedGateway)",
                "waits for the first of the events it leads to");
            AddPoint(element, new EventGatewayPoint
            {
                Id = gatewayId,
                Name = (string?)element.Attribute("name") ?? "",
                Foreign = Foreign(context.ForeignAttributes(element, gatewayId, n => IsName(n) || n == "instantiate" || n == "eventGatewayType" || n == "gatewayDirection"),
                    context.ForeignExtensionElements(element, gatewayId, _ => false), Documentation(element), context.KeptChildren(element, gatewayId)),
            });
            return;
        }

        if (LinkEventReader.Applies(element))
        {
            AddPoint(element, new LinkEventReader(context, element).Read());
            return;
        }

        if (MessageSignalEventReader.StartsTheProcess(element))
        {
            AddPoint(element, new MessageSignalEventReader(context, element).ReadInstantiatingReceiveTask());
            return;
        }

        if (MessageSignalEventReader.Applies(element))
        {
            AddPoint(element, new MessageSignalEventReader(context, element).Read());
            return;
        }

        if (ScriptTaskReader.Applies(element))
        {
            AddPoint(element, new ScriptTaskReader(context, element).Read());
            return;
        }

        if (RunsAsSubProcess(element))
        {
            ReadSubProcess(element);
            return;
        }

        if (DoesNotRunYet(element))
        {
            AddPoint(element, ReadKept(element));
            return;
        }

        switch (element.Name.LocalName)
        {
            case "documentation" or "extensionElements":
                return;
            case "task" or "manualTask":
                AddPoint(element, ReadPassThrough(element));
                return;
            case "startEvent":
                AddPoint(element, ReadEvent<StartPoint>(element));
                return;
            case "endEvent":
                AddPoint(element, ReadEvent<EndPoint>(element));
                return;
            case "userTask":
                AddPoint(element, AddressByLane(element, new ActionReader(context, element).Read()));
                return;
            case "callActivity":
                AddPoint(element, ReadCallActivity(element));
                return;
            case "exclusiveGateway":
                ReadExclusiveGateway(element);
                return;
            case "parallelGateway":
                _parallel.Add(element);
                AddPoint(element, Id(element) is { } parallelId ? new SplitPoint { Id = parallelId } : null); // placeholder, replaced in ResolveGateways
                return;
            case "sequenceFlow":
                var read = _flows.Count;
                ReadFlow(element);
                InScope(read);
                return;
            default:
                context.Problem(element, Id(element),
                    $"{Describe(element)} is not supported{Hints.For(element.Name.LocalName)}. Route maps use start and end events, user tasks, exclusive, parallel and inclusive gateways and call activities.");
                return;
        }
    }

    private void AddPoint(XElement element, Point? point)
    {
        if (point is null)
        {
            return;
        }

        if (!_ids.Add(point.Id))
        {
            context.Problem(element, point.Id, $"{Describe(element)} reuses the id '{point.Id}'; ids must be unique.");
        }
        else
        {
            context.ClaimId(element, point.Id, _key);
        }

        context.Locations[(_key, point.Id)] = Where(element);
        if (_scope is not null)
        {
            _scopeOf.TryAdd(point.Id, _scope);
        }

        _points.Add(point);
    }

    private static bool IsName(XName name) => name == "id" || name == "name";

    /// <summary>
    /// Where a process element that does not run is kept, in BPMN's order of a process's children: I/O specification and
    /// properties, lanes, then (before our points) data objects and store references; artifacts come after the flows.
    /// Null for everything else.
    /// </summary>
    internal static int? KeptRank(string localName) => localName switch
    {
        "auditing" or "monitoring" or "ioSpecification" or "ioBinding" => 0,
        "property" => 1,
        "laneSet" => 2,
        "dataObject" or "dataObjectReference" or "dataStore" or "dataStoreReference" => 3,
        "textAnnotation" or "association" or "group" => 5,
        _ => null,
    };

    /// <summary>The innermost lane of every flow node (child lanes are read after their parent, so they win).</summary>
    private void ReadLanes()
    {
        foreach (var lane in BpmnChildren(process, "laneSet").SelectMany(set => set.Descendants()).Where(e => IsBpmn(e, "lane")))
        {
            var name = Text(lane, "name");
            if (name is null)
            {
                continue;
            }

            foreach (var reference in BpmnChildren(lane, "flowNodeRef"))
            {
                _laneOf[reference.Value.Trim()] = name;
            }
        }
    }

    /// <summary>A user task without a performer in a named lane goes to the role named like the lane: how a swimlane diagram reads.</summary>
    private ActionPoint? AddressByLane(XElement element, ActionPoint? action)
    {
        if (action is null || action.Performer is { IsSpecified: true } || !_laneOf.TryGetValue(action.Id, out var lane))
        {
            return action;
        }

        context.Note(element, action.Id, BpmnNoteSeverity.Info, "lane-performer", "user task without a performer", "user tasks without a performer",
            "goes to the role named like its lane");
        return action with { Performer = Performer.ForRole(lane, action.Performer?.AddressingObject) };
    }

    /// <summary>A plain task or a manual task: nobody is asked to do anything, so the token passes on at once.</summary>
    private PassThroughPoint? ReadPassThrough(XElement element)
    {
        var id = RequireId(element);
        if (id is null)
        {
            return null;
        }

        var attributes = context.ForeignAttributes(element, id, n => IsName(n) || n == DefaultFlow);
        var extensions = context.ForeignExtensionElements(element, id, _ => false);
        var kept = context.KeptChildren(element, id);
        context.ReportUnexpectedChildren(element, id, _ => false);
        var kind = element.Name.LocalName;
        context.Note(element, id, BpmnNoteSeverity.Info, kind,
            kind == "task" ? "plain task (task)" : "manual task (manualTask)", kind == "task" ? "plain tasks (task)" : "manual tasks (manualTask)",
            "creates no task: the process passes on at once");
        return new PassThroughPoint
        {
            Id = id,
            Name = (string?)element.Attribute("name") ?? "",
            Element = kind,
            DefaultFlowId = Text(element, DefaultFlow),
            Foreign = Foreign(attributes, extensions, Documentation(element), kept),
        };
    }

    /// <summary>
    /// A flow node the engine cannot run yet: an element kind it has no point for, or a task or call activity that loops
    /// in a way route maps do not (a standard loop, or a multi-instance naming neither a list nor a count that this engine reads).
    /// </summary>
    private static bool DoesNotRunYet(XElement element) => element.Name.LocalName switch
    {
        "task" or "manualTask" => element.Elements().Any(c => IsBpmn(c, "standardLoopCharacteristics") || IsBpmn(c, "multiInstanceLoopCharacteristics")),
        "userTask" => element.Elements().Any(c => IsBpmn(c, "standardLoopCharacteristics")) || ActionReader.HasForeignMultiInstanceThatDoesNotRun(element),
        "callActivity" => element.Elements().Any(c => IsBpmn(c, "standardLoopCharacteristics")) || (MultiInstanceDialect.LoopOf(element) is { } loop && !MultiInstanceDialect.Runs(loop)),
        var name => KeptPoint.Kinds.ContainsKey(name),
    };

    /// <summary>
    /// Keeps a flow node that does not run yet with everything in it (attributes, extensions, event definitions, loop
    /// characteristics, a sub-process's inner elements), so that export writes it back as it was; validation refuses to
    /// publish it, and the loss report says so.
    /// </summary>
    private KeptPoint? ReadKept(XElement element)
    {
        var id = RequireId(element);
        if (id is null)
        {
            return null;
        }

        var attributes = context.ForeignAttributes(element, id, IsName);
        var extensions = context.ForeignExtensionElements(element, id, _ => false);
        var children = context.KeptChildren(element, id, c => !IsBpmn(c, "documentation") && !IsBpmn(c, "extensionElements") && !IsBpmn(c, "incoming") && !IsBpmn(c, "outgoing"));
        var kind = element.Name.LocalName;
        var plural = KeptPoint.Kinds[kind].EndsWith('s') ? KeptPoint.Kinds[kind] + "es" : KeptPoint.Kinds[kind] + "s";
        context.Note(element, id, BpmnNoteSeverity.Warning, "kept:" + kind, $"{KeptPoint.Kinds[kind]} ({kind})", $"{plural} ({kind})",
            "will not run yet, so the map cannot be published");
        return new KeptPoint
        {
            Id = id,
            Name = (string?)element.Attribute("name") ?? "",
            Element = kind,
            Foreign = Foreign(attributes, extensions, Documentation(element), children),
        };
    }

    private string? RequireId(XElement element)
    {
        var id = Id(element);
        if (id is null)
        {
            context.Problem(element, null, $"{Describe(element)} has no id.");
        }

        return id;
    }

    private Point? ReadEvent<TPoint>(XElement element)
        where TPoint : Point
    {
        var id = RequireId(element);
        if (id is null)
        {
            return null;
        }

        var isEnd = typeof(TPoint) == typeof(EndPoint);
        // The start of an event sub-process also runs on a signal or an error, interrupting its scope or not.
        var listens = !isEnd && InEventSubProcess;
        var attributes = context.ForeignAttributes(element, id, n => IsName(n) || (isEnd && n == CrmNs + "result")
            || (listens && (n == "isInterrupting" || n == CrmNs + "correlationKey")));
        var extensions = context.ForeignExtensionElements(element, id, _ => false);
        // A terminate end is the one event definition a route map runs: it ends the whole instance. Written as it was
        // (with its id, as Camunda Modeler gives it one) when it carries more than its name. Other definitions (a
        // message start, an error end…) are kept and written back; validation says they do not run yet.
        var terminate = isEnd ? BpmnChildren(element, "terminateEventDefinition").FirstOrDefault() : null;
        var terminates = terminate is not null && element.Elements().Count(IsEventDefinition) == 1;
        // A timer start event runs too: its one plain timer definition becomes the start's schedule (StartPoint.Timer).
        var timer = isEnd ? null : TimerStartDefinition(element);
        // A message or signal start and a signal end run too: their one plain definition is read, not kept.
        var runs = element.Elements().Where(IsEventDefinition).ToList() is [var only]
            && (((IsBpmn(only, "signalEventDefinition") || (!isEnd && IsBpmn(only, "messageEventDefinition"))) && MessageSignalEventReader.IsPlain(only))
                || (listens && (IsPlainErrorDefinition(only) || EscalationEventReader.IsPlain(only)))) ? only : null;
        var isSignal = runs is not null && IsBpmn(runs, "signalEventDefinition");
        var startError = runs is not null && IsBpmn(runs, "errorEventDefinition")
            ? (Text(runs, "errorRef") is { } errorRef ? ErrorEventReader.FindError(runs, errorRef) : null) ?? new ErrorDefinition("")
            : null;
        var startEscalation = runs is not null && IsBpmn(runs, "escalationEventDefinition") ? EscalationEventReader.Read(runs) : null;
        var eventName = runs is null || startError is not null || startEscalation is not null ? null
            : isSignal ? MessageSignalEventReader.ReferencedName(runs, "signalRef", "signal") : MessageSignalEventReader.ReferencedName(runs, "messageRef", "message");
        var kept = context.KeptChildren(element, id, c => IsEventDefinition(c) && c != timer && c != runs && (!terminates || terminate!.HasAttributes || terminate.HasElements));
        if (timer is not null && !listens)
        {
            context.Note(timer, id, BpmnNoteSeverity.Info, "timer:startEvent", "timer start event (timerEventDefinition)", "timer start events (timerEventDefinition)",
                "starts instances on its schedule once published");
        }

        foreach (var definition in element.Elements().Where(c => IsEventDefinition(c) && c != terminate && c != timer && c != runs))
        {
            var what = definition.Name.LocalName.Replace("EventDefinition", "", StringComparison.Ordinal);
            var subject = $"{what} {(isEnd ? "end" : "start")} event";
            context.Note(definition, id, BpmnNoteSeverity.Warning, $"{definition.Name.LocalName}:{(isEnd ? "end" : "start")}",
                $"{subject} ({definition.Name.LocalName})", $"{subject}s ({definition.Name.LocalName})", "will not run yet, so the map cannot be published");
        }

        context.ReportUnexpectedChildren(element, id, IsEventDefinition);
        var foreign = Foreign(attributes, extensions, Documentation(element), kept);
        var name = (string?)element.Attribute("name") ?? "";
        return isEnd
            ? new EndPoint { Id = id, Name = name, Result = Text(element, CrmNs + "result"), Terminates = terminates, SignalName = eventName, Foreign = foreign }
            : new StartPoint
            {
                Id = id, Name = name, Timer = timer is null ? null : TimerEventReader.ReadDefinition(timer), MessageName = isSignal ? null : eventName,
                SignalName = isSignal ? eventName : null, Error = startError, Escalation = startEscalation, InitiatorVariable = InitiatorOf(element), Foreign = foreign,
                Interrupting = !listens || (context.Bool(element, "isInterrupting", id) ?? true),
                CorrelationKey = listens && !isSignal && eventName is not null ? Text(element, CrmNs + "correlationKey") : null,
            };
    }

    /// <summary>
    /// The start event's timer definition when it is its only event definition, plain (see <see cref="TimerEventReader.IsPlain"/>)
    /// and names a time; an empty one stays kept, and refused, as before.
    /// </summary>
    private static XElement? TimerStartDefinition(XElement start) =>
        start.Elements().Where(IsEventDefinition).ToList() is [var definition] && IsBpmn(definition, "timerEventDefinition") && TimerEventReader.IsPlain(definition)
            && TimerEventReader.ReadDefinition(definition) is not null
            ? definition
            : null;

    private NestedProcessPoint? ReadCallActivity(XElement element)
    {
        var id = RequireId(element);
        if (id is null)
        {
            return null;
        }

        var (inputs, outputs, keepMapping) = ReadMappings(element, id);
        var attributes = context.ForeignAttributes(element, id, n => IsName(n) || n == "calledElement" || n == DefaultFlow);
        var zeebeCalled = CallActivityDialect.ZeebeProcessId(context, element, id);
        var extensions = context.ForeignExtensionElements(element, id,
            child => child.Name == CrmNs + "input" || child.Name == CrmNs + "output" || (CallActivityDialect.IsMapping(child) && CallActivityDialect.Read(child) is not null && !keepMapping(child)),
            understood: child => (CallActivityDialect.IsMapping(child) && CallActivityDialect.Read(child) is not null) || (child.Name == CallActivityDialect.ZeebeCalledElement && zeebeCalled is not null));
        var multi = MultiInstanceDialect.Read(context, element, id);
        var kept = context.KeptChildren(element, id);
        context.ReportUnexpectedChildren(element, id, c => IsBpmn(c, "multiInstanceLoopCharacteristics"));
        return new NestedProcessPoint
        {
            MultiInstance = multi,
            Id = id,
            Name = (string?)element.Attribute("name") ?? "",
            CalledMapKey = Text(element, "calledElement") ?? zeebeCalled ?? "",
            Inputs = inputs,
            Outputs = outputs,
            DefaultFlowId = Text(element, DefaultFlow),
            Foreign = Foreign(attributes, extensions, Documentation(element), kept),
        };
    }

    /// <summary>
    /// The variables a call activity passes: crm:input/crm:output, or else another engine's in/out elements. Those are kept
    /// as written while they say the same as the result and the export would not write them again (Camunda's are), and
    /// dropped once the mappings were changed in CrmBpm.
    /// </summary>
    private (List<VariableMapping> Inputs, List<VariableMapping> Outputs, Func<XElement, bool> Keep) ReadMappings(XElement element, string id)
    {
        var children = BpmnChildren(element, "extensionElements").SelectMany(e => e.Elements()).ToList();
        var inputs = new List<VariableMapping>();
        var outputs = new List<VariableMapping>();
        foreach (var child in children.Where(c => c.Name == CrmNs + "input" || c.Name == CrmNs + "output"))
        {
            var (source, target) = (Text(child, "source"), Text(child, "target"));
            if (source is null || target is null)
            {
                context.Problem(child, id, $"{Describe(element)}: crm:{child.Name.LocalName} needs both source and target.");
                continue;
            }

            (child.Name.LocalName == "input" ? inputs : outputs).Add(new VariableMapping(source, target));
        }

        var dialects = children.Where(c => CallActivityDialect.IsMapping(c) && CallActivityDialect.Read(c) is not null)
            .GroupBy(c => c.Name.Namespace)
            .Select(g => (Elements: g.ToList(),
                Inputs: g.Where(c => c.Name.LocalName == "in").Select(c => CallActivityDialect.Read(c)!).ToList(),
                Outputs: g.Where(c => c.Name.LocalName == "out").Select(c => CallActivityDialect.Read(c)!).ToList()))
            .ToList();
        if (inputs.Count + outputs.Count == 0 && dialects.Count > 0)
        {
            (inputs, outputs) = (dialects[0].Inputs, dialects[0].Outputs);
        }

        var keep = dialects.Where(d => d.Inputs.SequenceEqual(inputs) && d.Outputs.SequenceEqual(outputs))
            .SelectMany(d => d.Elements)
            .Where(c => !WrittenAgainOnExport(c))
            .ToHashSet();
        return (inputs, outputs, keep.Contains);
    }

    /// <summary>True for a Camunda in/out the export writes from the mapping anyway (so it is not kept twice).</summary>
    private static bool WrittenAgainOnExport(XElement mapping) =>
        CallActivityDialect.Read(mapping) is { } read && CallActivityDialect.Camunda(read, mapping.Name.LocalName == "in") is { } written
        && written.Name == mapping.Name
        && written.Attributes().Select(a => (a.Name, a.Value)).OrderBy(a => a.Name.LocalName, StringComparer.Ordinal)
            .SequenceEqual(mapping.Attributes().Where(a => !a.IsNamespaceDeclaration).Select(a => (a.Name, a.Value)).OrderBy(a => a.Name.LocalName, StringComparer.Ordinal));

    private void ReadExclusiveGateway(XElement element)
    {
        var id = RequireId(element);
        if (id is null)
        {
            return;
        }

        var kind = Text(element, CrmNs + "kind");
        if (kind is not (null or "condition" or "choice"))
        {
            context.Problem(element.Attribute(CrmNs + "kind")!, id, $"{Describe(element)}: crm:kind must be 'condition' or 'choice', not '{kind}'.");
            kind = null;
        }

        var attributes = context.ForeignAttributes(element, id, n => IsName(n) || n == DefaultFlow || n == CrmNs + "kind" || n == CrmNs + "expression");
        var extensions = context.ForeignExtensionElements(element, id, _ => false);
        var kept = context.KeptChildren(element, id);
        context.ReportUnexpectedChildren(element, id, _ => false);
        var info = new ExclusiveGatewayInfo(id, (string?)element.Attribute("name") ?? "", kind, Text(element, CrmNs + "expression"), Text(element, DefaultFlow),
            Foreign(attributes, extensions, Documentation(element), kept));
        _exclusive.Add((element, info));
        AddPoint(element, new ChoicePoint { Id = id }); // placeholder, replaced in ResolveGateways
    }

    private void ReadFlow(XElement element)
    {
        var id = Id(element) ?? GeneratedFlowId(element);

        var branchText = Text(element, CrmNs + "branch");
        ConditionBranch? branch = null;
        if (branchText is not null)
        {
            branch = ParseBranch(branchText);
            if (branch is null)
            {
                context.Problem(element.Attribute(CrmNs + "branch")!, id, $"{Describe(element)}: crm:branch must be 'yes' or 'no', not '{branchText}'.");
            }
        }

        var conditions = BpmnChildren(element, "conditionExpression").ToList();
        var attributes = context.ForeignAttributes(element, id, n => IsName(n) || n == "sourceRef" || n == "targetRef" || n == CrmNs + "branch");
        var extensions = context.ForeignExtensionElements(element, id, _ => false);
        context.ReportUnexpectedChildren(element, id, c => IsBpmn(c, "conditionExpression"));
        var flow = new Flow
        {
            Id = id,
            SourceId = Text(element, "sourceRef") ?? "",
            TargetId = Text(element, "targetRef") ?? "",
            Name = (string?)element.Attribute("name") ?? "",
            Condition = KeptCondition(conditions.FirstOrDefault()?.Value),
            Branch = branch,
            Foreign = Foreign(attributes, extensions, Documentation(element)),
        };
        if (!_ids.Add(id))
        {
            context.Problem(element, id, $"{Describe(element)} reuses the id '{id}'; ids must be unique.");
        }
        else
        {
            context.ClaimId(element, id, _key);
        }

        context.Locations[(_key, id)] = Where(element);
        _flows.Add(flow);
    }

    /// <summary>
    /// A sequence flow without an id (some engines' test files have them) gets <c>Flow_{source}_{target}</c>, with
    /// <c>_2</c>, <c>_3</c>… for a second flow between the same points: the same file always gives the same ids.
    /// </summary>
    private string GeneratedFlowId(XElement element)
    {
        var stem = $"Flow_{Text(element, "sourceRef") ?? "none"}_{Text(element, "targetRef") ?? "none"}";
        var id = stem;
        for (var n = 2; _writtenIds.Contains(id) || _ids.Contains(id); n++)
        {
            id = $"{stem}_{n}";
        }

        _writtenIds.Add(id);
        context.Note(element, id, BpmnNoteSeverity.Info, "flow-id", "sequence flow without an id", "sequence flows without an id", "got a generated id");
        return id;
    }

    private static ConditionBranch? ParseBranch(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "YES" => ConditionBranch.Yes,
        "NO" => ConditionBranch.No,
        _ => null,
    };

    /// <summary>
    /// Gateways are typed once all flows are known. Parallel: Merge with two or more incoming flows, else Split
    /// (crm:kind overrides). Exclusive: see <see cref="ResolveExclusive"/>.
    /// </summary>
    private void ResolveGateways()
    {
        // Indexes built once: looking points and flows up by scanning made a chain of 10,000 gateways quadratic.
        var pointIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _points.Count; i++)
        {
            pointIndex.TryAdd(_points[i].Id, i);
        }

        var incomingCount = new Dictionary<string, int>(StringComparer.Ordinal);
        var outgoing = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < _flows.Count; i++)
        {
            incomingCount[_flows[i].TargetId] = incomingCount.GetValueOrDefault(_flows[i].TargetId) + 1;
            if (!outgoing.TryGetValue(_flows[i].SourceId, out var list))
            {
                outgoing[_flows[i].SourceId] = list = [];
            }

            list.Add(i);
        }

        foreach (var element in _parallel)
        {
            if (Id(element) is not { } id)
            {
                continue;
            }

            var kind = Text(element, CrmNs + "kind");
            if (kind is not (null or "split" or "merge"))
            {
                context.Problem(element.Attribute(CrmNs + "kind")!, id, $"{Describe(element)}: crm:kind must be 'split' or 'merge', not '{kind}'.");
                kind = null;
            }

            var attributes = context.ForeignAttributes(element, id, n => IsName(n) || n == CrmNs + "kind");
            var extensions = context.ForeignExtensionElements(element, id, _ => false);
            var kept = context.KeptChildren(element, id);
            context.ReportUnexpectedChildren(element, id, _ => false);
            var foreign = Foreign(attributes, extensions, Documentation(element), kept);
            var name = (string?)element.Attribute("name") ?? "";
            var isMerge = kind == "merge" || (kind is null && incomingCount.GetValueOrDefault(id) >= 2);
            var index = IndexOf(id, pointIndex, p => p is SplitPoint);
            _points[index] = isMerge ? new MergePoint { Id = id, Name = name, Foreign = foreign } : new SplitPoint { Id = id, Name = name, Foreign = foreign };
        }

        foreach (var (element, info) in _exclusive)
        {
            var index = IndexOf(info.Id, pointIndex, p => p is ChoicePoint);
            _points[index] = ResolveExclusive(element, info, outgoing.GetValueOrDefault(info.Id) ?? [], incomingCount.GetValueOrDefault(info.Id));
        }

        // A condition on a flow that leaves neither an exclusive gateway nor an activity is kept; validation says it does not run yet.
    }

    /// <summary>An event definition (or a reference to one) of a start, end or intermediate event.</summary>
    private static bool IsEventDefinition(XElement element) =>
        IsBpmnNamespace(element.Name.Namespace) && (element.Name.LocalName.EndsWith("EventDefinition", StringComparison.Ordinal) || element.Name.LocalName == "eventDefinitionRef");

    /// <summary>The placeholder of a gateway: the first point with that id, or a later one of the placeholder kind when the id is reused.</summary>
    private int IndexOf(string id, Dictionary<string, int> pointIndex, Func<Point, bool> isPlaceholder)
    {
        var first = pointIndex[id];
        return isPlaceholder(_points[first]) ? first : _points.FindIndex(first, p => p.Id == id && isPlaceholder(p));
    }

    /// <summary>
    /// Without crm:kind or crm:expression, a gateway with several incoming flows and one unconditioned outgoing flow only
    /// joins: a pass-through point. Otherwise a Condition when <c>crm:kind="condition"</c>; Choice when <c>crm:kind="choice"</c>. Without crm:kind, a Condition
    /// when there are exactly two outgoing flows, one marked Yes and one No (by crm:branch or by the flow name), and a
    /// yes/no expression is found (crm:expression, or the Yes flow's condition when the No flow has none or is the
    /// default); otherwise a Choice.
    /// </summary>
    private Point ResolveExclusive(XElement element, ExclusiveGatewayInfo info, List<int> flowIndexes, int incoming)
    {
        var outgoing = flowIndexes.Select(i => (Flow: _flows[i], Index: i)).ToList();
        if (info.Kind is null && info.Expression is null && incoming >= 2 && outgoing.Count == 1 && outgoing[0].Flow.Condition is null)
        {
            // A gateway that only joins (several in, one out) decides nothing: each token passes through.
            return new PassThroughPoint { Id = info.Id, Name = info.Name, Element = "exclusiveGateway", DefaultFlowId = info.DefaultFlowId, Foreign = info.Foreign };
        }

        ConditionBranch? BranchOf(Flow f) => f.Branch ?? ParseBranch(f.Name);
        var yes = outgoing.Where(x => BranchOf(x.Flow) == ConditionBranch.Yes).ToList();
        var no = outgoing.Where(x => BranchOf(x.Flow) == ConditionBranch.No).ToList();
        var isYesNo = outgoing.Count == 2 && yes.Count == 1 && no.Count == 1;
        var expression = info.Expression;
        if (expression is null && yes.Count == 1 && (no.Count == 0 || no[0].Flow.Condition is null || no[0].Flow.Id == info.DefaultFlowId))
        {
            expression = yes[0].Flow.Condition;
        }

        var isCondition = info.Kind switch
        {
            "condition" => true,
            "choice" => false,
            _ => (isYesNo && expression is not null) || info.Expression is not null,
        };

        if (!isCondition)
        {
            return new ChoicePoint { Id = info.Id, Name = info.Name, DefaultFlowId = info.DefaultFlowId, Foreign = info.Foreign };
        }

        // A Condition decides by its expression; its flows carry a branch, never a condition of their own.
        foreach (var (flow, index) in outgoing)
        {
            _flows[index] = flow with { Branch = BranchOf(flow), Condition = null };
        }

        if (expression is null)
        {
            context.Problem(element, info.Id, $"{Describe(element)} is a condition but has no yes/no expression (crm:expression).");
        }

        return new ConditionPoint { Id = info.Id, Name = info.Name, Expression = expression ?? "", Foreign = info.Foreign };
    }

    private sealed record ExclusiveGatewayInfo(string Id, string Name, string? Kind, string? Expression, string? DefaultFlowId, ForeignBpmn? Foreign);

    /// <summary>
    /// The variable another engine's start event gives the starting user's id (<c>camunda:initiator</c>, Flowable's and
    /// Activiti's alike). The attribute itself stays among the kept ones, so it is written back as it was.
    /// </summary>
    private static string? InitiatorOf(XElement element) =>
        new[] { CamundaNs, FlowableNs, ActivitiNs }.Select(ns => ((string?)element.Attribute(ns + "initiator"))?.Trim()).FirstOrDefault(v => !string.IsNullOrEmpty(v));

    /// <summary>Puts each escalation step on its user task's ladder, in document order; a step on anything else is a problem.</summary>
    private void AttachEscalations()
    {
        foreach (var group in _escalations.GroupBy(e => e.AttachedTo, StringComparer.Ordinal))
        {
            var index = _points.FindIndex(p => p.Id == group.Key);
            if (index < 0 || _points[index] is not ActionPoint action)
            {
                context.Problem(process, group.First().Step.Id,
                    $"Escalation step '{group.First().Step.Id}' is attached to '{group.Key}', which is not a user task: an escalation ladder belongs to a user task.");
                continue;
            }

            _points[index] = action with { Escalation = [.. action.Escalation, .. group.Select(e => e.Step)] };
        }
    }
}
