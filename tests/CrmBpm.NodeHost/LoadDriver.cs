using System.Text.Json;
using CrmBpm.Engine;
using CrmBpm.Engine.Errors;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;

namespace CrmBpm.NodeHost;

/// <summary>
/// The node's work: a few workers that each look at My tasks for one actor, start a sale when little is visible and
/// complete a random visible task; optionally loops that start watched instances whose timers come due and instances whose automatic step any node's job executor may run.
/// Every node sees the same pool tasks, so completions race across nodes: losing a race is counted, not an error.
/// </summary>
internal sealed class LoadDriver(IProcessEngine engine, ITaskService tasks, NodeArguments arguments)
{
    private long _started;
    private long _completed;
    private long _conflicts;
    private long _errors;

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var loops = Enumerable.Range(0, arguments.Workers)
            .Select(i => WorkAsync(new Actor(arguments.Actors[i % arguments.Actors.Count], [new RoleMembership(LoadMaps.WorkerRole)]), stoppingToken))
            .ToList();
        if (arguments.WatchEvery > TimeSpan.Zero)
        {
            loops.Add(StartEveryAsync(arguments.WatchEvery, LoadMaps.WatchKey, stoppingToken));
        }

        if (arguments.AutoEvery > TimeSpan.Zero)
        {
            loops.Add(StartEveryAsync(arguments.AutoEvery, LoadMaps.AutoKey, stoppingToken));
        }

        await Task.WhenAll(loops);
    }

    /// <summary>
    /// Runs one sale end to end through the whole stack (schema check, EF Core models and queries, Jint, JIT), so the
    /// measured work starts warm: on a busy machine the first completion alone can take seconds.
    /// </summary>
    public async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        var actor = new Actor(arguments.Actors[0], [new RoleMembership(LoadMaps.WorkerRole)]);
        await tasks.MyTasksAsync(new TaskQuery { Actor = actor, PageSize = 1 }, cancellationToken);
        var instance = await engine.StartAsync(LoadMaps.SaleKey, new StartOptions { Variables = new Dictionary<string, object?> { ["amount"] = 500 }, StartedBy = arguments.NodeId }, cancellationToken);
        while (await engine.GetInstanceAsync(instance.Id, cancellationToken) is { Status: InstanceStatus.Active })
        {
            foreach (var task in (await tasks.GetTasksOfInstanceAsync(instance.Id, cancellationToken)).Where(t => t.IsActive))
            {
                try
                {
                    await tasks.CompleteAsync(task.Id, actor, cancellationToken: cancellationToken);
                }
                catch (ConflictException)
                {
                    // A node that is already working took it: fine, it is warm-up.
                }
            }
        }
    }

    public string Summary() => JsonSerializer.Serialize(new
    {
        node = arguments.NodeId,
        started = Interlocked.Read(ref _started),
        completed = Interlocked.Read(ref _completed),
        conflicts = Interlocked.Read(ref _conflicts),
        errors = Interlocked.Read(ref _errors),
    });

    private async Task WorkAsync(Actor actor, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var page = await tasks.MyTasksAsync(new TaskQuery { Actor = actor, PageSize = 20 }, stoppingToken);
                if (page.Items.Count < arguments.MinVisibleTasks)
                {
                    var amount = Random.Shared.Next(0, 1000); // a tenth of the sales end at once as Lost
                    await engine.StartAsync(LoadMaps.SaleKey, new StartOptions { Variables = new Dictionary<string, object?> { ["amount"] = amount }, StartedBy = actor.UserId }, stoppingToken);
                    Interlocked.Increment(ref _started);
                }

                if (page.Items.Count > 0)
                {
                    var task = page.Items[Random.Shared.Next(page.Items.Count)];
                    await tasks.CompleteAsync(task.Id, actor, cancellationToken: stoppingToken);
                    Interlocked.Increment(ref _completed);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is ConflictException or NotFoundException or ConcurrencyException)
            {
                // Another node completed the task first, or kept changing the instance: the race the engine must decide.
                Interlocked.Increment(ref _conflicts);
            }
#pragma warning disable CA1031 // The load must go on; the summary reports every unexpected failure.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Interlocked.Increment(ref _errors);
                await Console.Error.WriteLineAsync($"{arguments.NodeId}: {ex.GetType().Name}: {ex.Message}");
            }
        }
    }

    private async Task StartEveryAsync(TimeSpan every, string mapKey, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(every);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await engine.StartAsync(mapKey, new StartOptions { StartedBy = arguments.NodeId }, stoppingToken);
                Interlocked.Increment(ref _started);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
