using System.Collections.Concurrent;
using System.Diagnostics;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.DependencyInjection;
using CrmBpm.Engine.Events;
using CrmBpm.Engine.Jobs;
using CrmBpm.Engine.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CrmBpm.Benchmarks.Scenarios;

/// <summary>
/// Automatic steps through the job executor, as a server runs them: the engine's own timer service (default 1 s poll, woken by
/// the commit of a job), a map start → automatic step → end, and a handler that only notes when it started.
/// <list type="bullet">
/// <item>Delay: one instance at a time, from the start of the <c>StartAsync</c> call (its command commits the job) to the moment
/// the handler starts — what a user waits before "send the offer" happens.</item>
/// <item>Throughput: a burst of instances started one after another; automatic steps run per second until the last has ended.</item>
/// </list>
/// </summary>
internal static class AutomaticStepLatency
{
    private const string MapKey = "bench-automatic";

    public static async Task<(Stats DelayMs, double StepsPerSecond)> MeasureAsync(Action<CrmBpmBuilder> useStore, int sequential, int burst)
    {
        var probe = new Probe();
        var services = new ServiceCollection();
        services.AddSingleton(probe);
        services.AddCrmBpm(bpm =>
        {
            useStore(bpm);
            bpm.AddHandler<NoteTheStart>("bench-step").AddEventHandler<NoteTheEnd>().Configure(o => o.RunTimers = true);
        });
        await using var provider = services.BuildServiceProvider();
        var hosted = provider.GetServices<IHostedService>().ToList();
        foreach (var service in hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }

        try
        {
            await provider.GetRequiredService<IRouteMapService>().DeployAsync(new RouteMap
            {
                Key = MapKey,
                Name = "Automatic step",
                Points = [new StartPoint { Id = "start" }, new ServicePoint { Id = "step", Name = "Step", Handler = "bench-step" }, new EndPoint { Id = "end" }],
                Flows = [new Flow { Id = "f1", SourceId = "start", TargetId = "step" }, new Flow { Id = "f2", SourceId = "step", TargetId = "end" }],
            });
            var engine = provider.GetRequiredService<IProcessEngine>();

            var delays = new List<double>(sequential);
            for (var i = 0; i < sequential; i++)
            {
                var before = Stopwatch.GetTimestamp();
                var instance = await engine.StartAsync(MapKey);
                var started = await probe.HandlerStarted(instance.Id).WaitAsync(TimeSpan.FromSeconds(30));
                delays.Add(Stopwatch.GetElapsedTime(before, started).TotalMilliseconds);
                await probe.Ended(instance.Id).WaitAsync(TimeSpan.FromSeconds(30));
            }

            var clock = Stopwatch.StartNew();
            var ids = new List<Guid>(burst);
            for (var i = 0; i < burst; i++)
            {
                ids.Add((await engine.StartAsync(MapKey)).Id);
            }

            await Task.WhenAll(ids.Select(id => probe.Ended(id))).WaitAsync(TimeSpan.FromMinutes(10));
            return (Stats.Of(delays), burst / clock.Elapsed.TotalSeconds);
        }
        finally
        {
            foreach (var service in hosted)
            {
                await service.StopAsync(CancellationToken.None);
            }
        }
    }

    /// <summary>When each instance's handler started (a <see cref="Stopwatch"/> timestamp) and when each instance ended.</summary>
    private sealed class Probe
    {
        private readonly ConcurrentDictionary<Guid, TaskCompletionSource<long>> _started = new();
        private readonly ConcurrentDictionary<Guid, TaskCompletionSource> _ended = new();

        public Task<long> HandlerStarted(Guid instanceId) => _started.GetOrAdd(instanceId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

        public Task Ended(Guid instanceId) => _ended.GetOrAdd(instanceId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

        public void NoteStart(Guid instanceId, long at) => _started.GetOrAdd(instanceId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(at);

        public void NoteEnd(Guid instanceId) => _ended.GetOrAdd(instanceId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    private sealed class NoteTheStart(Probe probe) : IServiceTaskHandler
    {
        public Task<IReadOnlyDictionary<string, object?>?> HandleAsync(ServiceTaskContext context, CancellationToken cancellationToken = default)
        {
            probe.NoteStart(context.InstanceId, Stopwatch.GetTimestamp());
            return Task.FromResult<IReadOnlyDictionary<string, object?>?>(null);
        }
    }

    private sealed class NoteTheEnd(Probe probe) : IEngineEventHandler
    {
        public Task HandleAsync(EngineEvent engineEvent, CancellationToken cancellationToken = default)
        {
            if (engineEvent is InstanceCompleted completed)
            {
                probe.NoteEnd(completed.InstanceId);
            }

            return Task.CompletedTask;
        }
    }
}
