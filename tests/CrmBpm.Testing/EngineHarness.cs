using CrmBpm.Engine;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.DependencyInjection;
using CrmBpm.Engine.Events;
using CrmBpm.Engine.Persistence;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;
using CrmBpm.Engine.Timers;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBpm.Testing;

/// <summary>An engine wired like an embedder would wire it, on a given store, with a manual clock and recorded events.</summary>
public sealed class EngineHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public EngineHarness(Action<CrmBpmBuilder> useStore, Action<CrmBpmOptions>? configure = null, Action<CrmBpmBuilder>? extend = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(Events);
        services.AddCrmBpm(bpm =>
        {
            useStore(bpm);
            bpm.AddEventHandler<RecordingEventHandler>();
            extend?.Invoke(bpm);
            bpm.Configure(o =>
            {
                o.RunTimers = false;
                configure?.Invoke(o);
            });
        });
        _services = services.BuildServiceProvider();
    }

    public ManualClock Clock { get; } = new();

    public EventLog Events { get; } = new();

    public IRouteMapService Maps => _services.GetRequiredService<IRouteMapService>();

    public IProcessEngine Engine => _services.GetRequiredService<IProcessEngine>();

    public ITaskService Tasks => _services.GetRequiredService<ITaskService>();

    public TimerProcessor Timers => _services.GetRequiredService<TimerProcessor>();

    public IWorkflowStore Store => _services.GetRequiredService<IWorkflowStore>();

    public IServiceProvider Services => _services;

    public static Actor User(string id, params RoleMembership[] roles) => new(id, roles);

    public Task<RouteMap> DeployAsync(RouteMap map) => Maps.DeployAsync(map);

    public async Task<ProcessInstance> StartAsync(RouteMap map, object? variables = null, SubjectReference? subject = null)
    {
        await Maps.DeployAsync(map);
        return await Engine.StartAsync(map.Key, new StartOptions { Variables = ToDictionary(variables), Subject = subject, StartedBy = "starter" });
    }

    public Task<ProcessInstance> InstanceAsync(Guid id) => Engine.GetInstanceAsync(id);

    /// <summary>Active tasks of the instance (and its nested instances), oldest first.</summary>
    public async Task<IReadOnlyList<WorkTask>> OpenTasksAsync(Guid instanceId)
    {
        var result = new List<WorkTask>();
        var pending = new Stack<Guid>([instanceId]);
        while (pending.TryPop(out var id))
        {
            result.AddRange((await Tasks.GetTasksOfInstanceAsync(id)).Where(t => t.IsActive));
            foreach (var child in await Engine.GetChildInstancesAsync(id))
            {
                pending.Push(child.Id);
            }
        }

        return [.. result.OrderBy(t => t.CreatedAt).ThenBy(t => t.ItemIndex)];
    }

    /// <summary>The single active task at <paramref name="pointId"/>.</summary>
    public async Task<WorkTask> TaskAtAsync(Guid instanceId, string pointId) =>
        (await OpenTasksAsync(instanceId)).Single(t => t.PointId == pointId);

    /// <summary>Completes the single active task at the point as its performer (a supervisor acting if it sits in a pool).</summary>
    public async Task<WorkTask> CompleteAsync(Guid instanceId, string pointId, string? outcome = null, object? variables = null)
    {
        var task = await TaskAtAsync(instanceId, pointId);
        var actor = new Actor(task.AssigneeId ?? "supervisor", canActOnAnyTask: task.AssigneeId is null);
        if (task.RequiresAcceptance && task.Status == WorkTaskStatus.Open)
        {
            await Tasks.AcceptAsync(task.Id, actor);
        }

        return await Tasks.CompleteAsync(task.Id, actor, new TaskCompletion { Outcome = outcome, Variables = ToDictionary(variables) });
    }

    /// <summary>Where the tokens are: point ids, sorted.</summary>
    public async Task<string[]> TokenPointsAsync(Guid instanceId) =>
        [.. (await InstanceAsync(instanceId)).Tokens.Select(t => t.PointId).Order(StringComparer.Ordinal)];

    public static IReadOnlyDictionary<string, object?>? ToDictionary(object? values) => values switch
    {
        null => null,
        IReadOnlyDictionary<string, object?> dictionary => dictionary,
        _ => values.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(values)),
    };

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
    }

    /// <summary>Every event published, in order.</summary>
    public sealed class EventLog
    {
        private readonly List<EngineEvent> _events = [];

        public IReadOnlyList<EngineEvent> All
        {
            get
            {
                lock (_events)
                {
                    return [.. _events];
                }
            }
        }

        internal void Add(EngineEvent engineEvent)
        {
            lock (_events)
            {
                _events.Add(engineEvent);
            }
        }
    }

    private sealed class RecordingEventHandler(EventLog log) : IEngineEventHandler
    {
        public Task HandleAsync(EngineEvent engineEvent, CancellationToken cancellationToken = default)
        {
            log.Add(engineEvent);
            return Task.CompletedTask;
        }
    }
}
