using Microsoft.Playwright;

namespace CrmBpm.EndToEnd.Infrastructure;

/// <summary>One test host and one browser for all designer tests; each test opens its own page.</summary>
public sealed class DesignerFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    /// <summary>The running test host.</summary>
    public AppProcess Host { get; private set; } = default!;

    /// <summary>The browser.</summary>
    public IBrowser Browser { get; private set; } = default!;

    /// <summary>Where screenshots go: artifacts/screenshots under the test output (CRMBPM_ARTIFACTS overrides).</summary>
    public static string ScreenshotDirectory { get; } = Directory.CreateDirectory(Path.Combine(
        Environment.GetEnvironmentVariable("CRMBPM_ARTIFACTS") ?? Path.Combine(AppContext.BaseDirectory, "artifacts"), "screenshots")).FullName;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        (_playwright, Browser) = await Chromium.LaunchAsync();
        Host = await WebHostProcess.StartAsync(Path.Combine("tests", "CrmBpm.Designer.TestHost"), new Dictionary<string, string>());
    }

    /// <summary>A 1440×900 page on the designer, with the canvas ready; <paramref name="culture"/> (e.g. ru) sets the host's culture cookie.</summary>
    public async Task<DesignerPage> OpenAsync(string path = "", string? culture = null)
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        if (culture is not null)
        {
            await page.Context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = $"c={culture}|uic={culture}", Url = Host.BaseAddress.ToString() }]);
        }

        page.SetDefaultTimeout(15_000);
        var designer = new DesignerPage(page);
        await page.GotoAsync(new Uri(Host.BaseAddress, path).ToString());
        try
        {
            await designer.WaitUntilReadyAsync();
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException(e.Message + Environment.NewLine + "Host output:" + Environment.NewLine + Host.Output, e);
        }

        return designer;
    }

    /// <summary>
    /// Opens a designer page (<see cref="OpenAsync"/>), does <paramref name="work"/> on it, and closes it; a failure first leaves a
    /// screenshot named <paramref name="failureScreenshot"/>, so a broken walk can be looked at.
    /// </summary>
    public async Task WithDesignerAsync(string failureScreenshot, Func<DesignerPage, Task> work, string? culture = null)
    {
        ArgumentNullException.ThrowIfNull(work);
        var designer = await OpenAsync(culture: culture);
        try
        {
            await work(designer);
        }
        catch
        {
            await designer.ScreenshotAsync(failureScreenshot);
            throw;
        }
        finally
        {
            await designer.Page.CloseAsync();
        }
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

/// <summary>All designer browser tests share one host and browser.</summary>
[CollectionDefinition(Name)]
public sealed class DesignerCollection : ICollectionFixture<DesignerFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "designer";
}
