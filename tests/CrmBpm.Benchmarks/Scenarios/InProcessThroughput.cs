using System.Diagnostics;
using CrmBpm.Engine.DependencyInjection;

namespace CrmBpm.Benchmarks.Scenarios;

/// <summary>Instances per second of the sale-shaped map run end to end, tasks completed as soon as they open.</summary>
internal static class InProcessThroughput
{
    /// <summary>Instances per wall-clock second per run; <paramref name="perCpuSecond"/> gets instances per second of process CPU time (less sensitive to other load).</summary>
    public static async Task<Stats> MeasureAsync(Action<CrmBpmBuilder> useStore, int instancesPerRun, int runs, List<double>? perCpuSecond = null)
    {
        await using var host = new EngineHost(useStore);
        await host.Maps.DeployAsync(BenchmarkMap.Build());
        for (var i = 0; i < Math.Min(200, instancesPerRun); i++)
        {
            await host.RunOneAsync();
        }

        var rates = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < instancesPerRun; i++)
            {
                await host.RunOneAsync();
            }

            rates.Add(instancesPerRun / watch.Elapsed.TotalSeconds);
            perCpuSecond?.Add(instancesPerRun / (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds);
        }

        return Stats.Of(rates);
    }
}
