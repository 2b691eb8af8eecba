using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Events;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;

namespace CrmBpm.Testing.Scenarios;

/// <summary>Deadlines and reminders live in the store and fire once, driven by a manual clock.</summary>
public abstract class TimerScenarios : EngineScenario
{
    private async Task<ProcessInstance> StartWithDeadlineAsync(Deadline deadline, object? variables = null) =>
        await Bpm.StartAsync(new MapBuilder("timed").Start()
            .Action("call", configure: a => a with { Deadline = deadline, ReminderBefore = TimeSpan.FromHours(1) })
            .End().Flow("start", "call", "end").Build(), variables);

    [Fact]
    public async Task A_deadline_and_its_reminder_are_stored_with_the_task()
    {
        var instance = await StartWithDeadlineAsync(new Deadline { Duration = "PT4H" });
        var task = await Bpm.TaskAtAsync(instance.Id, "call");

        task.DueAt.ShouldBe(Bpm.Clock.GetUtcNow().AddHours(4));
        var timers = await Bpm.Store.GetTimersOfTaskAsync(task.Id);
        timers.Select(t => (t.Kind, t.DueAt)).ShouldBe([(Engine.Timers.TimerKind.Reminder, task.DueAt!.Value.AddHours(-1)), (Engine.Timers.TimerKind.Deadline, task.DueAt!.Value)]);
    }

    [Fact]
    public async Task The_reminder_then_the_deadline_fire_once_each_as_the_clock_passes_them()
    {
        var instance = await StartWithDeadlineAsync(new Deadline { Duration = "PT4H" });

        (await Bpm.Timers.FireDueTimersAsync()).ShouldBe(0);
        Bpm.Clock.Advance(TimeSpan.FromHours(3.5));
        (await Bpm.Timers.FireDueTimersAsync()).ShouldBe(1);
        (await Bpm.Timers.FireDueTimersAsync()).ShouldBe(0);
        Bpm.Clock.Advance(TimeSpan.FromHours(1));
        (await Bpm.Timers.FireDueTimersAsync()).ShouldBe(1);
        Bpm.Clock.Advance(TimeSpan.FromDays(1));
        (await Bpm.Timers.FireDueTimersAsync()).ShouldBe(0);

        Bpm.Events.All.OfType<TaskReminderDue>().ShouldHaveSingleItem();
        Bpm.Events.All.OfType<TaskDeadlineReached>().ShouldHaveSingleItem();
        var history = await Bpm.Engine.GetHistoryAsync(instance.Id);
        history.Count(h => h.Kind == HistoryKind.TaskDeadlineReached).ShouldBe(1);
        history.Count(h => h.Kind == HistoryKind.TaskReminder).ShouldBe(1);
    }

    [Fact]
    public async Task Completing_the_task_removes_its_pending_timers()
    {
        var instance = await StartWithDeadlineAsync(new Deadline { Duration = "PT4H" });
        var task = await Bpm.CompleteAsync(instance.Id, "call");

        Bpm.Clock.Advance(TimeSpan.FromDays(1));

        (await Bpm.Timers.FireDueTimersAsync()).ShouldBe(0);
        (await Bpm.Store.GetTimersOfTaskAsync(task.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Timers_of_a_suspended_instance_wait_until_it_is_resumed()
    {
        var instance = await StartWithDeadlineAsync(new Deadline { Duration = "PT1H" });
        await Bpm.Engine.SuspendAsync(instance.Id);
        Bpm.Clock.Advance(TimeSpan.FromHours(2));

        (await Bpm.Timers.FireDueTimersAsync()).ShouldBe(0);

        await Bpm.Engine.ResumeAsync(instance.Id);
        Bpm.Clock.Advance(TimeSpan.FromMinutes(5));
        (await Bpm.Timers.FireDueTimersAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task A_deadline_expression_can_give_a_date_or_a_duration()
    {
        var byDate = await StartWithDeadlineAsync(new Deadline { Expression = "dueDate" }, new { dueDate = "2026-12-24T12:00:00Z" });
        var byDuration = await StartWithDeadlineAsync(new Deadline { Expression = "urgent ? 'PT2H' : 'P2D'" }, new { urgent = true });

        (await Bpm.TaskAtAsync(byDate.Id, "call")).DueAt.ShouldBe(new DateTimeOffset(2026, 12, 24, 12, 0, 0, TimeSpan.Zero));
        (await Bpm.TaskAtAsync(byDuration.Id, "call")).DueAt.ShouldBe(Bpm.Clock.GetUtcNow().AddHours(2));
    }

    [Fact]
    public async Task A_deadline_expression_that_gives_nonsense_is_an_incident()
    {
        var instance = await StartWithDeadlineAsync(new Deadline { Expression = "42" });

        instance.Status.ShouldBe(InstanceStatus.Incident);
        instance.IncidentMessage!.ShouldContain("neither a date nor an ISO 8601 duration");
        (await Bpm.Tasks.GetTasksOfInstanceAsync(instance.Id)).ShouldBeEmpty();
    }
}
