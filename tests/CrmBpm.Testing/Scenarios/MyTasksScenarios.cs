using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Errors;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;

namespace CrmBpm.Testing.Scenarios;

/// <summary>My tasks: mine plus my pools', by deadline (none last), overdue marked, filtered, paginated.</summary>
public abstract class MyTasksScenarios : EngineScenario
{
    private static readonly Actor Alice = new("alice", [new RoleMembership("Sales manager", "North")]);

    private async Task StartAsync(string key, string deadline, string? role = null, SubjectReference? subject = null)
    {
        var map = new MapBuilder(key).Start()
            .Add(new ActionPoint
            {
                Id = "act",
                Name = key,
                Performer = role is null ? Performer.User("alice") : Performer.ForRole(role, "North"),
                Deadline = deadline == "" ? null : new Deadline { Duration = deadline },
            })
            .End().Flow("start", "act", "end").Build();
        await Bpm.StartAsync(map, subject: subject);
    }

    [Fact]
    public async Task Mine_and_my_pools_tasks_come_sorted_by_deadline_with_undated_ones_last()
    {
        await StartAsync("later", "P3D");
        await StartAsync("undated", "");
        await StartAsync("pool-soon", "PT4H", role: "Sales manager");
        await StartAsync("other-pool", "PT1H", role: "Accountant");
        await StartAsync("soon", "P1D");

        var page = await Bpm.Tasks.MyTasksAsync(new TaskQuery { Actor = Alice });

        page.Items.Select(t => t.MapKey).ShouldBe(["pool-soon", "soon", "later", "undated"]);
        page.TotalCount.ShouldBe(4);
    }

    [Fact]
    public async Task Overdue_tasks_are_marked_by_the_clock()
    {
        await StartAsync("due", "PT1H");
        var task = (await Bpm.Tasks.MyTasksAsync(new TaskQuery { Actor = Alice })).Items.Single();
        task.IsOverdue(Bpm.Clock.GetUtcNow()).ShouldBeFalse();

        Bpm.Clock.Advance(TimeSpan.FromHours(2));

        task.IsOverdue(Bpm.Clock.GetUtcNow()).ShouldBeTrue();
        (await Bpm.Tasks.MyTasksAsync(new TaskQuery { Actor = Alice, DueBefore = Bpm.Clock.GetUtcNow() })).Items.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Tasks_can_be_filtered_by_subject_and_route_map()
    {
        await StartAsync("sale", "P1D", subject: new SubjectReference("deal", "1"));
        await StartAsync("sale2", "P1D", subject: new SubjectReference("deal", "2"));
        await StartAsync("claim", "P1D", subject: new SubjectReference("claim", "1"));

        (await Bpm.Tasks.MyTasksAsync(new TaskQuery { Actor = Alice, SubjectType = "deal" })).TotalCount.ShouldBe(2);
        (await Bpm.Tasks.MyTasksAsync(new TaskQuery { Actor = Alice, SubjectType = "deal", SubjectId = "2" })).Items.Single().MapKey.ShouldBe("sale2");
        (await Bpm.Tasks.MyTasksAsync(new TaskQuery { Actor = Alice, MapKey = "claim" })).Items.Single().Subject!.Type.ShouldBe("claim");
    }

    [Fact]
    public async Task Pages_split_the_list_and_report_the_total()
    {
        for (var i = 0; i < 7; i++)
        {
            await StartAsync($"m{i}", $"PT{i + 1}H");
        }

        var first = await Bpm.Tasks.MyTasksAsync(new TaskQuery { Actor = Alice, PageSize = 3 });
        var third = await Bpm.Tasks.MyTasksAsync(new TaskQuery { Actor = Alice, PageSize = 3, Page = 3 });

        first.Items.Select(t => t.MapKey).ShouldBe(["m0", "m1", "m2"]);
        third.Items.Select(t => t.MapKey).ShouldBe(["m6"]);
        first.TotalCount.ShouldBe(7);
        first.PageCount.ShouldBe(3);
    }

    [Fact]
    public async Task Completed_and_cancelled_tasks_leave_my_tasks()
    {
        await StartAsync("a", "P1D");
        var task = (await Bpm.Tasks.MyTasksAsync(new TaskQuery { Actor = Alice })).Items.Single();

        await Bpm.Tasks.CompleteAsync(task.Id, Alice);

        (await Bpm.Tasks.MyTasksAsync(new TaskQuery { Actor = Alice })).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_postponed_view_lists_only_tasks_postponed_beyond_now_with_their_total()
    {
        await StartAsync("today", "P1D");
        await StartAsync("later", "P2D");
        await StartAsync("pool-later", "P3D", role: "Sales manager");
        var all = (await Bpm.Tasks.MyTasksAsync(new TaskQuery { Actor = Alice })).Items;
        await Bpm.Tasks.PostponeAsync(all.Single(t => t.MapKey == "later").Id, Alice, Bpm.Clock.GetUtcNow().AddHours(5));
        await Bpm.Tasks.PostponeAsync(all.Single(t => t.MapKey == "pool-later").Id, Alice, Bpm.Clock.GetUtcNow().AddHours(1));

        var postponed = await Bpm.Tasks.MyTasksAsync(new TaskQuery { Actor = Alice, OnlyPostponed = true });

        postponed.Items.Select(t => t.MapKey).ShouldBe(["later", "pool-later"]);
        postponed.TotalCount.ShouldBe(2);
        Bpm.Clock.Advance(TimeSpan.FromHours(2));
        (await Bpm.Tasks.MyTasksAsync(new TaskQuery { Actor = Alice, OnlyPostponed = true })).Items.Single().MapKey.ShouldBe("later");
        (await Bpm.Tasks.MyTasksAsync(new TaskQuery { Actor = Alice })).TotalCount.ShouldBe(2);
    }

    [Theory]
    [InlineData(TaskSort.Deadline, false, new[] { "b", "c", "a" })]
    [InlineData(TaskSort.Deadline, true, new[] { "a", "c", "b" })]
    [InlineData(TaskSort.Title, false, new[] { "a", "b", "c" })]
    [InlineData(TaskSort.Title, true, new[] { "c", "b", "a" })]
    [InlineData(TaskSort.Created, false, new[] { "c", "a", "b" })]
    [InlineData(TaskSort.Created, true, new[] { "b", "a", "c" })]
    [InlineData(TaskSort.Performer, false, new[] { "c", "a", "b" })]
    [InlineData(TaskSort.State, false, new[] { "c", "b", "a" })]
    [InlineData(TaskSort.State, true, new[] { "a", "b", "c" })]
    public async Task My_tasks_sort_by_the_asked_column_and_ties_go_by_creation(TaskSort sort, bool descending, string[] expected)
    {
        await StartAsync("c", "P2D");
        await StartAsync("a", "", role: "Sales manager");
        await StartAsync("b", "P1D");
        var a = (await Bpm.Tasks.MyTasksAsync(new TaskQuery { Actor = Alice })).Items.Single(t => t.MapKey == "a");
        // "a" held by alice too, accepted: the performer ties with the others ("alice"), the state does not.
        await Bpm.Tasks.AcceptAsync(a.Id, Alice);

        var page = await Bpm.Tasks.MyTasksAsync(new TaskQuery { Actor = Alice, Sort = sort, Descending = descending, PageSize = 2 });
        var second = await Bpm.Tasks.MyTasksAsync(new TaskQuery { Actor = Alice, Sort = sort, Descending = descending, PageSize = 2, Page = 2 });

        page.Items.Concat(second.Items).Select(t => t.MapKey).ShouldBe(expected);
        page.TotalCount.ShouldBe(3);
    }

    [Fact]
    public async Task Sorting_by_performer_puts_pool_tasks_by_their_role_among_held_tasks()
    {
        await StartAsync("pool", "P1D", role: "Sales manager");
        await StartAsync("mine", "P2D");

        var page = await Bpm.Tasks.MyTasksAsync(new TaskQuery { Actor = Alice, Sort = TaskSort.Performer, Descending = true });

        page.Items.Select(t => t.MapKey).ShouldBe(["pool", "mine"]); // "sales manager" after "alice": case does not count
    }

    [Fact]
    public async Task The_done_view_lists_what_I_completed_newest_first_with_outcome_and_time()
    {
        await StartAsync("first", "P1D");
        await StartAsync("second", "P2D");
        await StartAsync("open", "P3D");
        await StartAsync("pool", "P3D", role: "Sales manager");
        var tasks = (await Bpm.Tasks.MyTasksAsync(new TaskQuery { Actor = Alice })).Items;
        await Bpm.Tasks.CompleteAsync(tasks.Single(t => t.MapKey == "first").Id, Alice);
        Bpm.Clock.Advance(TimeSpan.FromMinutes(5));
        await Bpm.Tasks.CompleteAsync(tasks.Single(t => t.MapKey == "second").Id, Alice);
        var dan = new Actor("dan", [new RoleMembership("Sales manager", "North")]);
        await Bpm.Tasks.CompleteAsync(tasks.Single(t => t.MapKey == "pool").Id, dan);

        var done = await Bpm.Tasks.DoneTasksAsync(new DoneTaskQuery { Actor = Alice, PageSize = 1 });
        var next = await Bpm.Tasks.DoneTasksAsync(new DoneTaskQuery { Actor = Alice, PageSize = 1, Page = 2 });

        done.TotalCount.ShouldBe(2);
        done.Items.Single().MapKey.ShouldBe("second");
        done.Items.Single().ClosedAt.ShouldBe(Bpm.Clock.GetUtcNow());
        next.Items.Single().MapKey.ShouldBe("first");
        (await Bpm.Tasks.DoneTasksAsync(new DoneTaskQuery { Actor = dan })).Items.Single().MapKey.ShouldBe("pool");
    }

    [Fact]
    public async Task A_page_size_out_of_range_is_refused_with_the_field_name()
    {
        var error = await Should.ThrowAsync<InputException>(() => Bpm.Tasks.MyTasksAsync(new TaskQuery { Actor = Alice, PageSize = 0 }));

        error.Problems.Single().Field.ShouldBe("pageSize");
    }
}
