using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;
using CrmBpm.EntityFrameworkCore.Tests.Infrastructure;
using CrmBpm.Testing;

namespace CrmBpm.EntityFrameworkCore.Tests.Contract;

/// <summary>My tasks runs in SQL: own tasks plus the pools of the actor's roles and addressing objects, filtered, sorted, paginated.</summary>
public abstract class MyTasksQueryContract : StoreContract
{
    private static readonly SubjectReference Deal = new("deal", "1");

    [Fact]
    public async Task My_tasks_are_mine_plus_role_pools_and_the_pools_of_my_addressing_objects_sorted_by_deadline()
    {
        var bpm = Node();
        await StartPoolsAsync(bpm);

        var alice = await MyTaskPointsAsync(bpm, new TaskQuery { Actor = new Actor("alice", [new RoleMembership("Sales", "North")]) });
        var carol = await MyTaskPointsAsync(bpm, new TaskQuery { Actor = new Actor("carol", [new RoleMembership("Sales")]) });
        var dave = await MyTaskPointsAsync(bpm, new TaskQuery { Actor = new Actor("dave", [new RoleMembership("Sales", "North"), new RoleMembership("Sales", "South")]) });
        var erin = await MyTaskPointsAsync(bpm, new TaskQuery { Actor = new Actor("erin") });

        alice.ShouldBe(["sales", "own", "north"]);
        carol.ShouldBe(["sales"]);
        dave.ShouldBe(["sales", "south", "north"]);
        erin.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_pool_task_taken_by_one_member_leaves_the_pool_and_a_completed_task_leaves_my_tasks()
    {
        var bpm = Node();
        var instance = await StartPoolsAsync(bpm);
        var sales = await bpm.TaskAtAsync(instance.Id, "sales");
        var alice = new Actor("alice", [new RoleMembership("Sales", "North")]);
        var carol = new Actor("carol", [new RoleMembership("Sales")]);

        await bpm.Tasks.AcceptAsync(sales.Id, carol);

        (await MyTaskPointsAsync(bpm, new TaskQuery { Actor = carol })).ShouldBe(["sales"]);
        (await MyTaskPointsAsync(bpm, new TaskQuery { Actor = alice })).ShouldBe(["own", "north"]);

        await bpm.Tasks.CompleteAsync(sales.Id, carol);
        (await MyTaskPointsAsync(bpm, new TaskQuery { Actor = carol })).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_postponed_task_is_hidden_until_its_date_unless_asked_for()
    {
        var bpm = Node();
        var instance = await StartPoolsAsync(bpm);
        var own = await bpm.TaskAtAsync(instance.Id, "own");
        var alice = new Actor("alice", [new RoleMembership("Sales", "North")]);

        await bpm.Tasks.PostponeAsync(own.Id, alice, bpm.Clock.GetUtcNow() + TimeSpan.FromDays(1));

        (await MyTaskPointsAsync(bpm, new TaskQuery { Actor = alice })).ShouldBe(["sales", "north"]);
        (await MyTaskPointsAsync(bpm, new TaskQuery { Actor = alice, IncludePostponed = true })).ShouldBe(["sales", "own", "north"]);
        bpm.Clock.Advance(TimeSpan.FromDays(1));
        (await MyTaskPointsAsync(bpm, new TaskQuery { Actor = alice })).ShouldBe(["sales", "own", "north"]);
    }

    [Fact]
    public async Task My_tasks_filter_by_subject_route_map_and_deadline()
    {
        var bpm = Node();
        await StartPoolsAsync(bpm);
        var claimMap = new MapBuilder("claim").Start().Action("claim-task", "alice").End().Flow("start", "claim-task", "end").Build();
        await bpm.StartAsync(claimMap, subject: new SubjectReference("claim", "7"));
        var alice = new Actor("alice", [new RoleMembership("Sales", "North")]);
        var now = bpm.Clock.GetUtcNow();

        (await MyTaskPointsAsync(bpm, new TaskQuery { Actor = alice })).ShouldBe(["sales", "own", "north", "claim-task"]);
        (await MyTaskPointsAsync(bpm, new TaskQuery { Actor = alice, SubjectType = "claim" })).ShouldBe(["claim-task"]);
        (await MyTaskPointsAsync(bpm, new TaskQuery { Actor = alice, SubjectType = "deal", SubjectId = "1" })).ShouldBe(["sales", "own", "north"]);
        (await MyTaskPointsAsync(bpm, new TaskQuery { Actor = alice, SubjectType = "deal", SubjectId = "2" })).ShouldBeEmpty();
        (await MyTaskPointsAsync(bpm, new TaskQuery { Actor = alice, MapKey = "claim" })).ShouldBe(["claim-task"]);
        (await MyTaskPointsAsync(bpm, new TaskQuery { Actor = alice, DueBefore = now + TimeSpan.FromHours(2) })).ShouldBe(["sales"]);
    }

    [Fact]
    public async Task My_tasks_come_in_pages_with_the_total_count()
    {
        var bpm = Node();
        await StartPoolsAsync(bpm);
        var dave = new Actor("dave", [new RoleMembership("Sales", "North"), new RoleMembership("Sales", "South")]);

        var first = await bpm.Tasks.MyTasksAsync(new TaskQuery { Actor = dave, PageSize = 2 });
        var second = await bpm.Tasks.MyTasksAsync(new TaskQuery { Actor = dave, PageSize = 2, Page = 2 });
        var beyond = await bpm.Tasks.MyTasksAsync(new TaskQuery { Actor = dave, PageSize = 2, Page = 3 });

        first.TotalCount.ShouldBe(3);
        first.PageCount.ShouldBe(2);
        first.Items.Select(t => t.PointId).ShouldBe(["sales", "south"]);
        second.Items.Select(t => t.PointId).ShouldBe(["north"]);
        beyond.Items.ShouldBeEmpty();
        beyond.TotalCount.ShouldBe(3);
    }

    [Fact]
    public async Task Tasks_read_back_carry_every_field_they_were_created_with()
    {
        var bpm = Node();
        var map = new MapBuilder("items").Start()
            .Action("check", "alice", a => a with
            {
                TitleTemplate = "Check {{item.name}}",
                Outcomes = ["Ok", "Broken"],
                FormFields = [new FormField { Name = "note", Label = "Note", Required = false }],
                Stage = "Inspection",
                MultiInstance = new MultiInstance { CollectionVariable = "parts", ElementVariable = "item" },
                Deadline = Deadline.After(TimeSpan.FromHours(5)),
            })
            .End().Flow("start", "check", "end").Build();
        var instance = await bpm.StartAsync(map, variables: new { parts = new[] { new { name = "wheel" }, new { name = "door" } } }, subject: Deal);

        var tasks = await bpm.Tasks.GetTasksOfInstanceAsync(instance.Id);

        tasks.Select(t => t.ItemIndex).ShouldBe([0, 1]);
        tasks[1].Item!.Value.GetProperty("name").GetString().ShouldBe("door");
        tasks[0].Outcomes.ShouldBe(["Ok", "Broken"]);
        tasks[0].FormFields.ShouldHaveSingleItem().Name.ShouldBe("note");
        tasks[0].Stage.ShouldBe("Inspection");
        tasks[0].Subject.ShouldBe(Deal);
        tasks[0].DueAt.ShouldBe(bpm.Clock.GetUtcNow() + TimeSpan.FromHours(5));
        tasks[0].CreatedAt.ShouldBe(bpm.Clock.GetUtcNow());
        tasks[0].RootInstanceId.ShouldBe(instance.Id);
    }

    /// <summary>
    /// One instance with a task per kind of addressee: alice's own (due in 3 h), bob's, the Sales pool (1 h), Sales for North
    /// (no deadline), Sales for South (2 h) and Support.
    /// </summary>
    private static async Task<ProcessInstance> StartPoolsAsync(EngineHarness bpm)
    {
        static Func<ActionPoint, ActionPoint> Due(int hours) => a => a with { Deadline = Deadline.After(TimeSpan.FromHours(hours)) };
        var map = new MapBuilder("pools").Start().Split("split").Merge("merge").End()
            .Action("own", "alice", Due(3))
            .Action("other", "bob", Due(1))
            .RoleAction("sales", "Sales", configure: Due(1))
            .RoleAction("north", "Sales", "North")
            .RoleAction("south", "Sales", "South", Due(2))
            .RoleAction("support", "Support", configure: Due(1))
            .Flow("start", "split").Flow("merge", "end")
            .Flow("split", "own", "merge").Flow("split", "other", "merge").Flow("split", "sales", "merge")
            .Flow("split", "north", "merge").Flow("split", "south", "merge").Flow("split", "support", "merge")
            .Build();
        return await bpm.StartAsync(map, subject: Deal);
    }

    private static async Task<string[]> MyTaskPointsAsync(EngineHarness bpm, TaskQuery query) =>
        [.. (await bpm.Tasks.MyTasksAsync(query)).Items.Select(t => t.PointId)];
}
