using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBpm.Server.Tests.Upgrades;

/// <summary>
/// Drives every running instance of a database on: completes each open task (accepting it first where the map asks for
/// that, with the first outcome and a value for every form field) until every instance has ended.
/// </summary>
public static class RunningWork
{
    private const int MaxRounds = 30;

    /// <summary>The ids of the instances that are still running (status Active), nested ones included.</summary>
    public static async Task<List<Guid>> ActiveInstancesAsync(FixtureDatabase database) =>
        [.. (await DatabaseReads.ListAsync(database, "SELECT id FROM instances WHERE status = 'Active'")).Select(Guid.Parse)];

    /// <summary>Completes tasks round by round until no instance runs; returns how many tasks were completed.</summary>
    public static async Task<int> CompleteAllAsync(IServiceProvider services, FixtureDatabase database, DateTimeOffset now)
    {
        await using var scope = services.CreateAsyncScope();
        var tasks = scope.ServiceProvider.GetRequiredService<ITaskService>();
        var completed = 0;
        for (var round = 0; round < MaxRounds; round++)
        {
            var active = await ActiveInstancesAsync(database);
            if (active.Count == 0)
            {
                return completed;
            }

            foreach (var instance in active)
            {
                foreach (var task in (await tasks.GetTasksOfInstanceAsync(instance)).Where(t => t.IsActive))
                {
                    var actor = new Actor(task.AssigneeId ?? task.PerformerUserId ?? "helga", canActOnAnyTask: true);
                    if (task.RequiresAcceptance && task.Status == WorkTaskStatus.Open)
                    {
                        await tasks.AcceptAsync(task.Id, actor);
                    }

                    await tasks.CompleteAsync(task.Id, actor, new TaskCompletion { Outcome = task.Outcomes.FirstOrDefault(), Variables = FormValues(task, now) });
                    completed++;
                }
            }
        }

        var engine = services.GetRequiredService<IProcessEngine>();
        var stuck = new List<string>();
        foreach (var id in await ActiveInstancesAsync(database))
        {
            var instance = await engine.GetInstanceAsync(id);
            stuck.Add($"{instance.MapKey} {id} {instance.Status} {instance.IncidentMessage}");
        }

        throw new InvalidOperationException($"After {MaxRounds} rounds these instances still run: {string.Join("; ", stuck)}");
    }

    private static Dictionary<string, object?> FormValues(WorkTask task, DateTimeOffset now) =>
        task.FormFields.ToDictionary(f => f.Name, f => (object?)(f.Type switch
        {
            FormFieldType.Number => 1000m,
            FormFieldType.Boolean => true,
            FormFieldType.Date => now.AddDays(1),
            FormFieldType.Choice => f.Options.FirstOrDefault(),
            _ => "after the upgrade",
        }));
}
