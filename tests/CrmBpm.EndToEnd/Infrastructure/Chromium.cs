using Microsoft.Playwright;

namespace CrmBpm.EndToEnd.Infrastructure;

/// <summary>
/// Launches Debian's chromium (Playwright cannot download its own browsers here). A missing browser is a failure
/// that says how to install it, never a silent skip.
/// </summary>
public static class Chromium
{
    /// <summary>Where Debian's package installs it.</summary>
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    /// <summary>Starts Playwright and a headless chromium.</summary>
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Chromium is not installed at {ExecutablePath}; the designer's browser tests need it. Install it with: apt-get update && apt-get install -y chromium");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Arguments,
        });
        return (playwright, browser);
    }
}
