using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Events;
using CrmBpm.Engine.Runtime;
using CrmBpm.EntityFrameworkCore.Tests.Infrastructure;
using CrmBpm.Testing;

namespace CrmBpm.EntityFrameworkCore.Tests.Contract;

/// <summary>Two nodes on one database lease and fire due timers at the same time; each timer fires exactly once.</summary>
public abstract class TimerLeasingContract : StoreContract
{
    private const int Instances = 15;

    private static readonly RouteMap Map = new MapBuilder("deadline")
        .Start()
        .Action("a", configure: a => a with { Deadline = Deadline.After(TimeSpan.FromHours(2)), ReminderBefore = TimeSpan.FromHours(1) })
        .End()
        .Flow("start", "a", "end")
        .Build();

    [Fact]
    public async Task Two_nodes_firing_due_timers_at_once_fire_every_timer_exactly_once()
    {
        var nodes = new[] { Node(o => o.TimerBatchSize = 4), Node(o => o.TimerBatchSize = 4) };
        var instances = new List<ProcessInstance>();
        for (var i = 0; i < Instances; i++)
        {
            instances.Add(await nodes[0].StartAsync(Map));
        }

        foreach (var node in nodes)
        {
            node.Clock.Advance(TimeSpan.FromHours(3));
        }

        var fired = await Task.WhenAll(nodes.Select(node => Task.Run(async () =>
        {
            var count = 0;
            for (var round = 0; round < 40; round++)
            {
                count += await node.Timers.FireDueTimersAsync();
            }

            return count;
        })));

        fired.Sum().ShouldBe(Instances * 2);
        foreach (var instance in instances)
        {
            var history = await nodes[0].Engine.GetHistoryAsync(instance.Id);
            history.Count(h => h.Kind == HistoryKind.TaskDeadlineReached).ShouldBe(1);
            history.Count(h => h.Kind == HistoryKind.TaskReminder).ShouldBe(1);
            var task = await nodes[0].TaskAtAsync(instance.Id, "a");
            (await nodes[0].Store.GetTimersOfTaskAsync(task.Id)).ShouldAllBe(t => t.FiredAt != null);
        }

        nodes.Sum(n => n.Events.All.OfType<TaskDeadlineReached>().Count()).ShouldBe(Instances);
        nodes.Sum(n => n.Events.All.OfType<TaskReminderDue>().Count()).ShouldBe(Instances);
    }

    [Fact]
    public async Task Two_stores_leasing_at_once_never_lease_one_timer_twice()
    {
        var nodes = new[] { Node(), Node() };
        for (var i = 0; i < Instances; i++)
        {
            await nodes[0].StartAsync(Map);
        }

        var now = nodes[0].Clock.GetUtcNow() + TimeSpan.FromHours(3);
        var leased = await Task.WhenAll(nodes.Select((node, n) => Task.Run(async () =>
        {
            var mine = new List<Guid>();
            for (var round = 0; round < 10; round++)
            {
                var batch = await node.Store.LeaseDueTimersAsync(now, $"node-{n}", now + TimeSpan.FromMinutes(5), 3);
                batch.ShouldAllBe(t => t.LeaseOwner == $"node-{n}" && t.LeaseUntil == now + TimeSpan.FromMinutes(5) && t.FiredAt == null);
                mine.AddRange(batch.Select(t => t.Id));
            }

            return mine;
        })));

        var all = leased.SelectMany(ids => ids).ToList();
        all.Count.ShouldBe(Instances * 2);
        all.Distinct().Count().ShouldBe(Instances * 2);
    }

    [Fact]
    public async Task A_lease_that_ran_out_can_be_taken_by_another_node_and_timers_not_yet_due_are_left_alone()
    {
        var bpm = Node();
        await bpm.StartAsync(Map);
        var start = bpm.Clock.GetUtcNow();

        (await bpm.Store.LeaseDueTimersAsync(start, "node-a", start + TimeSpan.FromMinutes(1), 10)).ShouldBeEmpty();

        var atReminder = start + TimeSpan.FromHours(1);
        var first = await bpm.Store.LeaseDueTimersAsync(atReminder, "node-a", atReminder + TimeSpan.FromMinutes(1), 10);
        first.ShouldHaveSingleItem().Kind.ShouldBe(Engine.Timers.TimerKind.Reminder);
        (await bpm.Store.LeaseDueTimersAsync(atReminder, "node-b", atReminder + TimeSpan.FromMinutes(1), 10)).ShouldBeEmpty();

        var later = atReminder + TimeSpan.FromMinutes(2);
        var retaken = await bpm.Store.LeaseDueTimersAsync(later, "node-b", later + TimeSpan.FromMinutes(1), 10);
        retaken.ShouldHaveSingleItem().Id.ShouldBe(first[0].Id);
        retaken[0].LeaseOwner.ShouldBe("node-b");
    }
}
