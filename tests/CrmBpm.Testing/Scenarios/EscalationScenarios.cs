using CrmBpm.Engine.Calendar;
using CrmBpm.Engine.DependencyInjection;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Events;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;
using CrmBpm.Engine.Timers;

namespace CrmBpm.Testing.Scenarios;

/// <summary>
/// An escalation ladder on an Action, in working time: a Moscow office working Mon–Fri 9–18 with Wednesday 4 November 2026 a
/// holiday; alice's department is headed by helga, the North by nora. The task is created on Tuesday 3 November at 12:00
/// with two working days to go, so its deadline is Friday 12:00 and the ladder runs across the weekend.
/// </summary>
public abstract class EscalationScenarios : EngineScenario
{
    private static readonly Actor Alice = new("alice", [new RoleMembership("Sales manager", "North")]);

    protected override void ConfigureEngine(CrmBpmBuilder bpm)
    {
        bpm.UseBusinessCalendar(_ => new WorkingCalendar(TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow"),
            [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
            new TimeOnly(9, 0), new TimeOnly(18, 0), holidays: [new DateOnly(2026, 11, 4)]));
        bpm.UseOrganisationHeads<Heads>();
    }

    private static DateTimeOffset InMoscow(int day, int hour) => new(2026, 11, day, hour, 0, 0, TimeSpan.FromHours(3));

    private void MoveClockTo(DateTimeOffset at) => Bpm.Clock.Advance(at - Bpm.Clock.GetUtcNow());

    private static RouteMap Escalated() =>
        new MapBuilder("escalated").Start()
            .RoleAction("call", "Sales manager", "North", a => a with
            {
                Deadline = new Deadline { Duration = "P2D", InWorkingTime = true },
                Outcomes = ["Done", "Failed"],
                Escalation =
                [
                    new EscalationStep { Id = "remind", Kind = EscalationStepKind.RemindPerformer, Duration = "PT4H" },
                    new EscalationStep { Id = "notify", Kind = EscalationStepKind.NotifyHead, Duration = "PT0S" },
                    new EscalationStep { Id = "reassign", Kind = EscalationStepKind.ReassignToHead, Duration = "P1D" },
                    new EscalationStep { Id = "give-up", Kind = EscalationStepKind.DefaultOutcome, Duration = "P2D", Outcome = "Failed" },
                ],
            })
            .End().Flow("start", "call", "end").Build();

    private async Task<WorkTask> StartAndAcceptAsync()
    {
        MoveClockTo(InMoscow(3, 12));
        var instance = await Bpm.StartAsync(Escalated());
        var task = await Bpm.TaskAtAsync(instance.Id, "call");
        return await Bpm.Tasks.AcceptAsync(task.Id, Alice);
    }

    private async Task<IReadOnlyList<(EscalationStepKind Kind, string? Person)>> FireAtAsync(DateTimeOffset at)
    {
        var before = Bpm.Events.All.OfType<TaskEscalated>().Count();
        MoveClockTo(at.AddMinutes(-1));
        (await Bpm.Timers.FireDueTimersAsync()).ShouldBe(0, $"nothing is due before {at}");
        MoveClockTo(at);
        (await Bpm.Timers.FireDueTimersAsync()).ShouldBeGreaterThan(0, $"a step (and perhaps the deadline) is due at {at}");
        return [.. Bpm.Events.All.OfType<TaskEscalated>().Skip(before).Select(e => (e.Step.Kind, e.Person))];
    }

    [Fact]
    public async Task Each_step_fires_at_its_working_time_across_the_holiday_and_the_weekend()
    {
        var task = await StartAndAcceptAsync();
        task.DueAt.ShouldBe(InMoscow(6, 12)); // Thursday and Friday: Wednesday is a holiday

        var timers = (await Bpm.Store.GetTimersOfTaskAsync(task.Id)).Where(t => t.Kind == TimerKind.Escalation).OrderBy(t => t.Attempt);
        timers.Select(t => t.DueAt).ShouldBe([InMoscow(5, 17), InMoscow(6, 12), InMoscow(9, 12), InMoscow(10, 12)]);

        (await FireAtAsync(InMoscow(5, 17))).ShouldBe([(EscalationStepKind.RemindPerformer, "alice")]);
        (await FireAtAsync(InMoscow(6, 12))).ShouldBe([(EscalationStepKind.NotifyHead, "helga")]);
        (await FireAtAsync(InMoscow(9, 12))).ShouldBe([(EscalationStepKind.ReassignToHead, "nora")]);
        var reassigned = await Bpm.Tasks.GetAsync(task.Id);
        (reassigned.AssigneeId, reassigned.Status).ShouldBe(("nora", WorkTaskStatus.Open));

        (await FireAtAsync(InMoscow(10, 12))).ShouldBe([(EscalationStepKind.DefaultOutcome, (string?)null)]);
        var completed = await Bpm.Tasks.GetAsync(task.Id);
        (completed.Status, completed.Outcome, completed.CompletedBy).ShouldBe((WorkTaskStatus.Completed, "Failed", "system"));
        (await Bpm.InstanceAsync(task.InstanceId)).Status.ShouldBe(InstanceStatus.Completed);

        var history = await Bpm.Engine.GetHistoryAsync(task.InstanceId);
        history.Where(h => h.Kind == HistoryKind.TaskEscalated).Select(h => h.Details).ShouldBe(
            ["step 1, RemindPerformer: alice", "step 2, NotifyHead: helga", "step 3, ReassignToHead: to nora", "step 4, DefaultOutcome: Failed"]);
        history.ShouldContain(h => h.Kind == HistoryKind.TaskRedirected && h.Actor == "system");
        history.ShouldContain(h => h.Kind == HistoryKind.TaskCompleted && h.Actor == "system");
    }

    [Fact]
    public async Task Completing_the_task_in_time_ends_its_ladder()
    {
        var task = await StartAndAcceptAsync();
        await Bpm.Tasks.CompleteAsync(task.Id, Alice, new TaskCompletion { Outcome = "Done" });

        MoveClockTo(InMoscow(20, 12));
        (await Bpm.Timers.FireDueTimersAsync()).ShouldBe(0);
        Bpm.Events.All.OfType<TaskEscalated>().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_step_that_finds_no_head_says_so_and_the_task_stays()
    {
        MoveClockTo(InMoscow(3, 12));
        var instance = await Bpm.StartAsync(new MapBuilder("lonely").Start()
            .RoleAction("call", "Sales manager", configure: a => a with
            {
                Deadline = new Deadline { Duration = "PT1H" },
                Escalation = [new EscalationStep { Id = "reassign", Kind = EscalationStepKind.ReassignToHead, Duration = "PT0S" }],
            })
            .End().Flow("start", "call", "end").Build());
        var task = await Bpm.Tasks.AcceptAsync((await Bpm.TaskAtAsync(instance.Id, "call")).Id, new Actor("nobody", [new RoleMembership("Sales manager")]));

        (await FireAtAsync(InMoscow(3, 13))).ShouldBe([(EscalationStepKind.ReassignToHead, (string?)null)]);

        (await Bpm.Tasks.GetAsync(task.Id)).AssigneeId.ShouldBe("nobody");
        (await Bpm.Engine.GetHistoryAsync(instance.Id)).ShouldContain(h => h.Kind == HistoryKind.TaskEscalated && h.Details == "step 1, ReassignToHead: no head found, the task stays");
    }

    /// <summary>alice works in Sales, headed by helga; the North is headed by nora.</summary>
    private sealed class Heads : IOrganisationHeads
    {
        public Task<string?> HeadOfDepartmentOfAsync(string userId, CancellationToken cancellationToken = default) =>
            Task.FromResult(userId == "alice" ? "helga" : null);

        public Task<string?> HeadOfAsync(string addressingObject, CancellationToken cancellationToken = default) =>
            Task.FromResult(addressingObject == "North" ? "nora" : null);
    }
}
