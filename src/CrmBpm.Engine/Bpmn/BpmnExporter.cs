using System.Globalization;
using System.Reflection;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Expressions.Feel;
using CrmBpm.Engine.Expressions.Juel;
using static CrmBpm.Engine.Bpmn.BpmnNamespaces;

namespace CrmBpm.Engine.Bpmn;

/// <summary>
/// Writes route maps as BPMN 2.0 XML with diagram information, in the form bpmn.io and Camunda Modeler open:
/// <c>bpmn:</c>, <c>bpmndi:</c>, <c>dc:</c>, <c>di:</c> prefixes, our properties as <c>crm:</c> attributes and
/// extension elements, and whatever other tools wrote (kept on import) written back. A map without a
/// diagram is laid out by <see cref="AutoLayout"/>.
/// </summary>
public sealed class BpmnExporter
{
    private static readonly string ExporterVersion = typeof(BpmnExporter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "1.0";

    /// <summary>One map as BPMN XML text.</summary>
    public string Export(RouteMap map) => Export([map]);

    /// <summary>Several maps (e.g. a map and the maps it nests) in one BPMN file, as XML text.</summary>
    public string Export(IReadOnlyList<RouteMap> maps)
    {
        using var stream = new MemoryStream();
        Export(maps, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes several maps as one UTF-8 BPMN file.</summary>
    public void Export(IReadOnlyList<RouteMap> maps, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", Encoding = new UTF8Encoding(false), NewLineChars = "\n",
            // Line breaks in text (descriptions written on Windows) as entities: a parser would turn a raw \r\n into \n.
            NewLineHandling = NewLineHandling.Entitize };
        using var writer = XmlWriter.Create(stream, settings);
        ToDocument(maps).Save(writer);
    }

    /// <summary>The BPMN document of several maps.</summary>
    public XDocument ToDocument(IReadOnlyList<RouteMap> maps)
    {
        ArgumentNullException.ThrowIfNull(maps);
        if (maps.Count == 0)
        {
            throw new ArgumentException("At least one route map is needed.", nameof(maps));
        }

        var namespaces = new NamespaceTable();
        var root = new XElement(BpmnNs + "definitions",
            new XAttribute(XNamespace.Xmlns + "bpmn", Model),
            new XAttribute(XNamespace.Xmlns + "bpmndi", BpmnDi),
            new XAttribute(XNamespace.Xmlns + "dc", Dc),
            new XAttribute(XNamespace.Xmlns + "di", Di),
            new XAttribute(XNamespace.Xmlns + "xsi", Xsi),
            new XAttribute(XNamespace.Xmlns + "crm", Crm),
            new XAttribute("id", "Definitions_" + maps[0].Key),
            new XAttribute("targetNamespace", "https://crmbpm.dev/maps"),
            new XAttribute("exporter", "CrmBpm"),
            new XAttribute("exporterVersion", ExporterVersion));
        var definitionsAttributes = maps.SelectMany(m => m.Foreign?.DefinitionsAttributes ?? [])
            .DistinctBy(a => (a.Namespace, a.LocalName)).ToList();
        AddAttributes(root, definitionsAttributes, namespaces);

        // The file's pools, messages, signals… (kept on import), each once, before the processes.
        var rootIds = new HashSet<string>(StringComparer.Ordinal);
        var errors = ErrorEventWriter.ErrorsOf(maps);
        var escalations = EscalationEventWriter.EscalationsOf(maps);
        var rootElements = maps.SelectMany(m => m.Foreign?.DefinitionsElements ?? []).Distinct(StringComparer.Ordinal).Select(namespaces.Parse).ToList();
        foreach (var element in rootElements)
        {
            if (!ErrorEventWriter.KeepsKept(element, errors) || !EscalationEventWriter.KeepsKept(element, escalations))
            {
                continue;
            }

            if ((string?)element.Attribute("id") is { } id)
            {
                rootIds.Add(id);
            }

            root.Add(element);
        }

        root.Add(errors.Values.Select(ErrorEventWriter.WriteError));
        root.Add(escalations.Values.Select(EscalationEventWriter.WriteEscalation));
        // The messages and signals the points name and the file did not declare, before the processes as well.
        var events = new EventReferences();
        root.Add(events.Declare(maps, rootElements));
        foreach (var map in maps)
        {
            root.Add(WriteProcess(map, namespaces, events));
        }

        // Maps drawn in one collaboration's plane are written into one plane again, when the collaboration is written.
        var shared = new Dictionary<(string Element, string Id), XElement>();
        foreach (var map in maps)
        {
            var planeElement = map.Diagram?.PlaneElement is { } collaboration && rootIds.Contains(collaboration) ? collaboration : null;
            var diagramId = map.Diagram?.Id ?? map.Key + "_diagram";
            if (planeElement is not null && shared.TryGetValue((planeElement, diagramId), out var plane))
            {
                plane.Add(WriteDiagram(map, planeElement, namespaces).Element(BpmnDiNs + "BPMNPlane")!.Elements());
                continue;
            }

            var diagram = WriteDiagram(map, planeElement, namespaces);
            if (planeElement is not null)
            {
                shared[(planeElement, diagramId)] = diagram.Element(BpmnDiNs + "BPMNPlane")!;
            }

            root.Add(diagram);
        }

        // The drawings of collapsed sub-processes' insides, kept on import.
        root.Add(maps.SelectMany(m => m.Foreign?.Diagrams ?? []).Select(namespaces.Parse));

        namespaces.Declare(root);
        return new XDocument(new XDeclaration("1.0", "UTF-8", null), root);
    }

    private static XElement WriteProcess(RouteMap map, NamespaceTable namespaces, EventReferences events)
    {
        var process = new XElement(BpmnNs + "process", new XAttribute("id", map.Key));
        if (!string.IsNullOrEmpty(map.Name))
        {
            process.Add(new XAttribute("name", map.Name));
        }

        process.Add(new XAttribute("isExecutable", "true"));
        AddForeign(process, map.Foreign, [.. map.StartVariables.Select(StartVariableElement)], namespaces);
        // Lanes, data objects, annotations… kept on import, where BPMN puts them: before the points, or after the flows.
        var kept = (map.Foreign?.Elements ?? []).Select(namespaces.Parse).ToList();
        process.Add(kept.Where(e => (BpmnProcessReader.KeptRank(e.Name.LocalName) ?? 6) < 4));
        WriteScope(process, null, new FlowIndex(map), namespaces, events);
        process.Add(kept.Where(e => (BpmnProcessReader.KeptRank(e.Name.LocalName) ?? 6) >= 4));

        return process;
    }

    /// <summary>The points and flows of one scope (the process, or a sub-process, whose own are written inside it).</summary>
    private static void WriteScope(XElement container, string? scopeId, FlowIndex flows, NamespaceTable namespaces, EventReferences events)
    {
        foreach (var point in flows.Map.Points.Where(p => p.ScopeId == scopeId))
        {
            container.Add(WritePoint(flows, point, namespaces, events));
            if (point is ActionPoint { Escalation.Count: > 0 } escalated)
            {
                container.Add(EscalationWriter.Write(escalated));
            }
        }

        // A Condition's Yes flow carries its expression as well, so other engines take the same branch (No is the default).
        foreach (var flow in flows.Map.Flows.Where(f => f.ScopeId == scopeId))
        {
            var condition = flow.Branch == ConditionBranch.Yes && flows.Conditions.TryGetValue(flow.SourceId, out var expression) ? expression : flow.Condition;
            container.Add(WriteFlow(flow, condition, namespaces));
        }
    }

    private static XElement WritePoint(FlowIndex map, Point point, NamespaceTable namespaces, EventReferences events)
    {
        var element = new XElement(BpmnNs + ElementName(point), new XAttribute("id", point.Id));
        if (!string.IsNullOrEmpty(point.Name))
        {
            element.Add(new XAttribute("name", point.Name));
        }

        var extensions = new List<XElement>();
        XElement? loop = null;
        string? documentation = null;
        var incoming = map.Incoming(point.Id).Count;
        switch (point)
        {
            case EndPoint end:
                AddCrm(element, "result", end.Result);
                break;
            case StartPoint { IsReceiveTask: true } receiveStart:
                element.Add(new XAttribute("instantiate", "true"));
                element.Add(events.Id("message", receiveStart.MessageName ?? "") is { } startRef ? new XAttribute("messageRef", startRef) : null);
                break;
            case StartPoint start:
                if (!start.Interrupting)
                {
                    element.Add(new XAttribute("isInterrupting", "false"));
                }

                if (start is { MessageName: not null, CorrelationKey: { } startKey })
                {
                    WriteCorrelationKey(element, startKey, extensions, namespaces);
                }

                break;
            case SubProcessPoint { TriggeredByEvent: true }:
                element.Add(new XAttribute("triggeredByEvent", "true"));
                break;
            case SubProcessPoint subProcess:
                loop = WriteLoop(subProcess.MultiInstance);
                break;
            case ActionPoint action:
                WriteAction(element, action, extensions);
                documentation = string.IsNullOrEmpty(action.Description) ? null : action.Description;
                loop = WriteLoop(action.MultiInstance);
                break;
            case ConditionPoint condition:
                element.Add(new XAttribute(CrmNs + "kind", "condition"));
                AddCrm(element, "expression", condition.Expression);
                // Other engines take the No flow when the Yes flow's condition does not hold.
                if (map.Outgoing(point.Id).FirstOrDefault(f => f.Branch == ConditionBranch.No) is { } no)
                {
                    element.Add(new XAttribute("default", no.Id));
                }

                break;
            case ChoicePoint:
                element.Add(new XAttribute(CrmNs + "kind", "choice"));
                break;
            case SplitPoint when incoming >= 2:
                element.Add(new XAttribute(CrmNs + "kind", "split"));
                break;
            case MergePoint when incoming < 2:
                element.Add(new XAttribute(CrmNs + "kind", "merge"));
                break;
            case BoundaryErrorPoint errorBoundary:
                element.Add(new XAttribute("attachedToRef", errorBoundary.AttachedToId));
                break;
            case BoundaryEscalationPoint escalationBoundary:
                element.Add(escalationBoundary.CancelsActivity ? null : new XAttribute("cancelActivity", "false"));
                element.Add(new XAttribute("attachedToRef", escalationBoundary.AttachedToId));
                break;
            case BoundaryEventPoint boundary:
                if (!boundary.CancelsActivity)
                {
                    element.Add(new XAttribute("cancelActivity", "false"));
                }

                element.Add(new XAttribute("attachedToRef", boundary.AttachedToId));
                if (boundary is BoundaryMessagePoint { CorrelationKey: { } boundaryKey })
                {
                    WriteCorrelationKey(element, boundaryKey, extensions, namespaces);
                }

                break;
            case MessageWaitPoint { IsReceiveTask: true } receive:
                element.Add(events.Id("message", receive.MessageName) is { } receiveRef ? new XAttribute("messageRef", receiveRef) : null);
                WriteCorrelationKey(element, receive.CorrelationKey, extensions, namespaces);
                break;
            case MessageWaitPoint wait:
                WriteCorrelationKey(element, wait.CorrelationKey, extensions, namespaces);
                break;
            case ServicePoint service:
                AddCrm(element, "handler", service.Handler);
                AddCrm(element, "retries", service.Retries);
                AddCrm(element, "timeout", service.Timeout);
                AddCrm(element, "external", service.External ? "true" : null);
                break;
            case ScriptPoint script:
                element.Add(new XAttribute("scriptFormat", script.ScriptFormat));
                AddCrm(element, "resultVariable", script.ResultVariable);
                if (script.ResultVariable is not null)
                {
                    // Camunda stores the script's value the same way.
                    element.Add(new XAttribute(CamundaNs + "resultVariable", script.ResultVariable));
                    namespaces.Prefer(Camunda, "camunda");
                }

                break;
            case NestedProcessPoint nested:
                element.Add(new XAttribute("calledElement", nested.CalledMapKey));
                loop = WriteLoop(nested.MultiInstance);
                extensions.AddRange(nested.Inputs.Select(m => new XElement(CrmNs + "input", new XAttribute("source", m.Source), new XAttribute("target", m.Target))));
                extensions.AddRange(nested.Outputs.Select(m => new XElement(CrmNs + "output", new XAttribute("source", m.Source), new XAttribute("target", m.Target))));
                // Camunda passes the same variables: each mapping as camunda:in/out, unless the point kept Camunda's own for it.
                var keptCamunda = (nested.Foreign?.ExtensionElements ?? []).Select(XElement.Parse)
                    .Where(x => x.Name.Namespace == CamundaNs && CallActivityDialect.Read(x) is not null)
                    .Select(x => (x.Name.LocalName, CallActivityDialect.Read(x)!.Target))
                    .ToHashSet();
                var camunda = nested.Inputs.Where(m => !keptCamunda.Contains(("in", m.Target))).Select(m => CallActivityDialect.Camunda(m, isInput: true))
                    .Concat(nested.Outputs.Where(m => !keptCamunda.Contains(("out", m.Target))).Select(m => CallActivityDialect.Camunda(m, isInput: false)))
                    .OfType<XElement>()
                    .ToList();
                if (camunda.Count > 0)
                {
                    extensions.AddRange(camunda);
                    namespaces.Prefer(Camunda, "camunda");
                }

                break;
        }

        // The flow taken when no other is: BPMN writes it on the Choice, task or call activity it leaves.
        if (point is IHasDefaultFlow { DefaultFlowId: { Length: > 0 } defaultFlow })
        {
            element.Add(new XAttribute("default", defaultFlow));
        }

        AddForeign(element, point.Foreign, extensions, namespaces, documentation);
        if (point is ActionPoint addressed)
        {
            // Camunda 7's own attributes beside ours, unless the task kept another engine's that still say the same.
            AddDialect(element, PerformerDialect.CamundaAttributes(addressed.Performer), namespaces);
            if (addressed.FormFields.Count > 0)
            {
                namespaces.Prefer(Camunda, "camunda"); // for the camunda:formData WriteAction wrote
            }
        }

        element.Add(map.Incoming(point.Id).Select(f => new XElement(BpmnNs + "incoming", f.Id)));
        element.Add(map.Outgoing(point.Id).Select(f => new XElement(BpmnNs + "outgoing", f.Id)));
        // A kept terminate definition (with its id) only while the end still terminates, or beside other definitions
        // (an end with two definitions does not run, and is written back as it was).
        var keptChildren = (point.Foreign?.Elements ?? []).Select(namespaces.Parse).ToList();
        if (point is EndPoint { Terminates: false } && keptChildren.Count(c => c.Name.LocalName.EndsWith("EventDefinition", StringComparison.Ordinal)) == 1)
        {
            keptChildren.RemoveAll(c => c.Name == BpmnNs + "terminateEventDefinition");
        }

        if (point is SubProcessPoint)
        {
            // BPMN's order inside a sub-process: what an activity holds, its flow elements, then its artifacts.
            element.Add(keptChildren.Where(e => (BpmnProcessReader.KeptRank(e.Name.LocalName) ?? 0) < 4));
            element.Add(loop); // an activity's loop comes before a sub-process's flow elements
            loop = null;
            WriteScope(element, point.Id, map, namespaces, events);
            element.Add(keptChildren.Where(e => (BpmnProcessReader.KeptRank(e.Name.LocalName) ?? 0) >= 4));
        }
        else
        {
            element.Add(keptChildren);
        }

        switch (point)
        {
            case TimerWaitPoint wait:
                AddCrm(element, "workingTime", wait.Timer?.InWorkingTime == true ? "true" : null);
                element.Add(WriteTimer(wait.Timer));
                break;
            case BoundaryTimerPoint boundary:
                AddCrm(element, "workingTime", boundary.Timer?.InWorkingTime == true ? "true" : null);
                element.Add(WriteTimer(boundary.Timer));
                break;
            case StartPoint { Timer: { } startTimer }:
                element.Add(WriteTimer(startTimer));
                break;
            case BoundaryErrorPoint or EndPoint { Error: not null } or StartPoint { Error: not null }:
                element.Add(ErrorEventWriter.WriteDefinition(point));
                if (point is BoundaryErrorPoint { CodeVariable: not null } or BoundaryErrorPoint { MessageVariable: not null })
                {
                    namespaces.Prefer(Camunda, "camunda"); // Camunda sets the same variables
                }

                break;
            case MessageWaitPoint { IsReceiveTask: false } wait:
                element.Add(WriteEventDefinition("message", events.Id("message", wait.MessageName)));
                break;
            case BoundaryMessagePoint boundary:
                element.Add(WriteEventDefinition("message", events.Id("message", boundary.MessageName)));
                break;
            case StartPoint { MessageName: { } startMessage, IsReceiveTask: false }:
                element.Add(WriteEventDefinition("message", events.Id("message", startMessage)));
                break;
            case SignalWaitPoint wait:
                element.Add(WriteEventDefinition("signal", events.Id("signal", wait.SignalName)));
                break;
            case SignalThrowPoint signalThrow:
                element.Add(WriteEventDefinition("signal", events.Id("signal", signalThrow.SignalName)));
                break;
            case BoundarySignalPoint boundary:
                element.Add(WriteEventDefinition("signal", events.Id("signal", boundary.SignalName)));
                break;
            case EndPoint { SignalName: { } endSignal }:
                element.Add(WriteEventDefinition("signal", events.Id("signal", endSignal)));
                break;
            case StartPoint { SignalName: { } startSignal }:
                element.Add(WriteEventDefinition("signal", events.Id("signal", startSignal)));
                break;
            case var escalating when EscalationEventWriter.HasEscalation(escalating):
                element.Add(EscalationEventWriter.WriteDefinition(escalating));
                if (escalating is BoundaryEscalationPoint { CodeVariable: not null })
                {
                    namespaces.Prefer(Camunda, "camunda"); // Camunda sets the same variable
                }

                break;
            case LinkThrowPoint linkThrow:
                element.Add(WriteLinkDefinition(linkThrow.LinkName));
                break;
            case LinkCatchPoint linkCatch:
                element.Add(WriteLinkDefinition(linkCatch.LinkName));
                break;
        }

        if (point is EndPoint { Terminates: true } && !keptChildren.Any(c => c.Name == BpmnNs + "terminateEventDefinition"))
        {
            element.Add(new XElement(BpmnNs + "terminateEventDefinition"));
        }

        element.Add(loop);
        if (point is ScriptPoint { Script: var body })
        {
            element.Add(new XElement(BpmnNs + "script", body)); // BPMN puts the script after everything an activity holds
        }

        return element;

        XElement? WriteLoop(MultiInstance? multi)
        {
            if (multi is null)
            {
                return null;
            }

            var written = MultiInstanceDialect.Write(multi, out var usesCamunda, out var usesZeebe);
            if (usesCamunda)
            {
                namespaces.Prefer(Camunda, "camunda");
            }

            if (usesZeebe)
            {
                namespaces.Prefer(Zeebe, "zeebe");
            }

            return written;
        }
    }

    private static string ElementName(Point point) => point switch
    {
        StartPoint start => start.IsReceiveTask ? "receiveTask" : "startEvent",
        EndPoint => "endEvent",
        ActionPoint => "userTask",
        ConditionPoint or ChoicePoint => "exclusiveGateway",
        SplitPoint or MergePoint => "parallelGateway",
        InclusivePoint => "inclusiveGateway",
        NestedProcessPoint => "callActivity",
        SubProcessPoint => "subProcess",
        PassThroughPoint pass => pass.Element is "manualTask" or "exclusiveGateway" ? pass.Element : "task",
        ServicePoint service => ServicePoint.Elements.ContainsKey(service.Element) ? service.Element : "serviceTask",
        TimerWaitPoint or SignalWaitPoint or LinkCatchPoint => "intermediateCatchEvent",
        MessageWaitPoint wait => wait.IsReceiveTask ? "receiveTask" : "intermediateCatchEvent",
        SignalThrowPoint or LinkThrowPoint or EscalationThrowPoint => "intermediateThrowEvent",
        EventGatewayPoint => "eventBasedGateway",
        BoundaryEventPoint or BoundaryErrorPoint or BoundaryEscalationPoint => "boundaryEvent",
        ScriptPoint => "scriptTask",
        KeptPoint kept => KeptPoint.Kinds.ContainsKey(kept.Element)
            ? kept.Element
            : throw new NotSupportedException($"Point '{kept.Id}' is kept as <{kept.Element}>, which is not a BPMN element a kept point can be."),
        _ => throw new NotSupportedException($"Point kind {point.GetType().Name} has no BPMN element."),
    };

    /// <summary>A <c>linkEventDefinition</c> carrying the link's name (none when it has none yet).</summary>
    private static XElement WriteLinkDefinition(string name) =>
        new(BpmnNs + "linkEventDefinition", name.Length == 0 ? null : new XAttribute("name", name));

    /// <summary>A <c>messageEventDefinition</c> or <c>signalEventDefinition</c> referencing its root element.</summary>
    private static XElement WriteEventDefinition(string kind, string? reference) =>
        new(BpmnNs + $"{kind}EventDefinition", reference is null ? null : new XAttribute($"{kind}Ref", reference));

    /// <summary>
    /// The correlation key as <c>crm:correlationKey</c>; a FEEL one (<c>=orderId</c>) also as Zeebe's <c>zeebe:subscription</c>,
    /// so Camunda 8 correlates the same messages.
    /// </summary>
    private static void WriteCorrelationKey(XElement element, string? key, List<XElement> extensions, NamespaceTable namespaces)
    {
        if (key is null)
        {
            return;
        }

        AddCrm(element, "correlationKey", key);
        if (FeelExpressionEvaluator.IsFeel(key))
        {
            extensions.Add(new XElement(ZeebeNs + "subscription", new XAttribute("correlationKey", key)));
            namespaces.Prefer(Zeebe, "zeebe");
        }
    }

    /// <summary>A <c>timerEventDefinition</c> as bpmn-js writes it: the time as a formal expression, JavaScript saying so.</summary>
    internal static XElement WriteTimer(TimerDefinition? timer) =>
        new(BpmnNs + "timerEventDefinition",
            timer?.DefinitionId is { } id ? new XAttribute("id", id) : null,
            timer is null ? null : new XElement(BpmnNs + timer.Kind switch
                {
                    TimerDefinitionKind.Date => "timeDate",
                    TimerDefinitionKind.Cycle => "timeCycle",
                    _ => "timeDuration",
                },
                new XAttribute(XsiNs + "type", "bpmn:tFormalExpression"),
                timer.IsJavaScript ? new XAttribute("language", "javascript") : null,
                timer.Value));

    private static void WriteAction(XElement element, ActionPoint action, List<XElement> extensions)
    {
        AddCrm(element, "title", action.TitleTemplate);
        if (action.Performer is { } performer)
        {
            AddCrm(element, "performerUser", performer.UserId);
            AddCrm(element, "performerRole", performer.Role);
            AddCrm(element, "addressingObject", performer.AddressingObject);
            AddCrm(element, "performerExpression", performer.UserExpression);
            AddCrm(element, "performerRoleExpression", performer.RoleExpression);
        }

        AddCrm(element, "deadline", action.Deadline?.Duration);
        AddCrm(element, "deadlineExpression", action.Deadline?.Expression);
        AddCrm(element, "reminderBefore", action.ReminderBefore is { } reminder ? XmlConvert.ToString(reminder) : null);
        AddCrm(element, "workingTime", action.Deadline?.InWorkingTime == true ? "true" : null);
        if (action.RequiresAcceptance)
        {
            element.Add(new XAttribute(CrmNs + "requiresAcceptance", "true"));
        }

        AddCrm(element, "outcomeVariable", action.OutcomeVariable);
        AddCrm(element, "stage", action.Stage);
        extensions.AddRange(action.Outcomes.Select(o => new XElement(CrmNs + "outcome", new XAttribute("name", o))));
        extensions.AddRange(action.FormFields.Select(f => new XElement(CrmNs + "formField",
            new XAttribute("name", f.Name),
            string.IsNullOrEmpty(f.Label) ? null : new XAttribute("label", f.Label),
            new XAttribute("type", f.Type.ToString().ToLowerInvariant()),
            f.Required ? new XAttribute("required", "true") : null,
            f.ReadOnly ? new XAttribute("readOnly", "true") : null,
            f.DefaultValue is null ? null : new XAttribute("defaultValue", f.DefaultValue),
            f.Minimum is { } min ? new XAttribute("min", min.ToString(CultureInfo.InvariantCulture)) : null,
            f.Maximum is { } max ? new XAttribute("max", max.ToString(CultureInfo.InvariantCulture)) : null,
            f.MinLength is { } least ? new XAttribute("minLength", least.ToString(CultureInfo.InvariantCulture)) : null,
            f.MaxLength is { } most ? new XAttribute("maxLength", most.ToString(CultureInfo.InvariantCulture)) : null,
            f.Options.Select((o, i) => new XElement(CrmNs + "option", new XAttribute("value", o),
                i < f.OptionLabels.Count ? new XAttribute("label", f.OptionLabels[i]) : null)))));

        // Camunda's generated form asks the same, unless the task kept another engine's form that still says the same.
        var keptForm = (action.Foreign?.ExtensionElements ?? []).Any(x => FormDialect.IsCamundaFormData(XElement.Parse(x)));
        if (!keptForm && FormDialect.CamundaFormData(action.FormFields) is { } formData)
        {
            extensions.Add(formData);
        }
    }

    private static XElement StartVariableElement(StartVariable variable) => new(CrmNs + "startVariable",
        new XAttribute("name", variable.Name),
        new XAttribute("type", variable.Type.ToString().ToLowerInvariant()),
        string.IsNullOrEmpty(variable.Label) ? null : new XAttribute("label", variable.Label),
        variable.Required ? new XAttribute("required", "true") : null);

    private static XElement WriteFlow(Flow flow, string? condition, NamespaceTable namespaces)
    {
        var element = new XElement(BpmnNs + "sequenceFlow", new XAttribute("id", flow.Id));
        if (!string.IsNullOrEmpty(flow.Name))
        {
            element.Add(new XAttribute("name", flow.Name));
        }

        element.Add(new XAttribute("sourceRef", flow.SourceId), new XAttribute("targetRef", flow.TargetId));
        if (flow.Branch is { } branch)
        {
            element.Add(new XAttribute(CrmNs + "branch", branch == ConditionBranch.Yes ? "yes" : "no"));
        }

        AddForeign(element, flow.Foreign, [], namespaces);
        if (!string.IsNullOrWhiteSpace(condition))
        {
            // ${…} is JUEL, the default language of Camunda 7 and Flowable, and =… is FEEL, Zeebe's only one: both are
            // written as they came. Anything else is JavaScript and says so, or Camunda would read it as JUEL text.
            element.Add(new XElement(BpmnNs + "conditionExpression", new XAttribute(XsiNs + "type", "bpmn:tFormalExpression"),
                JuelExpressionEvaluator.IsJuel(condition) || FeelExpressionEvaluator.IsFeel(condition) ? null : new XAttribute("language", "javascript"),
                condition));
        }

        return element;
    }

    private static XElement WriteDiagram(RouteMap map, string? planeElement, NamespaceTable namespaces)
    {
        // A partial drawing (e.g. points added in code to an imported map) is completed from the automatic layout.
        var diagram = AutoLayout.Complete(map);
        var plane = new XElement(BpmnDiNs + "BPMNPlane", new XAttribute("id", diagram.PlaneId ?? map.Key + "_plane"), new XAttribute("bpmnElement", planeElement ?? map.Key));
        foreach (var shape in diagram.Shapes.Concat([.. EscalationWriter.MissingShapes(map, diagram)]))
        {
            var element = new XElement(BpmnDiNs + "BPMNShape", new XAttribute("id", shape.Id ?? shape.ElementId + "_di"), new XAttribute("bpmnElement", shape.ElementId));
            AddAttributes(element, shape.ForeignAttributes, namespaces);
            element.Add(Bounds(shape.Bounds));
            if (shape.Label is { } label)
            {
                element.Add(new XElement(BpmnDiNs + "BPMNLabel", Bounds(label)));
            }

            plane.Add(element);
        }

        foreach (var edge in diagram.Edges)
        {
            var element = new XElement(BpmnDiNs + "BPMNEdge", new XAttribute("id", edge.Id ?? edge.ElementId + "_di"), new XAttribute("bpmnElement", edge.ElementId));
            AddAttributes(element, edge.ForeignAttributes, namespaces);
            element.Add(edge.Waypoints.Select(p => new XElement(DiNs + "waypoint", new XAttribute("x", Number(p.X)), new XAttribute("y", Number(p.Y)))));
            if (edge.Label is { } label)
            {
                element.Add(new XElement(BpmnDiNs + "BPMNLabel", Bounds(label)));
            }

            plane.Add(element);
        }

        return new XElement(BpmnDiNs + "BPMNDiagram", new XAttribute("id", diagram.Id ?? map.Key + "_diagram"), plane);
    }

    private static XElement Bounds(DiagramBounds b) => new(DcNs + "Bounds",
        new XAttribute("x", Number(b.X)), new XAttribute("y", Number(b.Y)), new XAttribute("width", Number(b.Width)), new XAttribute("height", Number(b.Height)));

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static void AddCrm(XElement element, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            element.Add(new XAttribute(CrmNs + name, value));
        }
    }

    private static void AddAttributes(XElement element, IReadOnlyList<ForeignAttribute> attributes, NamespaceTable namespaces)
    {
        // A set, not element.Attribute(name): that scans the element's attributes, quadratic with thousands of kept ones.
        var present = element.Attributes().Select(a => a.Name).ToHashSet();
        foreach (var attribute in attributes)
        {
            var name = XName.Get(attribute.LocalName, attribute.Namespace);
            if (!present.Add(name))
            {
                continue; // ours wins where a kept attribute would conflict
            }

            namespaces.Use(attribute.Namespace, attribute.Prefix);
            element.Add(new XAttribute(name, attribute.Value));
        }
    }

    /// <summary>Another engine's attributes written from our model, each unless the element already has it (kept as written).</summary>
    private static void AddDialect(XElement element, IEnumerable<XAttribute> attributes, NamespaceTable namespaces)
    {
        foreach (var attribute in attributes.Where(a => element.Attribute(a.Name) is null))
        {
            namespaces.Prefer(attribute.Name.NamespaceName, attribute.Name.Namespace == CamundaNs ? "camunda" : null);
            element.Add(attribute);
        }
    }

    /// <summary>Foreign attributes, documentation, then extension elements (ours first, then kept ones) in BPMN's child order.</summary>
    private static void AddForeign(XElement element, ForeignBpmn? foreign, List<XElement> ours, NamespaceTable namespaces, string? documentation = null)
    {
        AddAttributes(element, foreign?.Attributes ?? [], namespaces);
        documentation ??= foreign?.Documentation;
        if (documentation is not null)
        {
            element.Add(new XElement(BpmnNs + "documentation", documentation));
        }

        var kept = (foreign?.ExtensionElements ?? []).Select(namespaces.Parse).ToList();
        if (ours.Count + kept.Count > 0)
        {
            element.Add(new XElement(BpmnNs + "extensionElements", ours, kept));
        }
    }

    /// <summary>Namespaces of kept foreign XML, declared once on the root with their original prefixes where possible.</summary>
    private sealed class NamespaceTable
    {
        private static readonly Dictionary<string, string> Fixed = new(StringComparer.Ordinal)
        {
            ["bpmn"] = Model, ["bpmndi"] = BpmnDi, ["dc"] = Dc, ["di"] = Di, ["xsi"] = Xsi, ["crm"] = Crm, ["xml"] = XNamespace.Xml.NamespaceName,
        };

        private static readonly HashSet<string> FixedNamespaces = [.. Fixed.Values];
        private readonly Dictionary<string, string> _prefixByNamespace = new(StringComparer.Ordinal);
        private readonly HashSet<string> _taken = new(Fixed.Keys, StringComparer.Ordinal);
        private readonly Dictionary<string, string?> _preferred = new(StringComparer.Ordinal);
        private int _nextGenerated = 1;

        public void Use(string ns, string? prefix)
        {
            if (ns.Length == 0 || ns == XNamespace.Xmlns.NamespaceName || FixedNamespaces.Contains(ns) || _prefixByNamespace.ContainsKey(ns))
            {
                return;
            }

            // Generated prefixes are only ever taken in order, so the search resumes where it stopped: linear overall.
            var chosen = prefix is not null && _taken.Add(prefix) ? prefix : null;
            while (chosen is null)
            {
                var candidate = "ns" + _nextGenerated++;
                chosen = _taken.Add(candidate) ? candidate : null;
            }

            _prefixByNamespace[ns] = chosen;
        }

        /// <summary>
        /// A namespace our own dialect attributes use: declared with <paramref name="prefix"/> when the file's kept content
        /// did not declare it already (kept content decides first, so its prefixes read back as they were).
        /// </summary>
        public void Prefer(string ns, string? prefix) => _preferred.TryAdd(ns, prefix);

        public XElement Parse(string xml)
        {
            var element = XElement.Parse(xml);
            foreach (var declaration in element.DescendantsAndSelf().Attributes().Where(a => a.IsNamespaceDeclaration).ToList())
            {
                var prefix = declaration.Name.Namespace == XNamespace.Xmlns ? declaration.Name.LocalName : null;
                Use(declaration.Value, prefix);
                if (prefix is not null && (_prefixByNamespace.GetValueOrDefault(declaration.Value) == prefix || Fixed.GetValueOrDefault(prefix) == declaration.Value))
                {
                    declaration.Remove(); // declared on the root instead
                }
            }

            // Declarations left on the element (a kept prefix that clashes with ours, e.g. dc="urn:vendor") are not names to declare.
            foreach (var name in element.DescendantsAndSelf().SelectMany(e => e.Attributes().Where(a => !a.IsNamespaceDeclaration).Select(a => a.Name).Append(e.Name)))
            {
                Use(name.NamespaceName, null);
            }

            return element;
        }

        public void Declare(XElement root)
        {
            foreach (var (ns, prefix) in _preferred)
            {
                Use(ns, prefix);
            }

            foreach (var (ns, prefix) in _prefixByNamespace)
            {
                root.Add(new XAttribute(XNamespace.Xmlns + prefix, ns));
            }
        }
    }

    /// <summary>A map's flows by source and target, built once per map instead of scanning all flows per point.</summary>
    private sealed class FlowIndex(RouteMap map)
    {
        public RouteMap Map => map;

        public Dictionary<string, string> Conditions { get; } = map.Points.OfType<ConditionPoint>().ToDictionary(c => c.Id, c => c.Expression, StringComparer.Ordinal);

        private readonly ILookup<string, Flow> _outgoing = map.Flows.ToLookup(f => f.SourceId, StringComparer.Ordinal);
        private readonly ILookup<string, Flow> _incoming = map.Flows.ToLookup(f => f.TargetId, StringComparer.Ordinal);

        public IReadOnlyList<Flow> Outgoing(string pointId) => [.. _outgoing[pointId]];

        public IReadOnlyList<Flow> Incoming(string pointId) => [.. _incoming[pointId]];
    }
}
