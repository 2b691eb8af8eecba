using Microsoft.Playwright;

namespace CrmBpm.EndToEnd.Infrastructure;

/// <summary>The designer page as a consultant uses it: mouse on the canvas, keyboard in the properties panel.</summary>
public sealed class DesignerPage
{
    private readonly List<string> _console = [];

    /// <summary>Wraps <paramref name="page"/> and records what its console says.</summary>
    public DesignerPage(IPage page)
    {
        Page = page;
        page.Console += (_, message) => { lock (_console) { _console.Add($"{message.Type}: {message.Text}"); } };
        page.PageError += (_, error) => { lock (_console) { _console.Add("page error: " + error); } };
    }

    /// <summary>The Playwright page.</summary>
    public IPage Page { get; }

    /// <summary>What the browser console said so far (for failure messages).</summary>
    public string ConsoleLog
    {
        get { lock (_console) { return string.Join(Environment.NewLine, _console); } }
    }

    /// <summary>The properties panel.</summary>
    public ILocator Panel => Page.Locator(".crm-properties");

    /// <summary>The problems list.</summary>
    public ILocator Problems => Page.Locator(".crm-problems li");

    /// <summary>The validation status in the toolbar.</summary>
    public ILocator Status => Page.Locator(".crm-status");

    /// <summary>Waits until the canvas is drawn, interactive and the first check has run.</summary>
    public async Task WaitUntilReadyAsync()
    {
        try
        {
            await Page.Locator(".crm-canvas .djs-container").WaitForAsync();
            await Page.WaitForFunctionAsync("() => !document.querySelector('.crm-status') || document.querySelector('.crm-status').textContent.indexOf('Checking') < 0");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException("The designer did not become ready. Browser console:" + Environment.NewLine + ConsoleLog, e);
        }
    }

    /// <summary>A shape or flow on the canvas.</summary>
    public ILocator Element(string id) => Page.Locator($".djs-element[data-element-id='{id}']").First;

    /// <summary>The id of the element the properties panel shows.</summary>
    public async Task<string> SelectedIdAsync() => (await Panel.Locator(".crm-properties-header code").InnerTextAsync()).Trim();

    /// <summary>The centre of a shape on screen.</summary>
    public async Task<(float X, float Y)> CenterAsync(string id)
    {
        var box = await Element(id).Locator(".djs-hit").First.BoundingBoxAsync() ?? throw new InvalidOperationException($"{id} is not on screen.");
        return (box.X + (box.Width / 2), box.Y + (box.Height / 2));
    }

    /// <summary>
    /// Clicks a shape (which selects it) and waits until the panel shows it. A new point opens its label editor; the
    /// first click may only close that editor, so the click is repeated until the shape is selected.
    /// </summary>
    public async Task SelectAsync(string id)
    {
        await Element(id).ScrollIntoViewIfNeededAsync(); // a map lower on a long page (the deal card) is below the fold
        for (var attempt = 0; attempt < 3 && !await IsSelectedAsync(id); attempt++)
        {
            var (x, y) = await CenterAsync(id);
            await Page.Mouse.ClickAsync(x, y);
            await Page.WaitForTimeoutAsync(100);
        }

        await Panel.Locator($".crm-properties-header code:text-is('{id}')").WaitForAsync();
    }

    /// <summary>
    /// Clicks the middle of a flow's line (not of its bounding box, which an elbowed flow does not pass through) and waits
    /// until the panel shows it.
    /// </summary>
    public async Task SelectFlowAsync(string id)
    {
        await Element(id).ScrollIntoViewIfNeededAsync();
        var point = await Page.EvaluateAsync<float[]>(
            """
            id => {
              const path = document.querySelector(`.djs-element[data-element-id='${id}'] .djs-hit`);
              const middle = path.getPointAtLength(path.getTotalLength() / 2);
              const screen = new DOMPoint(middle.x, middle.y).matrixTransform(path.getScreenCTM());
              return [screen.x, screen.y];
            }
            """, id);
        await Page.Mouse.ClickAsync(point[0], point[1]);
        await Panel.Locator($".crm-properties-header code:text-is('{id}')").WaitForAsync();
    }

    /// <summary>The ids of every point and flow drawn on the canvas (labels and the process itself left out).</summary>
    public async Task<(IReadOnlyList<string> Points, IReadOnlyList<string> Flows)> DrawnElementsAsync()
    {
        var points = await Page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('.djs-shape[data-element-id]')].map(e => e.dataset.elementId).filter(id => !id.endsWith('_label') && !document.querySelector(`.djs-root[data-element-id='${id}']`))");
        var flows = await Page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('.djs-connection[data-element-id]')].map(e => e.dataset.elementId)");
        return (points, flows);
    }

    private async Task<bool> IsSelectedAsync(string id) =>
        await Page.Locator($".djs-element.selected[data-element-id='{id}']").CountAsync() == 1 &&
        await Page.Locator(".djs-direct-editing-parent:visible").CountAsync() == 0;

    /// <summary>Adds a point of <paramref name="kind"/> after <paramref name="fromId"/> with the context pad; returns its id.</summary>
    public async Task<string> AppendAsync(string fromId, string kind)
    {
        await SelectAsync(fromId);
        await Page.Locator($".djs-context-pad .entry[data-action='append.{kind}']").ClickAsync();
        return await NewSelectionAsync(fromId);
    }

    /// <summary>Puts a timer on the edge of an Action or Nested process with its context pad; returns the timer's id.</summary>
    public async Task<string> AttachTimerAsync(string activityId)
    {
        await SelectAsync(activityId);
        await Page.Locator(".djs-context-pad .entry[data-action='attach.timer']").ClickAsync();
        return await NewSelectionAsync(activityId);
    }

    /// <summary>Drags a point kind from the palette to a place on screen; returns the new point's id.</summary>
    public async Task<string> DragFromPaletteAsync(string kind, float x, float y)
    {
        var before = await SelectedOrNoneAsync();
        var entry = await PaletteEntryInViewAsync(kind);
        await Page.Mouse.MoveAsync(entry.X + 14, entry.Y + (entry.Height / 2));
        await Page.Mouse.DownAsync();
        await Page.Mouse.MoveAsync(entry.X + 60, entry.Y + 20, new MouseMoveOptions { Steps = 5 });
        await Page.Mouse.MoveAsync(x, y, new MouseMoveOptions { Steps = 12 });
        await Page.Mouse.UpAsync();
        return await NewSelectionAsync(before);
    }

    /// <summary>
    /// The box of a palette entry scrolled to the middle of the palette (which scrolls when the canvas is shorter than its list
    /// of kinds), once it stands still and wholly inside the palette: grabbing an entry half cut off at the palette's edge
    /// grabs the canvas instead.
    /// </summary>
    private async Task<LocatorBoundingBoxResult> PaletteEntryInViewAsync(string kind)
    {
        var locator = Page.Locator($".djs-palette .entry[data-action='create.{kind}']");
        await locator.EvaluateAsync("entry => entry.scrollIntoView({ block: 'center', inline: 'nearest' })");
        LocatorBoundingBoxResult? last = null;
        for (var attempt = 0; attempt < 40; attempt++)
        {
            var palette = await Page.Locator(".djs-palette").BoundingBoxAsync() ?? throw new InvalidOperationException("No palette");
            var entry = await locator.BoundingBoxAsync() ?? throw new InvalidOperationException("No palette entry " + kind);
            var inside = entry.Y >= palette.Y && entry.Y + entry.Height <= palette.Y + palette.Height;
            if (inside && last is not null && Math.Abs(last.Y - entry.Y) < 0.5)
            {
                return entry;
            }

            last = entry;
            await Task.Delay(50);
        }

        throw new InvalidOperationException($"The palette entry {kind} did not come to rest inside the palette.");
    }

    /// <summary>Connects two points with the context pad's connect tool.</summary>
    public async Task ConnectAsync(string fromId, string toId)
    {
        await SelectAsync(fromId);
        await Page.Locator(".djs-context-pad .entry[data-action='connect']").ClickAsync();
        var (x, y) = await CenterAsync(toId);
        await Page.Mouse.MoveAsync(x - 5, y - 5, new MouseMoveOptions { Steps = 8 });
        await Page.Mouse.MoveAsync(x, y, new MouseMoveOptions { Steps = 2 });
        await Page.Mouse.ClickAsync(x, y);
    }

    /// <summary>A field of the properties panel by its data-field name.</summary>
    public ILocator Field(string name) => Panel.Locator($"[data-field='{name}']").First;

    /// <summary>Types into a panel field and leaves it (the panel writes on change).</summary>
    public async Task FillAsync(string field, string value)
    {
        var input = Field(field);
        await input.FillAsync(value);
        await input.PressAsync("Tab");
    }

    /// <summary>Picks an option of a panel select.</summary>
    public Task SelectOptionAsync(string field, string value) => Field(field).SelectOptionAsync(value);

    /// <summary>Saves a full-page screenshot to the artifacts folder; returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var path = Path.Combine(DesignerFixture.ScreenshotDirectory, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        return path;
    }

    /// <summary>The BPMN XML the host page shows (the designer's XmlChanged).</summary>
    public async Task<string> XmlAsync() => await Page.Locator("[data-testid=xml]").TextContentAsync() ?? "";

    /// <summary>The problem list entries for one element.</summary>
    public ILocator ProblemsOf(string elementId) => Page.Locator($".crm-problems li[data-element='{elementId}']");

    private async Task<string?> SelectedOrNoneAsync() =>
        await Panel.Locator(".crm-properties-header code").CountAsync() == 0 ? null : await SelectedIdAsync();

    private async Task<string> NewSelectionAsync(string? previous)
    {
        await Page.WaitForFunctionAsync(
            "previous => { const c = document.querySelector('.crm-properties-header code'); const id = c && c.textContent.trim(); const shape = id && document.querySelector(`.djs-shape[data-element-id='${id}']`); return id && id !== previous && shape && shape.classList.contains('selected'); }",
            previous ?? "");
        return await SelectedIdAsync();
    }
}
