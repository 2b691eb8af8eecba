using CrmBpm.Engine;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.DependencyInjection;
using CrmBpm.Engine.Events;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBpm.Benchmarks;

/// <summary>
/// An embedded engine as an application would wire it, plus the driver that completes every task as soon as it
/// opens: TaskCreated events (published after each commit) feed a queue the driver drains, the way bpmn-engine's
/// 'wait' listener signals its user tasks.
/// </summary>
internal sealed class EngineHost : IAsyncDisposable
{
    private static readonly Actor Worker = new("bench", [new RoleMembership("Accountant")]);
    private readonly ServiceProvider _services;
    private readonly OpenedTasks _opened = new();

    public EngineHost(Action<CrmBpmBuilder> useStore, Action<CrmBpmOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(_opened);
        services.AddCrmBpm(bpm =>
        {
            useStore(bpm);
            bpm.AddEventHandler<OpenedTasks.Collector>();
            bpm.Configure(o =>
            {
                o.RunTimers = false;
                configure?.Invoke(o);
            });
        });
        _services = services.BuildServiceProvider();
    }

    public IRouteMapService Maps => _services.GetRequiredService<IRouteMapService>();

    public IProcessEngine Engine => _services.GetRequiredService<IProcessEngine>();

    public ITaskService Tasks => _services.GetRequiredService<ITaskService>();

    public IServiceProvider Services => _services;

    /// <summary>Starts one instance and completes its tasks as they open until it ends.</summary>
    public async Task RunOneAsync()
    {
        var instance = await Engine.StartAsync(BenchmarkMap.Key, new StartOptions { Variables = new Dictionary<string, object?> { ["amount"] = 5000 } });
        while (_opened.TryTake(instance.Id, out var taskId))
        {
            await Tasks.CompleteAsync(taskId, Worker);
        }
    }

    /// <summary>Starts an instance and leaves its tasks open (for the memory scenario).</summary>
    public async Task<Guid> StartOnlyAsync()
    {
        var instance = await Engine.StartAsync(BenchmarkMap.Key, new StartOptions { Variables = new Dictionary<string, object?> { ["amount"] = 5000 } });
        _opened.Forget(instance.Id);
        return instance.Id;
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    /// <summary>Tasks opened per instance, in creation order.</summary>
    internal sealed class OpenedTasks
    {
        private readonly Dictionary<Guid, Queue<Guid>> _byInstance = [];

        public bool TryTake(Guid instanceId, out Guid taskId)
        {
            lock (_byInstance)
            {
                taskId = default;
                if (!_byInstance.TryGetValue(instanceId, out var queue) || !queue.TryDequeue(out taskId))
                {
                    _byInstance.Remove(instanceId);
                    return false;
                }

                return true;
            }
        }

        public void Forget(Guid instanceId)
        {
            lock (_byInstance)
            {
                _byInstance.Remove(instanceId);
            }
        }

        private void Add(Guid instanceId, Guid taskId)
        {
            lock (_byInstance)
            {
                if (!_byInstance.TryGetValue(instanceId, out var queue))
                {
                    _byInstance[instanceId] = queue = new Queue<Guid>();
                }

                queue.Enqueue(taskId);
            }
        }

        public sealed class Collector(OpenedTasks opened) : IEngineEventHandler
        {
            public Task HandleAsync(EngineEvent engineEvent, CancellationToken cancellationToken = default)
            {
                if (engineEvent is TaskCreated created)
                {
                    opened.Add(created.Task.RootInstanceId, created.Task.Id);
                }

                return Task.CompletedTask;
            }
        }
    }
}
