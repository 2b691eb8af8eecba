using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Errors;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;
using CrmBpm.Engine.Validation;

namespace CrmBpm.Testing.Scenarios;

/// <summary>
/// An Action without any performer (no user, no role) publishes with a warning; its tasks wait in the Unassigned list, in
/// nobody's My tasks, until a supervisor (a Head, an Administrator) redirects them to a person, who then works them as usual.
/// </summary>
public abstract class UnassignedTaskScenarios : EngineScenario
{
    private static readonly Actor Head = new("helen", [new RoleMembership("Sales manager")], canActOnAnyTask: true);
    private static readonly Actor Manager = new("mark", [new RoleMembership("Sales manager")]);

    private static RouteMap Unaddressed(string key, string deadline = "P1D") => new MapBuilder(key).Start()
        .Add(new ActionPoint { Id = "call", Name = "Call the customer", Deadline = new Deadline { Duration = deadline } })
        .Action("report", "mark").End()
        .Flow("start", "call", "report", "end").Build();

    private Task<Page<WorkTask>> UnassignedAsync(Actor? actor = null, int page = 1, int pageSize = 50) =>
        Bpm.Tasks.UnassignedTasksAsync(new UnassignedTaskQuery { Actor = actor ?? Head, Page = page, PageSize = pageSize });

    [Fact]
    public async Task A_map_with_an_unaddressed_action_publishes_with_a_warning_and_its_task_waits_in_the_unassigned_list()
    {
        var map = Unaddressed("unaddressed");
        (await Bpm.Maps.ValidateAsync(map)).ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            p => p.Code.ShouldBe("action.performer-missing"),
            p => p.Severity.ShouldBe(ValidationSeverity.Warning));

        var instance = await Bpm.StartAsync(map);

        var task = await Bpm.TaskAtAsync(instance.Id, "call");
        task.AssigneeId.ShouldBeNull();
        task.PerformerRole.ShouldBeNull();
        task.IsUnassigned.ShouldBeTrue();
        (await Bpm.Tasks.GetAsync(task.Id)).IsUnassigned.ShouldBeTrue();
        var unassigned = await UnassignedAsync();
        unassigned.Items.ShouldHaveSingleItem().Id.ShouldBe(task.Id);
        unassigned.TotalCount.ShouldBe(1);
        (await Bpm.Tasks.MyTasksAsync(new TaskQuery { Actor = Manager })).TotalCount.ShouldBe(0);
        (await Bpm.Tasks.MyTasksAsync(new TaskQuery { Actor = Head })).TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task A_head_redirects_it_to_a_manager_who_completes_it_and_the_process_moves_on()
    {
        var instance = await Bpm.StartAsync(Unaddressed("unaddressed"));
        var task = await Bpm.TaskAtAsync(instance.Id, "call");

        var redirected = await Bpm.Tasks.RedirectAsync(task.Id, Head, "mark", "Yours, please");

        redirected.AssigneeId.ShouldBe("mark");
        redirected.IsUnassigned.ShouldBeFalse();
        (await UnassignedAsync()).TotalCount.ShouldBe(0);
        var mine = await Bpm.Tasks.MyTasksAsync(new TaskQuery { Actor = Manager });
        mine.Items.ShouldHaveSingleItem().Id.ShouldBe(task.Id);
        mine.TotalCount.ShouldBe(1);

        await Bpm.Tasks.CompleteAsync(task.Id, Manager);

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["report"]);
        var history = await Bpm.Engine.GetHistoryAsync(instance.Id);
        history.ShouldContain(h => h.Kind == HistoryKind.TaskRedirected && h.TaskId == task.Id && h.Actor == "helen" && h.Details!.Contains("to mark"));
        history.ShouldContain(h => h.Kind == HistoryKind.TaskCompleted && h.TaskId == task.Id && h.Actor == "mark");
    }

    [Fact]
    public async Task A_head_hands_it_to_a_pool_whose_members_see_it_in_my_tasks_and_take_it()
    {
        var instance = await Bpm.StartAsync(Unaddressed("unaddressed"));
        var task = await Bpm.TaskAtAsync(instance.Id, "call");

        var pooled = await Bpm.Tasks.RedirectToPoolAsync(task.Id, Head, "Sales manager", comment: "Whoever is free");

        pooled.PerformerRole.ShouldBe("Sales manager");
        pooled.AssigneeId.ShouldBeNull();
        pooled.IsUnassigned.ShouldBeFalse();
        pooled.Comment.ShouldBe("Whoever is free");
        (await Bpm.Tasks.GetAsync(task.Id)).PerformerRole.ShouldBe("Sales manager");
        (await UnassignedAsync()).TotalCount.ShouldBe(0);
        var mine = await Bpm.Tasks.MyTasksAsync(new TaskQuery { Actor = Manager });
        mine.Items.ShouldHaveSingleItem().Id.ShouldBe(task.Id);
        mine.TotalCount.ShouldBe(1); // the pool's counter counts it (the EF stores answer the total from counters)
        (await Bpm.Tasks.MyTasksAsync(new TaskQuery { Actor = new Actor("olga", [new RoleMembership("Auditor")]) })).TotalCount.ShouldBe(0);

        await Bpm.Tasks.AcceptAsync(task.Id, Manager);
        await Bpm.Tasks.CompleteAsync(task.Id, Manager);

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["report"]);
        (await Bpm.Tasks.MyTasksAsync(new TaskQuery { Actor = Manager })).TotalCount.ShouldBe(1); // only "report", addressed to mark
        var history = await Bpm.Engine.GetHistoryAsync(instance.Id);
        history.ShouldContain(h => h.Kind == HistoryKind.TaskRedirected && h.TaskId == task.Id && h.Actor == "helen" && h.Details == "to the pool of Sales manager: Whoever is free");
    }

    [Fact]
    public async Task A_pool_with_an_addressing_object_is_only_the_pool_of_that_object()
    {
        var instance = await Bpm.StartAsync(Unaddressed("unaddressed"));
        var task = await Bpm.TaskAtAsync(instance.Id, "call");

        await Bpm.Tasks.RedirectToPoolAsync(task.Id, Head, "Sales manager", "North");

        var north = new Actor("nina", [new RoleMembership("Sales manager", "North")]);
        (await Bpm.Tasks.MyTasksAsync(new TaskQuery { Actor = north })).Items.ShouldHaveSingleItem().Id.ShouldBe(task.Id);
        (await Bpm.Tasks.MyTasksAsync(new TaskQuery { Actor = north })).TotalCount.ShouldBe(1);
        (await Bpm.Tasks.MyTasksAsync(new TaskQuery { Actor = Manager })).TotalCount.ShouldBe(0);
        (await Bpm.Engine.GetHistoryAsync(instance.Id)).ShouldContain(h => h.Kind == HistoryKind.TaskRedirected && h.Details == "to the pool of Sales manager for North");
    }

    [Fact]
    public async Task Handing_to_a_pool_needs_a_role_and_a_supervisor()
    {
        var instance = await Bpm.StartAsync(Unaddressed("unaddressed"));
        var task = await Bpm.TaskAtAsync(instance.Id, "call");

        (await Should.ThrowAsync<InputException>(() => Bpm.Tasks.RedirectToPoolAsync(task.Id, Head, " "))).Problems.ShouldHaveSingleItem().Field.ShouldBe("role");
        (await Should.ThrowAsync<InputException>(() => Bpm.Tasks.RedirectToPoolAsync(task.Id, Head, "Sales manager", ""))).Problems.ShouldHaveSingleItem().Field.ShouldBe("addressingObject");
        (await Should.ThrowAsync<ForbiddenException>(() => Bpm.Tasks.RedirectToPoolAsync(task.Id, Manager, "Sales manager"))).Code.ShouldBe("task.not-yours");
        (await UnassignedAsync()).Items.ShouldHaveSingleItem().Id.ShouldBe(task.Id);
    }

    [Fact]
    public async Task A_manager_may_neither_list_nor_redirect_nor_complete_an_unassigned_task()
    {
        var instance = await Bpm.StartAsync(Unaddressed("unaddressed"));
        var task = await Bpm.TaskAtAsync(instance.Id, "call");

        (await Should.ThrowAsync<ForbiddenException>(() => UnassignedAsync(Manager))).Code.ShouldBe("task.unassigned-not-allowed");
        var refused = await Should.ThrowAsync<ForbiddenException>(() => Bpm.Tasks.RedirectAsync(task.Id, Manager, "mark"));
        refused.Code.ShouldBe("task.not-yours");
        refused.Message.ShouldContain("unassigned");
        await Should.ThrowAsync<ForbiddenException>(() => Bpm.Tasks.CompleteAsync(task.Id, Manager));
        (await UnassignedAsync()).TotalCount.ShouldBe(1);
    }

    [Fact]
    public async Task The_list_is_paginated_by_deadline_then_creation_and_holds_only_unassigned_active_tasks()
    {
        await Bpm.StartAsync(Unaddressed("late", "P3D"));
        await Bpm.StartAsync(Unaddressed("soon", "PT1H"));
        var pooled = await Bpm.StartAsync(new MapBuilder("pool").Start().RoleAction("call", "Sales manager").End().Flow("start", "call", "end").Build());
        await Bpm.StartAsync(Unaddressed("middle", "P1D"));
        var done = await Bpm.StartAsync(Unaddressed("done", "PT2H"));
        await Bpm.Tasks.RedirectAsync((await Bpm.TaskAtAsync(done.Id, "call")).Id, Head, "mark");

        var first = await UnassignedAsync(pageSize: 2);
        var second = await UnassignedAsync(page: 2, pageSize: 2);

        first.Items.Select(t => t.MapKey).ShouldBe(["soon", "middle"]);
        second.Items.Select(t => t.MapKey).ShouldBe(["late"]);
        first.TotalCount.ShouldBe(3);
        second.TotalCount.ShouldBe(3);
        first.PageCount.ShouldBe(2);
        (await Bpm.TaskAtAsync(pooled.Id, "call")).IsUnassigned.ShouldBeFalse();
    }
}
