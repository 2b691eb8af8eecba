using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Errors;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;

namespace CrmBpm.Testing.Scenarios;

/// <summary>
/// Escalation events: an escalation thrown inside a sub-process or a called map travels up to the first escalation boundary or
/// escalation event sub-process catching its code; interrupting cancels what it sits on, non-interrupting lets the thrower go
/// on; nobody catching it is not an error.
/// </summary>
public abstract class EscalationEventScenarios : EngineScenario
{
    private static readonly EscalationDefinition Late = new("Escalation_late", "late", "Delivery late");

    private static EscalationDefinition Other => new("Escalation_other", "other");

    /// <summary>A sub-process "check" whose inside throws <paramref name="thrown"/> (at an intermediate throw, then waits at "inner-work"; or at an end), with the given boundaries on it.</summary>
    private static RouteMap CheckThrowing(EscalationDefinition thrown, bool atEnd, params BoundaryEscalationPoint[] boundaries)
    {
        var builder = new MapBuilder("order").Start().SubProcess("check").Action("after").End()
            .Flow("start", "check", "after", "end");
        foreach (var boundary in boundaries)
        {
            builder.Add(boundary with { AttachedToId = "check" }).Action("after-" + boundary.Id).End("end-" + boundary.Id).Flow(boundary.Id, "after-" + boundary.Id, "end-" + boundary.Id);
        }

        builder.Inside("check").Start("inner-start");
        if (atEnd)
        {
            builder.Split("fork").Action("inner-work").End("inner-end")
                .Add(new EndPoint { Id = "escalate", Name = "Escalate", Escalation = thrown })
                .Flow("inner-start", "fork", "inner-work", "inner-end").Flow("fork", "escalate");
        }
        else
        {
            builder.Add(new EscalationThrowPoint { Id = "escalate", Name = "Escalate", Escalation = thrown }).Action("inner-work").End("inner-end")
                .Flow("inner-start", "escalate", "inner-work", "inner-end");
        }

        return builder.Inside(null).Build();
    }

    [Fact]
    public async Task An_interrupting_boundary_catches_an_escalation_end_inside_and_cancels_the_sub_process()
    {
        var instance = await Bpm.StartAsync(CheckThrowing(Late, atEnd: true, new BoundaryEscalationPoint { Id = "on-late", Escalation = Late }));

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["after-on-late"]);
        (await Bpm.OpenTasksAsync(instance.Id)).Select(t => t.PointId).ShouldBe(["after-on-late"]);
        var child = (await Bpm.Engine.GetChildInstancesAsync(instance.Id)).ShouldHaveSingleItem();
        (await Bpm.InstanceAsync(child.Id)).Status.ShouldBe(InstanceStatus.Terminated);
        (await Bpm.Engine.GetHistoryAsync(child.Id)).ShouldContain(h => h.Kind == HistoryKind.EscalationThrown && h.PointId == "escalate" && h.Details!.Contains("caught by escalation boundary 'on-late'"));
        (await Bpm.Engine.GetHistoryAsync(instance.Id)).ShouldContain(h => h.Kind == HistoryKind.EscalationCaught && h.PointId == "on-late" && h.FromPointId == "check");
    }

    [Fact]
    public async Task A_non_interrupting_boundary_runs_beside_and_the_thrower_goes_on()
    {
        var instance = await Bpm.StartAsync(CheckThrowing(Late, atEnd: false, new BoundaryEscalationPoint { Id = "on-late", Escalation = Late, CancelsActivity = false }));

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["after-on-late", "check"]);
        (await Bpm.OpenTasksAsync(instance.Id)).Select(t => t.PointId).Order().ShouldBe(["after-on-late", "inner-work"]);
        await Bpm.CompleteAsync(instance.Id, "inner-work");
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["after", "after-on-late"]);
    }

    [Fact]
    public async Task A_boundary_naming_another_code_does_not_catch_and_a_catch_all_does()
    {
        var named = await Bpm.StartAsync(CheckThrowing(Late, atEnd: false, new BoundaryEscalationPoint { Id = "on-other", Escalation = Other }));
        (await Bpm.OpenTasksAsync(named.Id)).Select(t => t.PointId).ShouldBe(["inner-work"]);

        var all = await Bpm.StartAsync(CheckThrowing(Late, atEnd: false,
            new BoundaryEscalationPoint { Id = "on-other", Escalation = Other }, new BoundaryEscalationPoint { Id = "on-any" }));
        (await Bpm.TokenPointsAsync(all.Id)).ShouldBe(["after-on-any"]);
    }

    [Fact]
    public async Task A_catch_all_boundary_sets_its_code_variable_to_the_code_it_caught()
    {
        var instance = await Bpm.StartAsync(CheckThrowing(Late, atEnd: false, new BoundaryEscalationPoint { Id = "on-any", CodeVariable = "why", CancelsActivity = false }));

        (await Bpm.InstanceAsync(instance.Id)).Variables["why"].GetString().ShouldBe("late");
    }

    [Fact]
    public async Task The_boundary_naming_the_code_wins_over_a_catch_all()
    {
        var instance = await Bpm.StartAsync(CheckThrowing(Late, atEnd: false,
            new BoundaryEscalationPoint { Id = "on-any" }, new BoundaryEscalationPoint { Id = "on-late", Escalation = Late }));

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["after-on-late"]);
    }

    [Fact]
    public async Task An_uncaught_escalation_is_no_error_the_throw_goes_on_and_the_end_ends_its_token()
    {
        var throwing = await Bpm.StartAsync(CheckThrowing(Late, atEnd: false));
        var ending = await Bpm.StartAsync(CheckThrowing(Late, atEnd: true));

        (await Bpm.InstanceAsync(throwing.Id)).Status.ShouldBe(InstanceStatus.Active);
        (await Bpm.OpenTasksAsync(throwing.Id)).Select(t => t.PointId).ShouldBe(["inner-work"]);
        var child = (await Bpm.Engine.GetChildInstancesAsync(throwing.Id)).ShouldHaveSingleItem();
        (await Bpm.Engine.GetHistoryAsync(child.Id)).ShouldContain(h => h.Kind == HistoryKind.EscalationThrown && h.Details!.EndsWith("not caught: the token goes on", StringComparison.Ordinal));

        (await Bpm.InstanceAsync(ending.Id)).Status.ShouldBe(InstanceStatus.Active);
        await Bpm.CompleteAsync(ending.Id, "inner-work");
        (await Bpm.TokenPointsAsync(ending.Id)).ShouldBe(["after"]);
        await Bpm.CompleteAsync(ending.Id, "after");
        (await Bpm.InstanceAsync(ending.Id)).Status.ShouldBe(InstanceStatus.Completed);
    }

    [Fact]
    public async Task An_escalation_end_at_the_top_level_ends_its_token_and_the_instance_completes()
    {
        var map = new MapBuilder("order").Start().Add(new EndPoint { Id = "escalate", Escalation = Late, Result = "Escalated" }).Flow("start", "escalate").Build();

        var instance = await Bpm.StartAsync(map);

        var after = await Bpm.InstanceAsync(instance.Id);
        after.Status.ShouldBe(InstanceStatus.Completed);
        after.Result.ShouldBe("Escalated");
    }

    [Fact]
    public async Task An_escalation_travels_up_through_a_sub_process_without_a_boundary_to_the_next_one()
    {
        var map = new MapBuilder("order").Start().SubProcess("outer").Action("after").End()
            .Add(new BoundaryEscalationPoint { Id = "on-late", AttachedToId = "outer", Escalation = Late }).Action("handle").End("handled")
            .Flow("start", "outer", "after", "end").Flow("on-late", "handle", "handled")
            .Inside("outer").Start("outer-start").SubProcess("inner").End("outer-end").Flow("outer-start", "inner", "outer-end")
            .Inside("inner").Start("inner-start").Add(new EscalationThrowPoint { Id = "escalate", Escalation = Late }).Action("inner-work").End("inner-end")
            .Flow("inner-start", "escalate", "inner-work", "inner-end")
            .Inside(null).Build();

        var instance = await Bpm.StartAsync(map);

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["handle"]);
        (await Bpm.OpenTasksAsync(instance.Id)).Select(t => t.PointId).ShouldBe(["handle"]);
    }

    [Fact]
    public async Task A_boundary_on_a_nested_process_catches_an_escalation_of_the_called_map()
    {
        await Bpm.DeployAsync(new MapBuilder("delivery").Start().Add(new EscalationThrowPoint { Id = "escalate", Escalation = Late }).Action("deliver").End()
            .Flow("start", "escalate", "deliver", "end").Build());
        var map = new MapBuilder("order").Start().Nested("call", "delivery").Action("after").End()
            .Add(new BoundaryEscalationPoint { Id = "on-late", AttachedToId = "call", Escalation = Late, CancelsActivity = false }).Action("inform").End("informed")
            .Flow("start", "call", "after", "end").Flow("on-late", "inform", "informed")
            .Build();

        var instance = await Bpm.StartAsync(map);

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["call", "inform"]);
        (await Bpm.OpenTasksAsync(instance.Id)).Select(t => t.PointId).Order().ShouldBe(["deliver", "inform"]);
    }

    [Fact]
    public async Task An_escalation_event_sub_process_of_the_same_scope_catches_it_interrupting_the_rest()
    {
        var map = new MapBuilder("order").Start().Split("fork").Action("work").End()
            .Add(new EscalationThrowPoint { Id = "escalate", Escalation = Late }).Action("after-throw").End("thrown")
            .Flow("start", "fork", "work", "end").Flow("fork", "escalate", "after-throw", "thrown")
            .SubProcess("on-late", triggeredByEvent: true)
            .Inside("on-late").Add(new StartPoint { Id = "late-start", Escalation = Late }).Action("handle").End("handled").Flow("late-start", "handle", "handled")
            .Inside(null).Build();

        var instance = await Bpm.StartAsync(map);

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["on-late"]);
        (await Bpm.OpenTasksAsync(instance.Id)).Select(t => t.PointId).ShouldBe(["handle"]);
        (await Bpm.Engine.GetHistoryAsync(instance.Id)).ShouldContain(h => h.Kind == HistoryKind.EscalationCaught && h.PointId == "on-late");
        await Bpm.CompleteAsync(instance.Id, "handle");
        (await Bpm.InstanceAsync(instance.Id)).Status.ShouldBe(InstanceStatus.Completed);
    }

    [Fact]
    public async Task A_non_interrupting_escalation_event_sub_process_of_the_parent_runs_beside_a_sub_process_that_goes_on()
    {
        var map = new MapBuilder("order").Start().SubProcess("check").Action("after").End()
            .Flow("start", "check", "after", "end")
            .Inside("check").Start("inner-start").Add(new EscalationThrowPoint { Id = "escalate", Escalation = Late }).Action("inner-work").End("inner-end")
            .Flow("inner-start", "escalate", "inner-work", "inner-end")
            .Inside(null).SubProcess("on-any", triggeredByEvent: true)
            .Inside("on-any").Add(new StartPoint { Id = "any-start", Escalation = new EscalationDefinition(""), Interrupting = false }).Action("inform").End("informed")
            .Flow("any-start", "inform", "informed")
            .Inside(null).Build();

        var instance = await Bpm.StartAsync(map);

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["check", "on-any"]);
        (await Bpm.OpenTasksAsync(instance.Id)).Select(t => t.PointId).Order().ShouldBe(["inform", "inner-work"]);
        await Bpm.CompleteAsync(instance.Id, "inform");
        await Bpm.CompleteAsync(instance.Id, "inner-work");
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["after"]);
    }

    [Fact]
    public async Task Each_run_of_a_parallel_multi_instance_sub_process_escalates_to_a_non_interrupting_boundary_and_an_interrupting_one_ends_them_all()
    {
        RouteMap Runs(bool interrupting) => new MapBuilder("order").Start()
            .Add(new SubProcessPoint { Id = "check", MultiInstance = new MultiInstance { CollectionVariable = "items", ElementVariable = "item" } })
            .Action("after").End().Flow("start", "check", "after", "end")
            .Add(new BoundaryEscalationPoint { Id = "on-late", AttachedToId = "check", Escalation = Late, CancelsActivity = interrupting }).Action("inform").End("informed")
            .Flow("on-late", "inform", "informed")
            .Inside("check").Start("inner-start").Add(new EscalationThrowPoint { Id = "escalate", Escalation = Late }).Action("inner-work").End("inner-end")
            .Flow("inner-start", "escalate", "inner-work", "inner-end")
            .Inside(null).Build();

        var beside = await Bpm.StartAsync(Runs(interrupting: false), new { items = new[] { "a", "b" } });
        (await Bpm.OpenTasksAsync(beside.Id)).Select(t => t.PointId).Order().ShouldBe(["inform", "inform", "inner-work", "inner-work"]);

        var cancelling = await Bpm.StartAsync(Runs(interrupting: true) with { Key = "order-2" }, new { items = new[] { "a", "b" } });
        (await Bpm.OpenTasksAsync(cancelling.Id)).Select(t => t.PointId).ShouldBe(["inform"]);
        (await Bpm.Engine.GetChildInstancesAsync(cancelling.Id)).ShouldAllBe(c => c.Status == InstanceStatus.Terminated);
    }

    [Fact]
    public async Task An_interrupting_escalation_event_sub_process_of_the_parent_ends_the_sub_process_that_threw()
    {
        var map = new MapBuilder("order").Start().SubProcess("check").Action("after").End()
            .Flow("start", "check", "after", "end")
            .Inside("check").Start("inner-start").Add(new EndPoint { Id = "escalate", Escalation = Late })
            .Flow("inner-start", "escalate")
            .Inside(null).SubProcess("on-late", triggeredByEvent: true)
            .Inside("on-late").Add(new StartPoint { Id = "late-start", Escalation = Late }).Action("handle").End("handled")
            .Flow("late-start", "handle", "handled")
            .Inside(null).Build();

        var instance = await Bpm.StartAsync(map);

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["on-late"]);
        (await Bpm.Engine.GetChildInstancesAsync(instance.Id)).Single(c => c.MapKey == "order::check").Status.ShouldBe(InstanceStatus.Terminated);
        await Bpm.CompleteAsync(instance.Id, "handle");
        (await Bpm.InstanceAsync(instance.Id)).Status.ShouldBe(InstanceStatus.Completed);
    }

    /// <summary>start → work (an Action of alice) → end, with the given escalation boundaries on work, each leading to an Action named like it.</summary>
    private static RouteMap WorkWith(params BoundaryEscalationPoint[] boundaries)
    {
        var builder = new MapBuilder("claim").Start().Action("work").End().Flow("start", "work", "end");
        foreach (var boundary in boundaries)
        {
            builder.Add(boundary with { AttachedToId = "work" }).Action("after-" + boundary.Id).End("end-" + boundary.Id).Flow(boundary.Id, "after-" + boundary.Id, "end-" + boundary.Id);
        }

        return builder.Build();
    }

    [Fact]
    public async Task A_person_raises_an_escalation_a_non_interrupting_boundary_of_the_action_catches_and_the_task_stays_open()
    {
        var instance = await Bpm.StartAsync(WorkWith(new BoundaryEscalationPoint { Id = "on-late", Escalation = Late, CancelsActivity = false, CodeVariable = "why" }));
        var task = await Bpm.TaskAtAsync(instance.Id, "work");

        await Bpm.Tasks.ThrowEscalationAsync(task.Id, new Actor("alice"), "late");

        (await Bpm.OpenTasksAsync(instance.Id)).Select(t => t.PointId).Order().ShouldBe(["after-on-late", "work"]);
        (await Bpm.InstanceAsync(instance.Id)).Variables["why"].GetString().ShouldBe("late");
        (await Bpm.Engine.GetHistoryAsync(instance.Id)).ShouldContain(h => h.Kind == HistoryKind.EscalationThrown && h.TaskId == task.Id);
    }

    [Fact]
    public async Task A_person_s_escalation_an_interrupting_boundary_catches_cancels_the_task()
    {
        var instance = await Bpm.StartAsync(WorkWith(new BoundaryEscalationPoint { Id = "on-any" }));
        var task = await Bpm.TaskAtAsync(instance.Id, "work");

        var after = await Bpm.Tasks.ThrowEscalationAsync(task.Id, new Actor("alice"), "anything");

        after.Status.ShouldBe(WorkTaskStatus.Cancelled);
        (await Bpm.OpenTasksAsync(instance.Id)).Select(t => t.PointId).ShouldBe(["after-on-any"]);
    }

    [Fact]
    public async Task A_person_s_escalation_nobody_catches_is_refused_and_the_task_stays_open()
    {
        var instance = await Bpm.StartAsync(WorkWith(new BoundaryEscalationPoint { Id = "on-other", Escalation = Other }));
        var task = await Bpm.TaskAtAsync(instance.Id, "work");

        var refused = await Should.ThrowAsync<ConflictException>(() => Bpm.Tasks.ThrowEscalationAsync(task.Id, new Actor("alice"), "late"));

        refused.Code.ShouldBe("task.escalation-not-caught");
        refused.Message.ShouldContain("'late'");
        (await Bpm.OpenTasksAsync(instance.Id)).Select(t => t.PointId).ShouldBe(["work"]);
    }

    [Fact]
    public async Task A_person_s_escalation_inside_a_sub_process_travels_up_to_the_boundary_of_the_sub_process()
    {
        var map = new MapBuilder("order").Start().SubProcess("check").Action("after").End()
            .Add(new BoundaryEscalationPoint { Id = "on-late", AttachedToId = "check", Escalation = Late }).Action("handle").End("handled")
            .Flow("start", "check", "after", "end").Flow("on-late", "handle", "handled")
            .Inside("check").Start("inner-start").Action("review").End("inner-end").Flow("inner-start", "review", "inner-end")
            .Inside(null).Build();
        var instance = await Bpm.StartAsync(map);
        var task = await Bpm.TaskAtAsync(instance.Id, "review");

        await Bpm.Tasks.ThrowEscalationAsync(task.Id, new Actor("alice"), "late");

        (await Bpm.OpenTasksAsync(instance.Id)).Select(t => t.PointId).ShouldBe(["handle"]);
        (await Bpm.InstanceAsync(task.InstanceId)).Status.ShouldBe(InstanceStatus.Terminated);
    }
}
