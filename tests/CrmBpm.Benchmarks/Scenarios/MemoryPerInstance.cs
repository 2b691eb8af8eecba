using CrmBpm.Engine.DependencyInjection;

namespace CrmBpm.Benchmarks.Scenarios;

/// <summary>
/// Bytes held per active instance (waiting at its first action, with that one open task) and per further open
/// task, at the given number of active instances, on the in-memory store.
/// </summary>
internal static class MemoryPerInstance
{
    public static async Task<(double BytesPerInstance, double BytesPerOpenTask)> MeasureAsync(int instances, Action<int, int> progress)
    {
        await using var host = new EngineHost(b => b.UseInMemoryStore());
        await host.Maps.DeployAsync(BenchmarkMap.Build());
        await host.StartOnlyAsync();
        var before = Settle();

        var ids = new Guid[instances];
        for (var i = 0; i < instances; i++)
        {
            ids[i] = await host.StartOnlyAsync();
            if (i % 5000 == 0)
            {
                progress(i, instances * 2);
            }
        }

        var withInstances = Settle();

        // Completing the first action opens two parallel tasks: one more open task per instance.
        var worker = new Engine.Tasks.Actor("bench");
        for (var i = 0; i < instances; i++)
        {
            var first = (await host.Tasks.GetTasksOfInstanceAsync(ids[i]))[0];
            await host.Tasks.CompleteAsync(first.Id, worker);
            if (i % 5000 == 0)
            {
                progress(instances + i, instances * 2);
            }
        }

        var withMoreTasks = Settle();
        GC.KeepAlive(host);
        return ((withInstances - before) / (double)instances, (withMoreTasks - withInstances) / (double)instances);
    }

    private static long Settle()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
