using System.Globalization;
using CrmBpm.Engine.Definitions;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace CrmBpm.Designer.Interop;

/// <summary>
/// The typed boundary to the bpmn-js canvas. The JavaScript module is imported lazily on first use from
/// <c>_content/CrmBpm.Designer/</c>; every edit becomes one <c>modeling.updateProperties</c> call there, so the canvas's
/// undo/redo covers the properties panel too. Disposal tolerates a circuit that is already gone.
/// </summary>
public sealed class RouteMapDesignerInterop : IAsyncDisposable
{
    /// <summary>Where the JS isolation module is served from.</summary>
    public const string ModulePath = "./_content/CrmBpm.Designer/RouteMapDesigner.razor.js";

    private readonly IJSRuntime _js;
    private readonly Lazy<Task<IJSObjectReference>> _module;
    private DotNetObjectReference<CanvasCallbacks>? _callbacks;
    private ElementReference _host;
    private bool _created;

    /// <summary>Creates the interop; nothing is loaded until <see cref="CreateAsync"/>.</summary>
    public RouteMapDesignerInterop(IJSRuntime js)
    {
        _js = js;
        _module = new(() => _js.InvokeAsync<IJSObjectReference>("import", ModulePath).AsTask());
    }

    /// <summary>Creates the canvas inside <paramref name="host"/> and opens <paramref name="xml"/>; returns bpmn-js's import warnings.</summary>
    public async Task<IReadOnlyList<string>> CreateAsync(
        ElementReference host, string xml, bool readOnly, Func<string?, Task> selectionChanged, Func<string, Task> xmlChanged)
    {
        _host = host;
        _callbacks = DotNetObjectReference.Create(new CanvasCallbacks(selectionChanged, xmlChanged));
        var module = await _module.Value;
        var warnings = await module.InvokeAsync<string[]?>("create", host, _callbacks, new { readOnly, labels = Localization.DesignerText.CanvasLabels() }, xml);
        _created = true;
        return warnings ?? [];
    }

    /// <summary>Replaces the document shown (e.g. another map); returns bpmn-js's import warnings.</summary>
    public async Task<IReadOnlyList<string>> OpenAsync(string xml) => await InvokeAsync<string[]?>("open", xml) ?? [];

    /// <summary>The current document as BPMN XML.</summary>
    public async Task<string> GetXmlAsync() => await InvokeAsync<string>("xml");

    /// <summary>
    /// Sets attributes of a point or flow in one undoable step: <c>name</c>, <c>crm:*</c> (see the engine's Bpmn/README.md),
    /// <c>calledElement</c>. A null or empty value removes the attribute.
    /// </summary>
    public Task UpdatePropertiesAsync(string elementId, IReadOnlyDictionary<string, object?> properties) =>
        InvokeVoidAsync("updateProperties", elementId, properties);

    /// <summary>An Action's outcome buttons (<c>crm:outcome</c> extension elements).</summary>
    public Task SetOutcomesAsync(string elementId, IEnumerable<string> outcomes) =>
        ReplaceExtensionElementsAsync(elementId, ["crm:Outcome"], outcomes.Select(o => Item("crm:Outcome", ("name", o))));

    /// <summary>An Action's form fields (<c>crm:formField</c>, with <c>crm:option</c> children for a choice).</summary>
    public Task SetFormFieldsAsync(string elementId, IEnumerable<FormField> fields) =>
        ReplaceExtensionElementsAsync(elementId, ["crm:FormField"], fields.Select(f => Item("crm:FormField",
            ("name", f.Name),
            ("label", f.Label),
            ("type", f.Type.ToString().ToLowerInvariant()),
            ("required", f.Required ? "true" : null),
            ("readOnly", f.ReadOnly ? "true" : null),
            ("defaultValue", f.DefaultValue),
            ("min", f.Minimum?.ToString(CultureInfo.InvariantCulture)),
            ("max", f.Maximum?.ToString(CultureInfo.InvariantCulture)),
            ("minLength", f.MinLength?.ToString(CultureInfo.InvariantCulture)),
            ("maxLength", f.MaxLength?.ToString(CultureInfo.InvariantCulture)),
            ("options", f.Type == FormFieldType.Choice
                ? f.Options.Select((o, i) => Item("crm:Option", ("value", o), ("label", i < f.OptionLabels.Count ? f.OptionLabels[i] : null))).ToArray()
                : null))));

    /// <summary>The map's declared start variables (<c>crm:startVariable</c> on the process).</summary>
    public Task SetStartVariablesAsync(string processId, IEnumerable<StartVariable> variables) =>
        ReplaceExtensionElementsAsync(processId, ["crm:StartVariable"], variables.Select(v => Item("crm:StartVariable",
            ("name", v.Name),
            ("type", v.Type.ToString().ToLowerInvariant()),
            ("label", v.Label),
            ("required", v.Required ? "true" : null))));

    /// <summary>A Nested process's variable mappings (<c>crm:input</c> parent → child, <c>crm:output</c> child → parent).</summary>
    public Task SetMappingsAsync(string elementId, IEnumerable<VariableMapping> inputs, IEnumerable<VariableMapping> outputs) =>
        ReplaceExtensionElementsAsync(elementId, ["crm:Input", "crm:Output"],
            inputs.Select(m => Item("crm:Input", ("source", m.Source), ("target", m.Target)))
                .Concat(outputs.Select(m => Item("crm:Output", ("source", m.Source), ("target", m.Target)))));

    /// <summary>An Action's description (<c>bpmn:documentation</c>).</summary>
    public Task SetDocumentationAsync(string elementId, string? text) => InvokeVoidAsync("setDocumentation", elementId, text ?? "");

    /// <summary>One task per item of a list variable, or a single task when <paramref name="multiInstance"/> is null.</summary>
    public Task SetMultiInstanceAsync(string elementId, MultiInstance? multiInstance) =>
        InvokeVoidAsync("setMultiInstance", elementId, multiInstance is null
            ? null
            : new { collection = multiInstance.CollectionVariable, elementVariable = multiInstance.ElementVariable, resultCollection = multiInstance.ResultCollection });

    /// <summary>The case expression of a flow leaving a Choice (<c>bpmn:conditionExpression</c>); empty removes it.</summary>
    public Task SetFlowConditionAsync(string flowId, string? expression) => InvokeVoidAsync("setFlowCondition", flowId, expression ?? "");

    /// <summary>The default flow of a gateway; null clears it.</summary>
    public Task SetDefaultFlowAsync(string gatewayId, string? flowId) => InvokeVoidAsync("setDefaultFlow", gatewayId, flowId);

    /// <summary>
    /// When a timer event fires: its <c>timerEventDefinition</c> gets one <c>timeDuration</c>, <c>timeDate</c> or <c>timeCycle</c>
    /// holding <paramref name="value"/> (ISO 8601 text or an expression); an empty value leaves the definition empty.
    /// </summary>
    public Task SetTimerAsync(string elementId, TimerDefinitionKind kind, string? value) =>
        InvokeVoidAsync("setTimer", elementId, kind.ToString().ToLowerInvariant(), value ?? "");

    /// <summary>
    /// The message (<paramref name="kind"/> <c>message</c>) or signal (<c>signal</c>) an event waits for or sends: its
    /// <c>messageRef</c>/<c>signalRef</c> points at the root <c>bpmn:message</c>/<c>bpmn:signal</c> of that name, declared when
    /// missing, as the engine reads it. Empty clears it.
    /// </summary>
    public Task SetEventNameAsync(string elementId, string kind, string? name) => InvokeVoidAsync("setEventName", elementId, kind, name ?? "");

    /// <summary>The error code an error end throws or an error boundary catches (<c>errorRef</c> to a root <c>bpmn:error</c>); empty: every error.</summary>
    public Task SetErrorCodeAsync(string elementId, string? code) => InvokeVoidAsync("setErrorCode", elementId, code ?? "");

    /// <summary>Names the escalation code an escalation throw or end throws or an escalation boundary catches (its <c>escalationRef</c>); empty: none / every escalation.</summary>
    public Task SetEscalationCodeAsync(string elementId, string? code) => InvokeVoidAsync("setEscalationCode", elementId, code ?? "");

    /// <summary>Attributes of an event's one event definition (e.g. <c>crm:errorCodeVariable</c>); null or empty removes one.</summary>
    public Task UpdateEventDefinitionAsync(string elementId, IReadOnlyDictionary<string, object?> properties) =>
        InvokeVoidAsync("updateEventDefinition", elementId, properties);

    /// <summary>Turns a point into another kind of its family (<c>message-start</c>, <c>error-end</c>, …: the canvas's kind ids); the id stays.</summary>
    public Task ReplaceKindAsync(string elementId, string kindId) => InvokeVoidAsync("replaceKind", elementId, kindId);

    /// <summary>The JavaScript of a Script point (<c>bpmn:script</c>); empty removes it.</summary>
    public Task SetScriptAsync(string elementId, string? script) => InvokeVoidAsync("setScript", elementId, script ?? "");

    /// <summary>
    /// Adds a step to the escalation ladder of Action <paramref name="taskId"/>: a boundary timer on its edge with <c>crm:escalation</c>,
    /// <paramref name="duration"/> from the deadline as its <c>timeDuration</c> and, for the default outcome, <c>crm:outcome</c>
    /// (as the engine's EscalationWriter writes a step). One undoable step; returns the new event's id.
    /// </summary>
    public Task<string> AddEscalationStepAsync(string taskId, EscalationStepKind kind, string? duration, string? outcome = null) =>
        InvokeAsync<string>("addEscalationStep", taskId, EscalationStepArgument(kind, duration, outcome));

    /// <summary>Changes a step of an escalation ladder (its kind, time from the deadline and default outcome) in one undoable step.</summary>
    public Task SetEscalationStepAsync(string stepId, EscalationStepKind kind, string? duration, string? outcome = null) =>
        InvokeVoidAsync("setEscalationStep", stepId, EscalationStepArgument(kind, duration, outcome));

    /// <summary>Removes a point (e.g. a step of an escalation ladder) and its flows from the canvas.</summary>
    public Task RemoveElementAsync(string elementId) => InvokeVoidAsync("removeElement", elementId);

    /// <summary>Selects a point or flow on the canvas and scrolls it into view.</summary>
    public Task SelectAsync(string elementId) => InvokeVoidAsync("select", elementId);

    /// <summary>Marks the elements that have problems; each entry is an element id, a message and whether it only warns.</summary>
    public Task SetProblemsAsync(IEnumerable<(string ElementId, string Message, bool IsWarning)> problems) =>
        InvokeVoidAsync("setProblems", (object)problems.Select(p => new { elementId = p.ElementId, message = p.Message, warning = p.IsWarning }).ToArray());

    /// <summary>Highlights a running instance's path (<paramref name="visited"/>) and current points (<paramref name="active"/>).</summary>
    public Task SetHighlightAsync(IEnumerable<string> visited, IEnumerable<string> active) =>
        InvokeVoidAsync("setHighlight", visited.ToArray(), active.ToArray());

    /// <summary>Runs a canvas action: <c>undo</c>, <c>redo</c>, <c>fit</c>, <c>toggleMinimap</c>, <c>stepZoom</c> (with <c>{ value: 1 }</c>) ...</summary>
    public Task TriggerAsync(string action, object? options = null) => InvokeVoidAsync("trigger", action, options);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_module.IsValueCreated)
            {
                var module = await _module.Value;
                if (_created)
                {
                    await module.InvokeVoidAsync("destroy", _host);
                }

                await module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone, and the browser with it: nothing left to clean up there.
        }
        catch (TaskCanceledException)
        {
            // Disposal during shutdown.
        }
        catch (JSException)
        {
            // The module failed to load (e.g. the bundle was not built): nothing was created.
        }
        finally
        {
            _callbacks?.Dispose();
            _callbacks = null;
        }
    }

    private static object EscalationStepArgument(EscalationStepKind kind, string? duration, string? outcome) =>
        new { kind = Model.EscalationLadder.Names[kind], duration = duration?.Trim() ?? "", outcome = kind == EscalationStepKind.DefaultOutcome ? outcome : null };

    private Task ReplaceExtensionElementsAsync(string elementId, string[] types, IEnumerable<Dictionary<string, object?>> items) =>
        InvokeVoidAsync("replaceExtensionElements", elementId, types, items.ToArray());

    private static Dictionary<string, object?> Item(string type, params (string Name, object? Value)[] properties)
    {
        var item = new Dictionary<string, object?>(StringComparer.Ordinal) { ["$type"] = type };
        foreach (var (name, value) in properties)
        {
            if (value is not null && value is not "")
            {
                item[name] = value;
            }
        }

        return item;
    }

    private async Task InvokeVoidAsync(string identifier, params object?[] args)
    {
        var module = await _module.Value;
        await module.InvokeVoidAsync(identifier, [_host, .. args]);
    }

    private async Task<T> InvokeAsync<T>(string identifier, params object?[] args)
    {
        var module = await _module.Value;
        return await module.InvokeAsync<T>(identifier, [_host, .. args]);
    }
}
