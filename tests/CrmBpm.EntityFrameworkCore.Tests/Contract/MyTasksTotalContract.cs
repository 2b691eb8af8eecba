using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Errors;
using CrmBpm.Engine.Tasks;
using CrmBpm.EntityFrameworkCore.Storage;
using CrmBpm.EntityFrameworkCore.Tests.Infrastructure;
using CrmBpm.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBpm.EntityFrameworkCore.Tests.Contract;

/// <summary>
/// The My tasks total comes from per-branch counters the store keeps in each commit's transaction; whatever happens to the
/// tasks, it must equal a brute-force count over every task.
/// </summary>
public abstract class MyTasksTotalContract : StoreContract
{
    private static readonly Actor Alice = new("alice", [new RoleMembership("Sales", "North")]);
    private static readonly Actor Bob = new("bob");
    private static readonly Actor Carol = new("carol", [new RoleMembership("Sales")]);
    private static readonly Actor Dave = new("dave", [new RoleMembership("Sales", "North"), new RoleMembership("Sales", "South")]);
    private static readonly Actor Sam = new("sam", [new RoleMembership("Support")]);
    private static readonly Actor[] Everyone = [Alice, Bob, Carol, Dave, Sam, new Actor("erin")];

    [Fact]
    public async Task The_total_equals_a_brute_force_count_after_taking_redirecting_returning_postponing_completing_and_terminating()
    {
        var bpm = Node();
        var map = PoolsMap();
        var instances = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            instances.Add((await bpm.StartAsync(map)).Id);
        }

        await ShouldMatchBruteForceAsync(bpm, instances);

        await bpm.Tasks.AcceptAsync((await bpm.TaskAtAsync(instances[0], "sales")).Id, Carol);
        await bpm.Tasks.RedirectAsync((await bpm.TaskAtAsync(instances[0], "other")).Id, Bob, "alice");
        var returned = await bpm.TaskAtAsync(instances[1], "north");
        await bpm.Tasks.AcceptAsync(returned.Id, Dave);
        await bpm.Tasks.ReturnToPoolAsync(returned.Id, Dave);
        await bpm.Tasks.PostponeAsync((await bpm.TaskAtAsync(instances[1], "own")).Id, Alice, bpm.Clock.GetUtcNow() + TimeSpan.FromDays(1));
        var taken = await bpm.TaskAtAsync(instances[2], "south");
        await bpm.Tasks.AcceptAsync(taken.Id, Dave);
        await bpm.Tasks.RedirectAsync(taken.Id, Dave, "bob");
        await bpm.Tasks.CompleteAsync((await bpm.TaskAtAsync(instances[2], "support")).Id, Sam);
        await bpm.Tasks.CompleteAsync((await bpm.TaskAtAsync(instances[2], "sales")).Id, Carol);
        await bpm.Engine.TerminateAsync(instances[3], "closed by the test");

        await ShouldMatchBruteForceAsync(bpm, instances);
        bpm.Clock.Advance(TimeSpan.FromDays(1));
        await ShouldMatchBruteForceAsync(bpm, instances);
    }

    [Fact]
    public async Task Members_racing_for_one_pool_task_move_it_out_of_the_pool_once()
    {
        var bpm = Node();
        var instance = await bpm.StartAsync(PoolsMap());
        var sales = await bpm.TaskAtAsync(instance.Id, "sales");
        var racers = Enumerable.Range(0, 6).Select(i => new Actor($"racer-{i}", [new RoleMembership("Sales")])).ToList();

        var nodes = racers.Select(_ => Node()).ToList();

        var outcomes = await Task.WhenAll(racers.Select(async (racer, i) =>
        {
            try
            {
                await nodes[i].Tasks.AcceptAsync(sales.Id, racer);
                return true;
            }
            catch (ConflictException)
            {
                return false;
            }
        }));

        outcomes.Count(won => won).ShouldBe(1);
        await ShouldMatchBruteForceAsync(bpm, [instance.Id], [.. racers, .. Everyone]);
    }

    [Fact]
    public async Task Recounting_from_the_tasks_changes_no_total()
    {
        var bpm = Node();
        var instance = await bpm.StartAsync(PoolsMap());
        await bpm.Tasks.AcceptAsync((await bpm.TaskAtAsync(instance.Id, "sales")).Id, Carol);
        var before = await TotalsAsync(bpm, Everyone);

        await bpm.Services.GetRequiredService<EfWorkflowStore>().RecountOpenTasksAsync();

        (await TotalsAsync(bpm, Everyone)).ShouldBe(before);
    }

    private static async Task ShouldMatchBruteForceAsync(EngineHarness bpm, IEnumerable<Guid> instances, IReadOnlyList<Actor>? actors = null)
    {
        var tasks = new List<WorkTask>();
        foreach (var id in instances)
        {
            tasks.AddRange(await bpm.Tasks.GetTasksOfInstanceAsync(id));
        }

        var now = bpm.Clock.GetUtcNow();
        foreach (var actor in actors ?? Everyone)
        {
            var visible = tasks.Where(t => t.IsActive && (t.AssigneeId == actor.UserId || (t.AssigneeId is null && actor.IsInPool(t.PerformerRole, t.PerformerAddressingObject)))).ToList();
            var total = await bpm.Tasks.MyTasksAsync(new TaskQuery { Actor = actor });
            var withPostponed = await bpm.Tasks.MyTasksAsync(new TaskQuery { Actor = actor, IncludePostponed = true });

            total.TotalCount.ShouldBe(visible.Count(t => t.PostponedUntil is not { } until || until <= now), $"My tasks of {actor.UserId}");
            withPostponed.TotalCount.ShouldBe(visible.Count, $"My tasks of {actor.UserId} with postponed ones");
        }
    }

    private static async Task<long[]> TotalsAsync(EngineHarness bpm, IEnumerable<Actor> actors)
    {
        var totals = new List<long>();
        foreach (var actor in actors)
        {
            totals.Add((await bpm.Tasks.MyTasksAsync(new TaskQuery { Actor = actor })).TotalCount);
        }

        return [.. totals];
    }

    /// <summary>A task per kind of addressee: alice's own, bob's, the Sales pool, Sales for North, Sales for South, Support.</summary>
    private static RouteMap PoolsMap() =>
        new MapBuilder("pools").Start().Split("split").Merge("merge").End()
            .Action("own", "alice")
            .Action("other", "bob")
            .RoleAction("sales", "Sales")
            .RoleAction("north", "Sales", "North")
            .RoleAction("south", "Sales", "South")
            .RoleAction("support", "Support")
            .Flow("start", "split").Flow("merge", "end")
            .Flow("split", "own", "merge").Flow("split", "other", "merge").Flow("split", "sales", "merge")
            .Flow("split", "north", "merge").Flow("split", "south", "merge").Flow("split", "support", "merge")
            .Build();
}
