using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Errors;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;

namespace CrmBpm.Testing.Scenarios;

/// <summary>Task actions: accept/claim, complete with outcome and form fields, redirect, postpone, return to pool.</summary>
public abstract class TaskActionScenarios : EngineScenario
{
    private static readonly Actor Alice = new("alice", [new RoleMembership("Sales manager", "North")]);
    private static readonly Actor Bob = new("bob", [new RoleMembership("Sales manager", "South")]);
    private static readonly Actor Carol = new("carol", [new RoleMembership("Sales manager")]);

    private async Task<WorkTask> StartPoolTaskAsync(Func<ActionPoint, ActionPoint>? configure = null)
    {
        var map = new MapBuilder("pool").Start().RoleAction("call", "Sales manager", "North", configure).End().Flow("start", "call", "end").Build();
        var instance = await Bpm.StartAsync(map);
        return await Bpm.TaskAtAsync(instance.Id, "call");
    }

    private async Task<WorkTask> StartUserTaskAsync(Func<ActionPoint, ActionPoint>? configure = null)
    {
        var map = new MapBuilder("user").Start().Action("call", "alice", configure).End().Flow("start", "call", "end").Build();
        var instance = await Bpm.StartAsync(map);
        return await Bpm.TaskAtAsync(instance.Id, "call");
    }

    [Fact]
    public async Task A_pool_task_is_claimed_by_the_member_who_accepts_it()
    {
        var task = await StartPoolTaskAsync();
        task.AssigneeId.ShouldBeNull();

        var accepted = await Bpm.Tasks.AcceptAsync(task.Id, Alice);

        accepted.Status.ShouldBe(WorkTaskStatus.Accepted);
        accepted.AssigneeId.ShouldBe("alice");
        accepted.AcceptedAt.ShouldBe(Bpm.Clock.GetUtcNow());
    }

    [Fact]
    public async Task Someone_outside_the_pools_addressing_object_cannot_claim_it()
    {
        var task = await StartPoolTaskAsync();

        var error = await Should.ThrowAsync<ForbiddenException>(() => Bpm.Tasks.AcceptAsync(task.Id, Bob));

        error.Code.ShouldBe("task.not-yours");
        error.Message.ShouldContain("North");
    }

    [Fact]
    public async Task A_task_accepted_by_one_member_cannot_be_accepted_by_another()
    {
        var task = await StartPoolTaskAsync();
        await Bpm.Tasks.AcceptAsync(task.Id, Alice);

        var error = await Should.ThrowAsync<ConflictException>(() => Bpm.Tasks.AcceptAsync(task.Id, new Actor("zed", [new RoleMembership("Sales manager", "North")])));

        error.Code.ShouldBe("task.accepted-by-other");
    }

    [Fact]
    public async Task A_task_that_requires_acceptance_cannot_be_completed_while_open()
    {
        var task = await StartUserTaskAsync(a => a with { RequiresAcceptance = true });

        var error = await Should.ThrowAsync<ConflictException>(() => Bpm.Tasks.CompleteAsync(task.Id, Alice));
        error.Code.ShouldBe("task.not-accepted");

        await Bpm.Tasks.AcceptAsync(task.Id, Alice);
        (await Bpm.Tasks.CompleteAsync(task.Id, Alice)).Status.ShouldBe(WorkTaskStatus.Completed);
    }

    [Fact]
    public async Task Completing_stores_the_outcome_and_form_values_as_variables()
    {
        var task = await StartUserTaskAsync(a => a with
        {
            Outcomes = ["Yes", "No"],
            OutcomeVariable = "agreed",
            FormFields = [new FormField { Name = "amount", Type = FormFieldType.Number, Required = true }],
        });

        var done = await Bpm.Tasks.CompleteAsync(task.Id, Alice, new TaskCompletion { Outcome = "Yes", Variables = new Dictionary<string, object?> { ["amount"] = 1200 } });

        done.Outcome.ShouldBe("Yes");
        done.CompletedBy.ShouldBe("alice");
        var instance = await Bpm.InstanceAsync(task.InstanceId);
        instance.Variables["agreed"].GetString().ShouldBe("Yes");
        instance.Variables["amount"].GetInt32().ShouldBe(1200);
        instance.Status.ShouldBe(InstanceStatus.Completed);
    }

    [Fact]
    public async Task Bad_form_input_lists_every_problem_and_changes_nothing()
    {
        var task = await StartUserTaskAsync(a => a with
        {
            Outcomes = ["Yes", "No"],
            FormFields =
            [
                new FormField { Name = "amount", Label = "Amount", Type = FormFieldType.Number, Required = true },
                new FormField { Name = "due", Label = "Due date", Type = FormFieldType.Date },
                new FormField { Name = "channel", Label = "Channel", Type = FormFieldType.Choice, Options = ["Phone", "Mail"] },
            ],
        });

        var error = await Should.ThrowAsync<InputException>(() => Bpm.Tasks.CompleteAsync(task.Id, Alice, new TaskCompletion
        {
            Outcome = "Maybe",
            Variables = new Dictionary<string, object?> { ["due"] = "next week", ["channel"] = "Fax" },
        }));

        error.Code.ShouldBe("task.invalid-input");
        error.Problems.Select(p => p.Field).ShouldBe(["outcome", "amount", "due", "channel"]);
        error.Problems[0].Message.ShouldContain("Yes, No");
        (await Bpm.Tasks.GetAsync(task.Id)).Status.ShouldBe(WorkTaskStatus.Open);
        (await Bpm.InstanceAsync(task.InstanceId)).Variables.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_second_completion_of_the_same_task_is_a_clear_conflict_and_does_not_advance_again()
    {
        var map = new MapBuilder("twice").Start().Action("a").Action("b").End().Flow("start", "a", "b", "end").Build();
        var instance = await Bpm.StartAsync(map);
        var task = await Bpm.TaskAtAsync(instance.Id, "a");
        await Bpm.Tasks.CompleteAsync(task.Id, Alice);

        var error = await Should.ThrowAsync<ConflictException>(() => Bpm.Tasks.CompleteAsync(task.Id, Alice));

        error.Code.ShouldBe("task.already-completed");
        error.Message.ShouldContain("already completed by alice");
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["b"]);
    }

    [Fact]
    public async Task Another_user_cannot_complete_a_task_that_is_not_theirs()
    {
        var task = await StartUserTaskAsync();

        var error = await Should.ThrowAsync<ForbiddenException>(() => Bpm.Tasks.CompleteAsync(task.Id, Bob));

        error.Message.ShouldContain("held by alice");
    }

    [Fact]
    public async Task Redirect_hands_the_task_to_another_user_with_the_comment()
    {
        var task = await StartUserTaskAsync();

        var redirected = await Bpm.Tasks.RedirectAsync(task.Id, Alice, "bob", "Bob knows this customer");

        redirected.AssigneeId.ShouldBe("bob");
        redirected.Comment.ShouldBe("Bob knows this customer");
        (await Bpm.Tasks.MyTasksAsync(new TaskQuery { Actor = Alice })).Items.ShouldBeEmpty();
        (await Bpm.Tasks.MyTasksAsync(new TaskQuery { Actor = Bob })).Items.ShouldHaveSingleItem().Id.ShouldBe(task.Id);
        await Bpm.Tasks.CompleteAsync(task.Id, Bob);
        var history = await Bpm.Engine.GetHistoryAsync(task.InstanceId);
        history.ShouldContain(h => h.Kind == HistoryKind.TaskRedirected && h.Actor == "alice" && h.Details!.Contains("Bob knows"));
    }

    [Fact]
    public async Task Postpone_hides_the_task_from_my_tasks_until_the_date()
    {
        var task = await StartUserTaskAsync();

        await Bpm.Tasks.PostponeAsync(task.Id, Alice, Bpm.Clock.GetUtcNow().AddDays(2));

        (await Bpm.Tasks.MyTasksAsync(new TaskQuery { Actor = Alice })).Items.ShouldBeEmpty();
        (await Bpm.Tasks.MyTasksAsync(new TaskQuery { Actor = Alice, IncludePostponed = true })).Items.ShouldHaveSingleItem();
        Bpm.Clock.Advance(TimeSpan.FromDays(2));
        (await Bpm.Tasks.MyTasksAsync(new TaskQuery { Actor = Alice })).Items.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_postponed_task_is_brought_back_before_its_date_and_the_history_says_who()
    {
        var task = await StartUserTaskAsync();
        await Bpm.Tasks.PostponeAsync(task.Id, Alice, Bpm.Clock.GetUtcNow().AddDays(2));

        var back = await Bpm.Tasks.BringBackAsync(task.Id, Alice);

        back.PostponedUntil.ShouldBeNull();
        (await Bpm.Tasks.MyTasksAsync(new TaskQuery { Actor = Alice })).Items.ShouldHaveSingleItem().Id.ShouldBe(task.Id);
        (await Bpm.Tasks.MyTasksAsync(new TaskQuery { Actor = Alice, OnlyPostponed = true })).Items.ShouldBeEmpty();
        var entry = (await Bpm.Engine.GetHistoryAsync(task.InstanceId)).Last();
        entry.Kind.ShouldBe(HistoryKind.TaskBroughtBack);
        entry.Actor.ShouldBe("alice");
    }

    [Fact]
    public async Task A_task_that_is_not_postponed_cannot_be_brought_back()
    {
        var task = await StartUserTaskAsync();
        await Bpm.Tasks.PostponeAsync(task.Id, Alice, Bpm.Clock.GetUtcNow().AddHours(1));
        Bpm.Clock.Advance(TimeSpan.FromHours(2));

        var error = await Should.ThrowAsync<ConflictException>(() => Bpm.Tasks.BringBackAsync(task.Id, Alice));

        error.Code.ShouldBe("task.not-postponed");
    }

    [Fact]
    public async Task Only_who_may_work_on_a_postponed_task_brings_it_back()
    {
        var task = await StartUserTaskAsync();
        await Bpm.Tasks.PostponeAsync(task.Id, Alice, Bpm.Clock.GetUtcNow().AddDays(1));

        await Should.ThrowAsync<ForbiddenException>(() => Bpm.Tasks.BringBackAsync(task.Id, Bob));

        (await Bpm.Tasks.GetAsync(task.Id)).PostponedUntil.ShouldNotBeNull();
    }

    [Fact]
    public async Task Postponing_into_the_past_is_refused()
    {
        var task = await StartUserTaskAsync();

        var error = await Should.ThrowAsync<InputException>(() => Bpm.Tasks.PostponeAsync(task.Id, Alice, Bpm.Clock.GetUtcNow().AddMinutes(-1)));

        error.Problems.ShouldHaveSingleItem().Field.ShouldBe("until");
    }

    [Fact]
    public async Task Return_to_pool_makes_a_claimed_task_available_to_the_pool_again()
    {
        var task = await StartPoolTaskAsync();
        await Bpm.Tasks.AcceptAsync(task.Id, Alice);

        var returned = await Bpm.Tasks.ReturnToPoolAsync(task.Id, Alice, "on holiday");

        returned.AssigneeId.ShouldBeNull();
        returned.Status.ShouldBe(WorkTaskStatus.Open);
        (await Bpm.Tasks.MyTasksAsync(new TaskQuery { Actor = new Actor("dan", [new RoleMembership("Sales manager", "North")]) })).Items.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_personal_task_cannot_be_returned_to_a_pool()
    {
        var task = await StartUserTaskAsync();

        var error = await Should.ThrowAsync<ConflictException>(() => Bpm.Tasks.ReturnToPoolAsync(task.Id, Alice));

        error.Code.ShouldBe("task.no-pool");
    }

    [Fact]
    public async Task A_role_only_pool_task_is_open_to_every_member_of_the_role()
    {
        var map = new MapBuilder("anyone").Start().RoleAction("call", "Sales manager").End().Flow("start", "call", "end").Build();
        await Bpm.StartAsync(map);

        (await Bpm.Tasks.MyTasksAsync(new TaskQuery { Actor = Bob })).Items.ShouldHaveSingleItem();
        (await Bpm.Tasks.MyTasksAsync(new TaskQuery { Actor = Carol })).Items.ShouldHaveSingleItem();
        (await Bpm.Tasks.MyTasksAsync(new TaskQuery { Actor = new Actor("eve", [new RoleMembership("Accountant")]) })).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task Actions_on_an_unknown_task_say_it_does_not_exist()
    {
        var error = await Should.ThrowAsync<NotFoundException>(() => Bpm.Tasks.CompleteAsync(Guid.NewGuid(), Alice));

        error.Code.ShouldBe("task.not-found");
    }
}
