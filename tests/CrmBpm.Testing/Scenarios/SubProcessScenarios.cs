using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Runtime;

namespace CrmBpm.Testing.Scenarios;

/// <summary>
/// Embedded sub-processes: a token reaching one starts a child instance running the sub-process's inside (the derived map
/// <c>key::id</c>) with all the parent's variables, waits for it, writes back what it set or changed and goes on; boundary
/// events, error ends and terminate ends work on it as on a Nested process.
/// </summary>
public abstract class SubProcessScenarios : EngineScenario
{
    /// <summary>start → check (sub-process: start → review → end) → after → end, with the builder's extra points.</summary>
    private static MapBuilder Checking(string key = "order", Action<MapBuilder>? inside = null)
    {
        var builder = new MapBuilder(key).Start().SubProcess("check").Action("after").End().Flow("start", "check", "after", "end")
            .Inside("check").Start("check-start").Action("review").End("check-end");
        if (inside is null)
        {
            builder.Flow("check-start", "review", "check-end");
        }
        else
        {
            inside(builder);
        }

        return builder.Inside(null);
    }

    [Fact]
    public async Task A_sub_process_runs_its_inside_as_a_child_instance_and_the_process_goes_on_when_it_ends()
    {
        var instance = await Bpm.StartAsync(Checking().Build());

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["check"]);
        var child = (await Bpm.Engine.GetChildInstancesAsync(instance.Id)).ShouldHaveSingleItem();
        child.MapKey.ShouldBe("order::check");
        child.MapVersion.ShouldBe(1);
        (await Bpm.TokenPointsAsync(child.Id)).ShouldBe(["review"]);
        (await Bpm.Maps.GetAsync(child.MapKey, child.MapVersion)).ShouldNotBeNull().Name.ShouldBe("check");

        await Bpm.CompleteAsync(instance.Id, "review");

        (await Bpm.InstanceAsync(child.Id)).Status.ShouldBe(InstanceStatus.Completed);
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["after"]);
        await Bpm.CompleteAsync(instance.Id, "after");
        (await Bpm.InstanceAsync(instance.Id)).Status.ShouldBe(InstanceStatus.Completed);
    }

    [Fact]
    public async Task A_sub_process_writes_back_only_what_it_set_or_changed_so_a_parallel_branch_s_change_stays()
    {
        var map = new MapBuilder("order").Start().Split("fork").SubProcess("check").Action("branch").Merge("join").End()
            .Flow("start", "fork", "check", "join", "end").Flow("fork", "branch", "join")
            .Inside("check").Start("check-start").Action("review").End("check-end").Flow("check-start", "review", "check-end")
            .Inside(null).Build();
        var instance = await Bpm.StartAsync(map, new { discount = 5, note = "first", untouched = "parent" });

        await Bpm.CompleteAsync(instance.Id, "branch", variables: new { note = "changed by the branch" });
        await Bpm.CompleteAsync(instance.Id, "review", variables: new { discount = 10, verdict = "ok" });

        var done = await Bpm.InstanceAsync(instance.Id);
        done.Status.ShouldBe(InstanceStatus.Completed);
        done.Variables["discount"].GetInt32().ShouldBe(10);
        done.Variables["verdict"].GetString().ShouldBe("ok");
        done.Variables["note"].GetString().ShouldBe("changed by the branch");
        done.Variables["untouched"].GetString().ShouldBe("parent");
    }

    [Fact]
    public async Task An_interrupting_boundary_timer_on_a_sub_process_cancels_its_tasks_and_takes_its_own_flow()
    {
        var map = Checking()
            .Add(new BoundaryTimerPoint { Id = "late", AttachedToId = "check", Timer = TimerDefinition.After("PT1H") }).Action("chase").End("chased")
            .Flow("late", "chase", "chased").Build();
        var instance = await Bpm.StartAsync(map);
        var child = (await Bpm.Engine.GetChildInstancesAsync(instance.Id)).ShouldHaveSingleItem();
        var review = await Bpm.TaskAtAsync(instance.Id, "review");

        Bpm.Clock.Advance(TimeSpan.FromHours(1));
        (await Bpm.Timers.FireDueTimersAsync()).ShouldBe(1);

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["chase"]);
        (await Bpm.InstanceAsync(child.Id)).Status.ShouldBe(InstanceStatus.Terminated);
        (await Bpm.Tasks.GetAsync(review.Id)).Status.ShouldBe(Engine.Tasks.WorkTaskStatus.Cancelled);
    }

    [Fact]
    public async Task An_error_end_inside_a_sub_process_is_caught_by_its_error_boundary()
    {
        var refused = new ErrorDefinition("Error_refused", "refused");
        var map = Checking(inside: b => b
                .Condition("ok", "approved")
                .Add(new EndPoint { Id = "refuse", Name = "refuse", Error = refused })
                .Flow("check-start", "review", "ok").Yes("ok", "check-end").No("ok", "refuse"))
            .Add(new BoundaryErrorPoint { Id = "refused", AttachedToId = "check", Error = refused, CodeVariable = "why" }).Action("explain").End("explained")
            .Flow("refused", "explain", "explained").Build();
        var instance = await Bpm.StartAsync(map);

        await Bpm.CompleteAsync(instance.Id, "review", variables: new { approved = false });

        var after = await Bpm.InstanceAsync(instance.Id);
        after.Status.ShouldBe(InstanceStatus.Active);
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["explain"]);
        after.Variables["why"].GetString().ShouldBe("refused");
    }

    [Fact]
    public async Task A_terminate_end_inside_a_sub_process_ends_only_the_sub_process()
    {
        var map = Checking(inside: b => b
                .Split("both").Action("second").Add(new EndPoint { Id = "stop", Name = "stop", Terminates = true })
                .Flow("check-start", "both", "review", "check-end").Flow("both", "second", "stop"))
            .Build();
        var instance = await Bpm.StartAsync(map);
        var review = await Bpm.TaskAtAsync(instance.Id, "review");

        await Bpm.CompleteAsync(instance.Id, "second");

        (await Bpm.Tasks.GetAsync(review.Id)).Status.ShouldBe(Engine.Tasks.WorkTaskStatus.Cancelled);
        (await Bpm.InstanceAsync(instance.Id)).Status.ShouldBe(InstanceStatus.Active);
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["after"]);
    }

    [Fact]
    public async Task A_sub_process_inside_a_sub_process_runs_the_inner_scope_as_a_grandchild()
    {
        var map = Checking(inside: b => b.SubProcess("inner").Flow("check-start", "review", "inner", "check-end")
                .Inside("inner").Start("inner-start").Action("deep").End("inner-end").Flow("inner-start", "deep", "inner-end"))
            .Build();
        var instance = await Bpm.StartAsync(map);
        await Bpm.CompleteAsync(instance.Id, "review");
        var child = (await Bpm.Engine.GetChildInstancesAsync(instance.Id)).ShouldHaveSingleItem();
        var grandchild = (await Bpm.Engine.GetChildInstancesAsync(child.Id)).ShouldHaveSingleItem();
        grandchild.MapKey.ShouldBe("order::check::inner");

        await Bpm.CompleteAsync(instance.Id, "deep", variables: new { deepDone = true });

        var after = await Bpm.InstanceAsync(instance.Id);
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["after"]);
        after.Variables["deepDone"].GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task My_tasks_of_a_map_hold_the_tasks_of_its_sub_processes_and_no_other_map_s()
    {
        var mine = await Bpm.StartAsync(Checking("sale_a").Build());
        await Bpm.StartAsync(Checking("saleXa").Build());

        var page = await Bpm.Tasks.MyTasksAsync(new Engine.Tasks.TaskQuery { Actor = new Engine.Tasks.Actor("alice"), MapKey = "sale_a" });

        var task = page.Items.ShouldHaveSingleItem();
        task.PointId.ShouldBe("review");
        task.MapKey.ShouldBe("sale_a::check");
        (await Bpm.Engine.GetChildInstancesAsync(mine.Id)).ShouldHaveSingleItem().Id.ShouldBe(task.InstanceId);
    }

    [Fact]
    public async Task A_map_key_with_the_scope_separator_is_refused()
    {
        var error = await Should.ThrowAsync<Engine.Errors.InputException>(() => Bpm.Maps.DeployAsync(new MapBuilder("order::check").Start().End().Flow("start", "end").Build()));

        error.Code.ShouldBe("routemap.key-separator");
    }
}
