using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Errors;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Timers;
using CrmBpm.EntityFrameworkCore.Tests.Infrastructure;
using CrmBpm.Testing;

namespace CrmBpm.EntityFrameworkCore.Tests.Contract;

/// <summary>The unit of work itself (<see cref="Engine.Persistence.IWorkflowSession"/>), below the engine: all or nothing, guarded timers.</summary>
public abstract class SessionContract : StoreContract
{
    private static readonly RouteMap Map = new MapBuilder("deadline")
        .Start()
        .Action("a", configure: a => a with { Deadline = Deadline.After(TimeSpan.FromHours(2)), ReminderBefore = TimeSpan.FromHours(1) })
        .End()
        .Flow("start", "a", "end")
        .Build();

    [Fact]
    public async Task A_timer_is_marked_fired_once_and_the_losing_commit_writes_nothing()
    {
        var bpm = Node();
        var instance = await bpm.StartAsync(Map);
        var task = await bpm.TaskAtAsync(instance.Id, "a");
        var timerId = (await bpm.Store.GetTimersOfTaskAsync(task.Id)).First().Id;
        var firedAt = bpm.Clock.GetUtcNow() + TimeSpan.FromHours(3);

        await using var first = await bpm.Store.OpenSessionAsync();
        await using var second = await bpm.Store.OpenSessionAsync();
        (await first.GetTimerAsync(timerId))!.FiredAt = firedAt;
        (await second.GetTimerAsync(timerId))!.FiredAt = firedAt + TimeSpan.FromMinutes(1);
        second.AddHistory(new HistoryEntry { InstanceId = instance.Id, Sequence = 1000, At = firedAt, Kind = HistoryKind.TaskReminder });

        await first.CommitAsync();
        await Should.ThrowAsync<ConcurrencyException>(() => second.CommitAsync());

        (await bpm.Store.GetTimersOfTaskAsync(task.Id)).Single(t => t.Id == timerId).FiredAt.ShouldBe(firedAt);
        (await bpm.Store.GetHistoryAsync(instance.Id)).ShouldNotContain(h => h.Sequence == 1000);
    }

    [Fact]
    public async Task Removing_the_timers_of_a_task_deletes_its_unfired_timers_and_keeps_the_fired_ones()
    {
        var bpm = Node();
        var instance = await bpm.StartAsync(Map);
        var task = await bpm.TaskAtAsync(instance.Id, "a");
        var timers = await bpm.Store.GetTimersOfTaskAsync(task.Id);
        var reminder = timers.Single(t => t.Kind == TimerKind.Reminder);

        await using (var session = await bpm.Store.OpenSessionAsync())
        {
            (await session.GetTimerAsync(reminder.Id))!.FiredAt = reminder.DueAt;
            await session.CommitAsync();
        }

        await using (var session = await bpm.Store.OpenSessionAsync())
        {
            session.AddTimer(new TimerRecord { InstanceId = instance.Id, TaskId = task.Id, Kind = TimerKind.Deadline, DueAt = reminder.DueAt });
            session.RemoveTimersOfTask(task.Id);
            await session.CommitAsync();
        }

        (await bpm.Store.GetTimersOfTaskAsync(task.Id)).ShouldHaveSingleItem().Id.ShouldBe(reminder.Id);
    }

    [Fact]
    public async Task A_session_hands_out_one_object_per_row_and_sees_what_it_added()
    {
        var bpm = Node();
        var instance = await bpm.StartAsync(Map);
        var task = await bpm.TaskAtAsync(instance.Id, "a");

        await using var session = await bpm.Store.OpenSessionAsync();
        var loaded = await session.GetInstanceAsync(instance.Id);
        (await session.GetInstanceAsync(instance.Id)).ShouldBeSameAs(loaded);
        var active = await session.GetActiveTasksAsync(instance.Id);
        active.ShouldHaveSingleItem().ShouldBeSameAs(await session.GetTaskAsync(task.Id));
        (await session.GetInstanceAsync(Guid.NewGuid())).ShouldBeNull();
        (await session.GetTaskAsync(Guid.NewGuid())).ShouldBeNull();
        (await session.GetTimerAsync(Guid.NewGuid())).ShouldBeNull();
    }
}
