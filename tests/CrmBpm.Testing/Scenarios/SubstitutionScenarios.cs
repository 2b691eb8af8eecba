using CrmBpm.Engine.Errors;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;

namespace CrmBpm.Testing.Scenarios;

/// <summary>
/// Substitution: an actor carrying an absent person's <see cref="Substitution"/> sees that person's held and pool tasks in My
/// tasks, each saying on whose behalf, acts on them with both names in the history, and nothing is reassigned: without the
/// substitution (the absence over) the substitute sees only their own again.
/// </summary>
public abstract class SubstitutionScenarios : EngineScenario
{
    private static readonly RoleMembership[] AnnaRoles = [new("Sales manager", "North"), new("Lawyer")];
    private static readonly Actor Anna = new("anna", AnnaRoles);
    private static readonly Actor Boris = new("boris", [new RoleMembership("Accountant")]);
    private static readonly Actor BorisForAnna = Boris.WithSubstitutions([new Substitution("anna", AnnaRoles)]);

    private async Task<WorkTask> StartAsync(string key, string? user = null, string? role = null, string? addressingObject = null, string deadline = "P1D")
    {
        var builder = new MapBuilder(key).Start();
        builder = user is not null
            ? builder.Action("act", user, a => a with { Deadline = new() { Duration = deadline } })
            : builder.RoleAction("act", role!, addressingObject, a => a with { Deadline = new() { Duration = deadline } });
        var instance = await Bpm.StartAsync(builder.End().Flow("start", "act", "end").Build());
        return await Bpm.TaskAtAsync(instance.Id, "act");
    }

    private Task<Page<WorkTask>> MyTasksAsync(Actor actor, int pageSize = 50, int page = 1, string? mapKey = null) =>
        Bpm.Tasks.MyTasksAsync(new TaskQuery { Actor = actor, PageSize = pageSize, Page = page, MapKey = mapKey });

    [Fact]
    public async Task The_substitute_sees_the_absent_persons_held_and_pool_tasks_each_marked_for_them()
    {
        await StartAsync("anna-own", user: "anna", deadline: "PT1H");
        await StartAsync("anna-pool", role: "Sales manager", addressingObject: "North", deadline: "PT2H");
        await StartAsync("lawyer-pool", role: "Lawyer", deadline: "PT3H");
        await StartAsync("boris-own", user: "boris", deadline: "PT4H");
        await StartAsync("accountant-pool", role: "Accountant", deadline: "PT5H");
        await StartAsync("south-pool", role: "Sales manager", addressingObject: "South", deadline: "PT6H");

        var page = await MyTasksAsync(BorisForAnna);

        page.Items.Select(t => t.MapKey).ShouldBe(["anna-own", "anna-pool", "lawyer-pool", "boris-own", "accountant-pool"]);
        page.Items.Select(BorisForAnna.OnBehalfOf).ShouldBe(["anna", "anna", "anna", null, null]);
        page.TotalCount.ShouldBe(5);
    }

    [Fact]
    public async Task Without_the_substitution_the_substitute_sees_only_their_own_and_the_absent_person_always_sees_theirs()
    {
        await StartAsync("anna-own", user: "anna");
        await StartAsync("anna-pool", role: "Lawyer");
        await StartAsync("boris-own", user: "boris");

        (await MyTasksAsync(Boris)).Items.Select(t => t.MapKey).ShouldBe(["boris-own"]);
        (await MyTasksAsync(Anna)).Items.Select(t => t.MapKey).ShouldBe(["anna-own", "anna-pool"], ignoreOrder: true);
        (await MyTasksAsync(BorisForAnna)).TotalCount.ShouldBe(3);
        (await MyTasksAsync(Anna)).TotalCount.ShouldBe(2);
    }

    [Fact]
    public async Task A_role_limited_substitution_covers_only_tasks_of_those_performer_roles()
    {
        var lawyers = Boris.WithSubstitutions([new Substitution("anna", AnnaRoles, ["Lawyer"])]);
        await StartAsync("anna-own", user: "anna");
        await StartAsync("north-pool", role: "Sales manager", addressingObject: "North");
        var held = await StartAsync("lawyer-held", role: "Lawyer");
        await Bpm.Tasks.AcceptAsync(held.Id, Anna);
        await StartAsync("lawyer-pool", role: "Lawyer");

        var page = await MyTasksAsync(lawyers);

        page.Items.Select(t => t.MapKey).ShouldBe(["lawyer-held", "lawyer-pool"], ignoreOrder: true);
        page.TotalCount.ShouldBe(2);
        (await MyTasksAsync(lawyers, mapKey: "lawyer-held")).TotalCount.ShouldBe(1);
        var annasOwn = (await MyTasksAsync(Anna, mapKey: "anna-own")).Items.Single();
        await Should.ThrowAsync<ForbiddenException>(() => Bpm.Tasks.CompleteAsync(annasOwn.Id, lawyers));
    }

    [Fact]
    public async Task A_pool_both_people_are_in_is_listed_once_as_the_substitutes_own()
    {
        var colleague = new Actor("boris", [new RoleMembership("Lawyer")]).WithSubstitutions([new Substitution("anna", AnnaRoles)]);
        await StartAsync("lawyer-pool", role: "Lawyer");

        var page = await MyTasksAsync(colleague);

        page.Items.ShouldHaveSingleItem();
        page.TotalCount.ShouldBe(1);
        colleague.OnBehalfOf(page.Items[0]).ShouldBeNull();
    }

    [Fact]
    public async Task Completing_on_behalf_records_who_acted_and_for_whom()
    {
        var task = await StartAsync("anna-own", user: "anna");

        var completed = await Bpm.Tasks.CompleteAsync(task.Id, BorisForAnna);

        completed.CompletedBy.ShouldBe("boris");
        completed.AssigneeId.ShouldBe("anna");
        var entry = (await Bpm.Engine.GetHistoryAsync(task.InstanceId)).Single(h => h.Kind == HistoryKind.TaskCompleted);
        entry.Actor.ShouldBe("boris");
        entry.OnBehalfOf.ShouldBe("anna");
    }

    [Fact]
    public async Task Accepting_a_pool_task_on_behalf_keeps_it_with_the_absent_person_so_nothing_is_left_reassigned()
    {
        var task = await StartAsync("anna-pool", role: "Lawyer");

        var accepted = await Bpm.Tasks.AcceptAsync(task.Id, BorisForAnna);

        accepted.AssigneeId.ShouldBe("anna");
        (await MyTasksAsync(BorisForAnna)).Items.Select(BorisForAnna.OnBehalfOf).ShouldBe(["anna"]);
        (await MyTasksAsync(Boris)).TotalCount.ShouldBe(0);
        (await MyTasksAsync(Anna)).Items.Single().Status.ShouldBe(WorkTaskStatus.Accepted);
        var entry = (await Bpm.Engine.GetHistoryAsync(task.InstanceId)).Single(h => h.Kind == HistoryKind.TaskAccepted);
        (entry.Actor, entry.OnBehalfOf).ShouldBe(("boris", "anna"));
    }

    [Fact]
    public async Task Redirecting_postponing_and_returning_on_behalf_are_recorded_with_both_names()
    {
        var pool = await StartAsync("anna-pool", role: "Lawyer");
        await Bpm.Tasks.AcceptAsync(pool.Id, Anna);
        var own = await StartAsync("anna-own", user: "anna");

        await Bpm.Tasks.PostponeAsync(own.Id, BorisForAnna, Bpm.Clock.GetUtcNow().AddHours(1));
        await Bpm.Tasks.RedirectAsync(own.Id, BorisForAnna, "carl", "Carl knows this customer");
        var returned = await Bpm.Tasks.ReturnToPoolAsync(pool.Id, BorisForAnna);

        returned.AssigneeId.ShouldBeNull();
        var history = (await Bpm.Engine.GetHistoryAsync(own.InstanceId)).Concat(await Bpm.Engine.GetHistoryAsync(pool.InstanceId))
            .Where(h => h.Kind is HistoryKind.TaskPostponed or HistoryKind.TaskRedirected or HistoryKind.TaskReturnedToPool).ToList();
        history.Count.ShouldBe(3);
        history.ShouldAllBe(h => h.Actor == "boris" && h.OnBehalfOf == "anna");
    }

    [Fact]
    public async Task The_absent_person_acting_for_themselves_records_no_one_on_whose_behalf()
    {
        var task = await StartAsync("anna-own", user: "anna");

        await Bpm.Tasks.CompleteAsync(task.Id, Anna);

        (await Bpm.Engine.GetHistoryAsync(task.InstanceId)).ShouldAllBe(h => h.OnBehalfOf == null);
    }

    [Fact]
    public async Task A_task_created_during_the_absence_is_visible_to_the_substitute_at_once()
    {
        (await MyTasksAsync(BorisForAnna)).TotalCount.ShouldBe(0);

        await StartAsync("new-for-anna", user: "anna");

        var page = await MyTasksAsync(BorisForAnna);
        page.Items.Single().MapKey.ShouldBe("new-for-anna");
        page.TotalCount.ShouldBe(1);
    }

    [Fact]
    public async Task Without_a_substitution_the_absent_persons_task_is_refused()
    {
        var task = await StartAsync("anna-own", user: "anna");

        var error = await Should.ThrowAsync<ForbiddenException>(() => Bpm.Tasks.CompleteAsync(task.Id, Boris));

        error.Code.ShouldBe("task.not-yours");
    }

    [Fact]
    public async Task Pages_over_own_and_substituted_tasks_keep_deadline_order_and_the_exact_total()
    {
        for (var i = 0; i < 6; i++)
        {
            await StartAsync($"t{i}", user: i % 2 == 0 ? "anna" : "boris", deadline: $"PT{i + 1}H");
        }

        var second = await MyTasksAsync(BorisForAnna, pageSize: 4, page: 2);

        second.Items.Select(t => t.MapKey).ShouldBe(["t4", "t5"]);
        second.TotalCount.ShouldBe(6);
    }

    [Fact]
    public async Task An_actor_cannot_substitute_for_themselves()
    {
        var self = Anna.WithSubstitutions([new Substitution("anna", AnnaRoles)]);

        self.ActsFor.ShouldBeEmpty();
    }
}
