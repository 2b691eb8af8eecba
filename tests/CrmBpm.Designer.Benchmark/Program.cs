using System.Diagnostics;
using System.Globalization;
using CrmBpm.Designer.Benchmark;
using CrmBpm.EndToEnd.Infrastructure;
using CrmBpm.Engine.Bpmn;
using Microsoft.Playwright;

// Opens a 500-point route map in the designer (headless Debian chromium, test host on loopback) and reports how long
// it takes until every point is drawn and until the engine's validation has answered. One cold run, then warm runs.
const int Points = 500;
const int WarmRuns = 5;
var output = args.Length > 0 ? args[0] : Path.Combine("artifacts", "benchmarks", "designer-render-500.txt");

var map = LargeMap.Create(Points);
var samples = Directory.CreateTempSubdirectory("crmbpm-benchmark-");
await File.WriteAllTextAsync(Path.Combine(samples.FullName, map.Key + ".bpmn"), new BpmnExporter().Export(map));

await using var host = await WebHostProcess.StartAsync(
    Path.Combine("tests", "CrmBpm.Designer.TestHost"), new Dictionary<string, string> { ["CRMBPM_TESTHOST_SAMPLES"] = samples.FullName });
var (playwright, browser) = await Chromium.LaunchAsync();
using var _ = playwright;
await using var __ = browser;

var results = new List<(double Drawn, double Checked)>();
for (var run = 0; run <= WarmRuns; run++)
{
    var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
    page.SetDefaultTimeout(120_000);
    var clock = Stopwatch.StartNew();
    await page.GotoAsync(new Uri(host.BaseAddress, "?sample=" + map.Key).ToString());
    await page.WaitForFunctionAsync(
        "n => document.querySelectorAll(\".djs-shape:not(.djs-label)[data-element-id]:not([data-element-id$='_label'])\").length >= n", map.Points.Count);
    var drawn = clock.Elapsed.TotalMilliseconds;
    await page.WaitForFunctionAsync("() => { const s = document.querySelector('.crm-status'); return s && s.textContent.indexOf('Checking') < 0; }");
    var checkedAt = clock.Elapsed.TotalMilliseconds;
    Console.WriteLine($"run {run}{(run == 0 ? " (cold)" : "")}: drawn {drawn:F0} ms, validated {checkedAt:F0} ms — {await page.Locator(".crm-status").InnerTextAsync()}");
    results.Add((drawn, checkedAt));
    await page.CloseAsync();
}

var warm = results.Skip(1).ToList();
static double Median(IEnumerable<double> values) { var v = values.Order().ToArray(); return v[v.Length / 2]; }
var report = string.Create(CultureInfo.InvariantCulture, $"""
    Designer: open and render a {map.Points.Count}-point route map ({map.Flows.Count} flows) in headless chromium
    machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, {DateTime.UtcNow:u}
    cold (first page load, nothing cached):  drawn {results[0].Drawn:F0} ms, validated {results[0].Checked:F0} ms
    warm (median of {WarmRuns}):              drawn {Median(warm.Select(r => r.Drawn)):F0} ms, validated {Median(warm.Select(r => r.Checked)):F0} ms
    drawn = from navigation until every point is on the canvas; validated = until the engine's check has answered.
    """);
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
await File.WriteAllTextAsync(output, report + Environment.NewLine);
Console.WriteLine(report);
Console.WriteLine("written to " + Path.GetFullPath(output));
samples.Delete(recursive: true);
