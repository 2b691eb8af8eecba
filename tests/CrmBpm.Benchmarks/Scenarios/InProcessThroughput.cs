using System.Diagnostics;
using CrmBpm.Engine.DependencyInjection;

namespace CrmBpm.Benchmarks.Scenarios;

/// <summary>Instances per second of the sale-shaped map run end to end, tasks completed as soon as they open.</summary>
internal static class InProcessThroughput
{
    public static async Task<Stats> MeasureAsync(Action<CrmBpmBuilder> useStore, int instancesPerRun, int runs)
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
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < instancesPerRun; i++)
            {
                await host.RunOneAsync();
            }

            rates.Add(instancesPerRun / watch.Elapsed.TotalSeconds);
        }

        return Stats.Of(rates);
    }
}
