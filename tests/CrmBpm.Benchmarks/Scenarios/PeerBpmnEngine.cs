using System.Diagnostics;
using System.Text.Json;

namespace CrmBpm.Benchmarks.Scenarios;

/// <summary>
/// The same map on bpmn-engine (npm, run with node), its user tasks signalled as soon as they wait.
/// Installs the pinned package from the lock file on first use.
/// </summary>
internal static class PeerBpmnEngine
{
    public static async Task<(Stats Rate, string Version)> MeasureAsync(int instancesPerRun, int runs)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "bpmn-engine");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "bpmn-engine")))
        {
            await RunAsync("npm", "ci --no-audit --no-fund", folder);
        }

        var rates = new List<double>();
        var version = "";
        for (var run = 0; run < runs; run++)
        {
            var output = await RunAsync("node", $"run.js {instancesPerRun}", folder);
            using var result = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
            rates.Add(result.RootElement.GetProperty("perSecond").GetDouble());
            version = result.RootElement.GetProperty("version").GetString() ?? "";
        }

        return (Stats.Of(rates), version);
    }

    private static async Task<string> RunAsync(string file, string arguments, string folder)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {await stderr}");
        }

        return await stdout;
    }
}
