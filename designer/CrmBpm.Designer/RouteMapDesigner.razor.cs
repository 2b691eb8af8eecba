using CrmBpm.Designer.Interop;
using CrmBpm.Designer.Model;
using CrmBpm.Designer.Validation;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Jobs;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.JSInterop;

namespace CrmBpm.Designer;

/// <summary>
/// Draws, edits and checks a route map: a bpmn-js canvas limited to CrmBpm's point kinds, a properties panel for the
/// selected point or flow, and the engine's validation after every change, with problems listed and marked on the canvas.
/// The document is BPMN 2.0 XML with CrmBpm's <c>crm:</c> extension properties, exactly as the engine's importer reads it.
/// </summary>
public sealed partial class RouteMapDesigner : IAsyncDisposable
{
    private ElementReference _host;
    private RouteMapDesignerInterop _interop = default!;
    private DesignerDocument _document = DesignerDocument.Empty;
    private CrmBpm.Engine.Validation.MapVariables? _variables; // what the condition builder offers
    private IReadOnlyList<DesignerProblem> _problems = [];
    private int _errors;
    private int _warnings;
    private string? _selectedId;
    private string? _currentXml;
    private string? _xmlParameter;
    private DesignerHighlight? _appliedHighlight;
    private CancellationTokenSource? _validation;
    private bool _created;
    private bool _checking = true;
    private bool _unsaved;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    /// <summary>The BPMN XML to open; null or empty opens a new map with a Start point. A new value opens that document.</summary>
    [Parameter]
    public string? Xml { get; set; }

    /// <summary>Raised (debounced) after every change on the canvas or in the properties panel, with the whole document.</summary>
    [Parameter]
    public EventCallback<string> XmlChanged { get; set; }

    /// <summary>Users the performer picker offers (id written to <c>crm:performerUser</c>).</summary>
    [Parameter]
    public IReadOnlyList<DesignerUser> Users { get; set; } = [];

    /// <summary>Roles the performer picker offers (written to <c>crm:performerRole</c>).</summary>
    [Parameter]
    public IReadOnlyList<string> Roles { get; set; } = [];

    /// <summary>Addressing objects the performer picker suggests for a role (written to <c>crm:addressingObject</c>); any other name may still be typed.</summary>
    [Parameter]
    public IReadOnlyList<DesignerAddressingObject> AddressingObjects { get; set; } = [];

    /// <summary>Deal stages an Action may represent (written to <c>crm:stage</c>).</summary>
    [Parameter]
    public IReadOnlyList<string> Stages { get; set; } = [];

    /// <summary>Published maps a Nested process may run; also what the default validation knows as published.</summary>
    [Parameter]
    public IReadOnlyList<PublishedMapInfo> PublishedMaps { get; set; } = [];

    /// <summary>
    /// The handlers an automatic step may call (the application's <c>ServiceTaskHandlerRegistry.Handlers</c>), with what each
    /// does, reads and sets; the handler picker lists them, and the default validation refuses any other name.
    /// </summary>
    [Parameter]
    public IReadOnlyList<RegisteredHandler> Handlers { get; set; } = [];

    /// <summary>Shows the map without palette, editing or validation (e.g. a running instance).</summary>
    [Parameter]
    public bool ReadOnly { get; set; }

    /// <summary>For a running instance: the path taken and the current points, highlighted on the canvas.</summary>
    [Parameter]
    public DesignerHighlight? Highlight { get; set; }

    /// <summary>
    /// Validates the imported map; the default runs the engine's <c>RouteMapValidator</c> with <see cref="PublishedMaps"/>
    /// as the published maps. Hosts with a store pass <c>IRouteMapService.ValidateAsync</c>.
    /// </summary>
    [Parameter]
    public RouteMapValidation? Validate { get; set; }

    /// <summary>Raised with the problems after each check (empty: the map can be published).</summary>
    [Parameter]
    public EventCallback<IReadOnlyList<DesignerProblem>> ProblemsChanged { get; set; }

    /// <summary>Raised when the selection changes, with the selected point or flow id (null: nothing).</summary>
    [Parameter]
    public EventCallback<string?> SelectionChanged { get; set; }

    /// <summary>
    /// Asks before the page is left (closed, reloaded, or another page of the application opened) while there are changes
    /// since the document was opened or <see cref="MarkSaved"/> was last called. On by default; never while read-only.
    /// </summary>
    [Parameter]
    public bool ConfirmLeavingUnsaved { get; set; } = true;

    /// <summary>Whether the map was changed since it was opened or last marked saved.</summary>
    public bool HasUnsavedChanges => _unsaved;

    /// <summary>Tells the designer the host saved (or published) the current document: leaving no longer asks.</summary>
    public void MarkSaved()
    {
        _unsaved = false;
        StateHasChanged();
    }

    private bool GuardsLeaving => ConfirmLeavingUnsaved && !ReadOnly && _unsaved;

    private async Task OnBeforeInternalNavigationAsync(LocationChangingContext context)
    {
        if (GuardsLeaving && !await JS.InvokeAsync<bool>("confirm", Localization.DesignerText.L("designer.leave-unsaved")))
        {
            context.PreventNavigation();
        }
    }

    /// <summary>The problems found by the last check.</summary>
    public IReadOnlyList<DesignerProblem> Problems => _problems;

    /// <summary>The document as the canvas last reported it.</summary>
    public string? CurrentXml => _currentXml;

    /// <summary>The current document, read from the canvas now (not waiting for the debounced <see cref="XmlChanged"/>).</summary>
    public Task<string> GetXmlAsync() => _interop.GetXmlAsync();

    /// <summary>Selects a point or flow on the canvas.</summary>
    public async Task SelectAsync(string elementId)
    {
        await _interop.SelectAsync(elementId);
        await OnSelectionChangedAsync(elementId);
    }

    private static string SeverityTitle(DesignerProblem problem) =>
        Localization.DesignerText.L(problem.IsWarning ? "designer.warning-title" : "designer.error-title");

    /// <inheritdoc />
    protected override void OnInitialized() => _interop = new RouteMapDesignerInterop(JS);

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        var xml = string.IsNullOrWhiteSpace(Xml) ? null : Xml;
        if (_created && xml != _xmlParameter && xml != _currentXml)
        {
            _xmlParameter = xml;
            await OpenAsync(xml ?? RouteMapTemplates.Blank(), afterCreate: false);
        }

        if (_created && !Equals(Highlight, _appliedHighlight))
        {
            await ApplyHighlightAsync();
        }
    }

    /// <inheritdoc />
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _xmlParameter = string.IsNullOrWhiteSpace(Xml) ? null : Xml;
            await OpenAsync(_xmlParameter ?? RouteMapTemplates.Blank(), afterCreate: true);
            _created = true;
            await ApplyHighlightAsync();
        }
    }

    private async Task OpenAsync(string xml, bool afterCreate)
    {
        if (afterCreate)
        {
            await _interop.CreateAsync(_host, xml, ReadOnly, OnSelectionChangedAsync, OnXmlChangedAsync);
        }
        else
        {
            await _interop.OpenAsync(xml);
        }

        _selectedId = null;
        _unsaved = false;
        await DocumentChangedAsync(xml, notify: false);
    }

    private async Task OnSelectionChangedAsync(string? elementId)
    {
        if (_selectedId == elementId)
        {
            return;
        }

        _selectedId = elementId;
        await SelectionChanged.InvokeAsync(elementId);
        await InvokeAsync(StateHasChanged);
    }

    private Task OnXmlChangedAsync(string xml)
    {
        _unsaved = true; // the canvas reports a document only after an edit (or its undo)
        return DocumentChangedAsync(xml, notify: true);
    }

    private async Task DocumentChangedAsync(string xml, bool notify)
    {
        _currentXml = xml;
        _document = DesignerDocument.Parse(xml);
        _variables = DesignerVariables.Of(xml, Handlers) ?? _variables;
        if (notify)
        {
            await XmlChanged.InvokeAsync(xml);
        }

        await InvokeAsync(StateHasChanged);
        if (!ReadOnly)
        {
            await CheckAsync(xml);
        }
    }

    private async Task CheckAsync(string xml)
    {
        if (_validation is not null)
        {
            await _validation.CancelAsync();
            _validation.Dispose();
        }

        var validation = _validation = new CancellationTokenSource();
        _checking = true;
        var validate = Validate ?? RouteMapCheck.Default(PublishedMaps.Select(m => m.Key), Handlers.Count == 0 ? null : Handlers.Select(h => h.Name), Handlers);
        var (_, problems) = await RouteMapCheck.RunAsync(xml, validate, validation.Token);
        if (validation.IsCancellationRequested)
        {
            return; // a newer document is being checked
        }

        _checking = false;
        problems = ProblemWording.ForConsultant(problems, DesignerDocument.Parse(xml));
        _problems = problems;
        _errors = problems.Count(p => !p.IsWarning);
        _warnings = problems.Count - _errors;
        await _interop.SetProblemsAsync(problems.Where(p => p.ElementId is not null).Select(p => (p.ElementId!, p.Message, p.IsWarning)));
        await ProblemsChanged.InvokeAsync(problems);
        await InvokeAsync(StateHasChanged);
    }

    private async Task ApplyHighlightAsync()
    {
        _appliedHighlight = Highlight;
        var highlight = Highlight ?? DesignerHighlight.None;
        await _interop.SetHighlightAsync(highlight.Visited, highlight.Active);
    }

    private Task TriggerAsync(string action, object? options = null) => _interop.TriggerAsync(action, options);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_validation is not null)
        {
            await _validation.CancelAsync();
            _validation.Dispose();
        }

        await _interop.DisposeAsync();
    }
}
