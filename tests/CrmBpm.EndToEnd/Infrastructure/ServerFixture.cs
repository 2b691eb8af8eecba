using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace CrmBpm.EndToEnd.Infrastructure;

/// <summary>
/// The real CrmBpm.Server in its own process, on a fresh SQLite file with the demo data (users, published standard maps,
/// deals with running Typical sales; <see cref="EmptyServerFixture"/>: without), and one browser. Each test signs in with
/// its own browser context, so two contexts are two people at two computers.
/// </summary>
public class ServerFixture : IAsyncLifetime
{
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("crmbpm-e2e-").FullName;
    private readonly bool _demo;
    private IPlaywright? _playwright;

    /// <summary>A server on the demo data.</summary>
    public ServerFixture()
        : this(demo: true)
    {
    }

    /// <summary>A server on the demo data, or (<paramref name="demo"/> false) on an empty database as a new company has it.</summary>
    protected ServerFixture(bool demo) => _demo = demo;

    /// <summary>The running server.</summary>
    public AppProcess Host { get; private set; } = default!;

    /// <summary>The browser.</summary>
    public IBrowser Browser { get; private set; } = default!;

    /// <summary>The SQLite file the server works on (tests may read it to check what the UI did).</summary>
    public string DatabaseFile => Path.Combine(_dataFolder, "crmbpm.db");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        (_playwright, Browser) = await Chromium.LaunchAsync();
        Host = await WebHostProcess.StartAsync(Path.Combine("src", "CrmBpm.Server"), new Dictionary<string, string>
        {
            ["ConnectionStrings__CrmBpm"] = $"Data Source={DatabaseFile}",
            ["Database__Provider"] = "Sqlite",
            ["Demo__Seed"] = _demo ? "true" : "false",

            // Every browser test signs in from this one address, far more often than the sign-in throttle lets one client.
            ["Security__SignInPermitLimit"] = "100000",
        }, probePath: "account/signin");
    }

    /// <summary>
    /// A new browser context signed in as <paramref name="userName"/> (a demo login), on the start page. The default
    /// viewport is 1280×720, the smallest desktop the UI promises; pass 390×844 for a phone.
    /// </summary>
    /// <summary>An API client of the server signed in as <paramref name="userName"/> with a bearer token from POST /api/auth/token.</summary>
    public async Task<HttpClient> ApiAsync(string userName, string password)
    {
        var client = new HttpClient { BaseAddress = Host.BaseAddress };
        using var response = await client.PostAsJsonAsync("api/auth/token", new { userName, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Opens a process-controlled deal (Typical sale) for the first partner; its qualification lands in the Sales manager pool.</summary>
    public static async Task OpenProcessDealAsync(HttpClient api, string title)
    {
        var partners = await api.GetFromJsonAsync<JsonElement>("api/partners");
        var partnerId = partners.GetProperty("items")[0].GetProperty("id").GetGuid();
        using var response = await api.PostAsJsonAsync("api/deals", new
        {
            title, partnerId, kind = "ProcessControlled", routeMapKey = "typical-sale", potentialAmount = 10_000, allowDuplicates = true,
        });
        response.EnsureSuccessStatusCode();
    }

    public async Task<IPage> SignInAsync(string userName, string password, int width = 1280, int height = 720, string? locale = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = locale ?? "en-US",
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        await page.GotoAsync("account/signin");
        await page.FillAsync("input[name=userName]", userName);
        await page.FillAsync("input[name=password]", password);
        await page.ClickAsync("button[type=submit]");

        // Signing in hashes a password, the costliest request there is: when the test run's other assemblies (the crash
        // rounds' servers among them) hold both cores, it alone has been seen to take over 15 s.
        await page.WaitForURLAsync(url => !url.Contains("/account/signin", StringComparison.Ordinal), new PageWaitForURLOptions { Timeout = 60_000 });
        await WaitForCircuitAsync(page);
        return page;
    }

    /// <summary>
    /// Waits until the page is rendered by the interactive circuit (the layout marks itself), so clicks reach .NET code;
    /// before that the browser shows the prerendered HTML, whose buttons do nothing.
    /// </summary>
    public static Task WaitForCircuitAsync(IPage page) =>
        page.Locator(".shell[data-interactive=true]").WaitForAsync();

    /// <summary>
    /// Waits until the page's address satisfies <paramref name="matches"/>. Blazor navigates inside the document, and
    /// Playwright's WaitForURL waits for a navigation event and a load state that such a navigation may already have
    /// fired (CI timed out on pages already there), so this polls the address.
    /// </summary>
    public static async Task WaitForAddressAsync(IPage page, Func<string, bool> matches)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!matches(page.Url))
        {
            if (DateTime.UtcNow > deadline)
            {
                // Say what the page shows instead: a refusal, a form problem or the circuit's error bar.
                var alerts = await page.Locator("[role=alert]:visible, .field-problem:visible").AllInnerTextsAsync();
                var screenshot = await ScreenshotAsync(page, "stuck-" + DateTime.UtcNow.ToString("HHmmss", System.Globalization.CultureInfo.InvariantCulture));
                throw new TimeoutException(
                    $"The page stayed at {page.Url} for 20 s; it shows: {(alerts.Count == 0 ? "no alert" : string.Join(" | ", alerts))} (screenshot {Path.GetFileName(screenshot)}).");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Waits until the page's address matches <paramref name="address"/> (see the other overload).</summary>
    public static Task WaitForAddressAsync(IPage page, System.Text.RegularExpressions.Regex address) =>
        WaitForAddressAsync(page, address.IsMatch);

    /// <summary>Saves a full-page screenshot under the artifacts folder and returns its path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(DesignerFixture.ScreenshotDirectory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
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
        Directory.Delete(_dataFolder, recursive: true);
    }
}

/// <summary>All browser tests against the real server share one server and browser.</summary>
[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "server";
}
