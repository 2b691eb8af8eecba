using Microsoft.Playwright;

namespace CrmBpm.EndToEnd.Infrastructure;

/// <summary>
/// One page holding one bare designer canvas (the <c>RouteMapCanvas</c> of the bpmn-js bundle the designer ships, with
/// its <c>crm:</c> moddle extension), into which BPMN documents are imported one after another: far faster than a page
/// per document. The page is a blank document on the test host's origin, so the bundle loads from the host as the
/// designer loads it.
/// </summary>
public sealed class BpmnJsPage
{
    private const string BundlePath = "_content/CrmBpm.Designer/js/modeler/";

    private readonly List<string> _errors = [];

    private BpmnJsPage(IPage page)
    {
        Page = page;
        page.PageError += (_, error) => { lock (_errors) { _errors.Add(error); } };
    }

    /// <summary>The Playwright page.</summary>
    public IPage Page { get; }

    /// <summary>Uncaught errors the page reported so far (for failure messages).</summary>
    public string Errors
    {
        get { lock (_errors) { return string.Join(Environment.NewLine, _errors); } }
    }

    /// <summary>Opens the page on <paramref name="host"/> and creates the canvas.</summary>
    public static async Task<BpmnJsPage> OpenAsync(IBrowser browser, Uri host)
    {
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        page.SetDefaultTimeout(30_000);
        var address = new Uri(host, "bpmn-js-canvas").ToString();
        await page.RouteAsync(address, route => route.FulfillAsync(new RouteFulfillOptions
        {
            ContentType = "text/html",
            Body = $"<!doctype html><html><head><link rel=\"stylesheet\" href=\"{BundlePath}crmbpm-modeler.css\"></head>" +
                   "<body><div id=\"canvas\" style=\"width:1400px;height:860px\"></div></body></html>",
        }));
        await page.GotoAsync(address);
        await page.EvaluateAsync(CreateCanvas, BundlePath + "crmbpm-modeler.js");
        return new BpmnJsPage(page);
    }

    /// <summary>
    /// Imports <paramref name="xml"/> as the designer opens a document (<c>RouteMapCanvas.open</c>, bpmn-js' importXML),
    /// then opens each further diagram of the file that import did not draw (bpmn-js draws the first diagram and its
    /// sub-process planes; a file of several processes without a collaboration has a diagram per process).
    /// </summary>
    public async Task<BpmnJsImport> ImportAsync(string xml)
    {
        var result = await Page.EvaluateAsync<ImportResult>("xml => window.crmImport(xml)", xml);
        return new BpmnJsImport(result.Error, result.Warnings, result.Drawn.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Closes the page.</summary>
    public Task CloseAsync() => Page.CloseAsync();

    // The bundle exports only RouteMapCanvas; its bpmn-js instance (_modeler) is reached for the element registry and
    // the file's further diagrams. The callbacks stand in for the Blazor component's DotNetObjectReference.
    private const string CreateCanvas =
        """
        async bundle => {
          const { RouteMapCanvas } = await import(new URL(bundle, document.baseURI).href);
          const callbacks = { invokeMethodAsync: () => Promise.resolve() };
          const canvas = new RouteMapCanvas(document.getElementById('canvas'), callbacks, { readOnly: false });
          const modeler = canvas._modeler;
          const messages = warnings => (warnings || []).map(w => w.message);

          window.crmImport = async xml => {
            const warnings = new Set();
            const drawn = new Set();
            const collect = () => modeler.get('elementRegistry').getAll()
              .filter(e => !e.labelTarget && e.businessObject && e.businessObject.id)
              .forEach(e => drawn.add(e.businessObject.id));
            try {
              (await canvas.open(xml)).forEach(m => warnings.add(m));
              collect();
              for (const diagram of modeler.getDefinitions().diagrams || []) {
                const ids = ((diagram.plane && diagram.plane.planeElement) || [])
                  .map(di => di.bpmnElement && di.bpmnElement.id).filter(Boolean);
                if (ids.some(id => !drawn.has(id))) {
                  messages((await modeler.open(diagram)).warnings).forEach(m => warnings.add(m));
                  collect();
                }
              }
            } catch (error) {
              messages(error.warnings).forEach(m => warnings.add(m));
              return { error: String(error.message || error), warnings: [ ...warnings ], drawn: [ ...drawn ] };
            }

            return { error: null, warnings: [ ...warnings ], drawn: [ ...drawn ] };
          };
        }
        """;

    // Playwright fills results through a parameterless constructor and setters.
    private sealed class ImportResult
    {
        public string? Error { get; set; }

        public string[] Warnings { get; set; } = [];

        public string[] Drawn { get; set; } = [];
    }
}
