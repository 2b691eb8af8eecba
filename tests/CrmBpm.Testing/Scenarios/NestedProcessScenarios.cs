using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;

namespace CrmBpm.Testing.Scenarios;

/// <summary>Nested processes: a child instance of another map, variables mapped in and out, several levels deep.</summary>
public abstract class NestedProcessScenarios : EngineScenario
{
    private static RouteMap Check() => new MapBuilder("check").Start().Action("verify", "carol").End()
        .Flow("start", "verify", "end").Build();

    [Fact]
    public async Task The_parent_waits_for_the_child_and_gets_its_outputs()
    {
        await Bpm.DeployAsync(Check());
        var parent = new MapBuilder("parent").Start()
            .Nested("sub", "check", inputs: [new("amount * 2", "limit")], outputs: [new("verifyOutcome", "checkResult"), new("limit + 1", "limitSeen")])
            .Action("after").End().Flow("start", "sub", "after", "end").Build();
        var instance = await Bpm.StartAsync(parent, new { amount = 50 });

        var child = (await Bpm.Engine.GetChildInstancesAsync(instance.Id)).ShouldHaveSingleItem();
        child.MapKey.ShouldBe("check");
        child.ParentInstanceId.ShouldBe(instance.Id);
        child.RootInstanceId.ShouldBe(instance.Id);
        child.Variables.Keys.ShouldBe(["limit"]);
        child.Variables["limit"].GetDouble().ShouldBe(100);
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["sub"]);

        var task = await Bpm.TaskAtAsync(instance.Id, "verify");
        await Bpm.Tasks.CompleteAsync(task.Id, new Actor("carol"), new TaskCompletion { Variables = new Dictionary<string, object?> { ["verifyOutcome"] = "ok" } });

        (await Bpm.InstanceAsync(child.Id)).Status.ShouldBe(InstanceStatus.Completed);
        var resumed = await Bpm.InstanceAsync(instance.Id);
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["after"]);
        resumed.Variables["checkResult"].GetString().ShouldBe("ok");
        resumed.Variables["limitSeen"].GetDouble().ShouldBe(101);
    }

    [Fact]
    public async Task Without_input_mappings_the_child_sees_all_parent_variables_and_without_outputs_nothing_flows_back()
    {
        await Bpm.DeployAsync(new MapBuilder("calc").Start().Condition("big", "amount > 10").End()
            .Flow("start", "big").Yes("big", "end").No("big", "end").Build());
        var parent = new MapBuilder("p").Start().Nested("sub", "calc").Action("after").End().Flow("start", "sub", "after", "end").Build();

        var instance = await Bpm.StartAsync(parent, new { amount = 20 });

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["after"]);
        (await Bpm.InstanceAsync(instance.Id)).Variables.Keys.ShouldBe(["amount"]);
    }

    [Fact]
    public async Task Three_levels_of_nesting_complete_bottom_up()
    {
        await Bpm.DeployAsync(new MapBuilder("level3").Start().Action("deep", "dave").End().Flow("start", "deep", "end").Build());
        await Bpm.DeployAsync(new MapBuilder("level2").Start().Nested("n3", "level3", outputs: [new("'from3'", "marker")]).End().Flow("start", "n3", "end").Build());
        var top = new MapBuilder("level1").Start().Nested("n2", "level2", outputs: [new("marker", "marker")]).Action("last").End()
            .Flow("start", "n2", "last", "end").Build();
        var instance = await Bpm.StartAsync(top);

        var deep = (await Bpm.OpenTasksAsync(instance.Id)).ShouldHaveSingleItem();
        deep.PointId.ShouldBe("deep");
        deep.RootInstanceId.ShouldBe(instance.Id);

        await Bpm.Tasks.CompleteAsync(deep.Id, new Actor("dave"));

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["last"]);
        (await Bpm.InstanceAsync(instance.Id)).Variables["marker"].GetString().ShouldBe("from3");
    }

    [Fact]
    public async Task Terminating_the_parent_terminates_the_children_and_cancels_their_tasks()
    {
        await Bpm.DeployAsync(Check());
        var instance = await Bpm.StartAsync(new MapBuilder("p").Start().Nested("sub", "check").End().Flow("start", "sub", "end").Build());
        var child = (await Bpm.Engine.GetChildInstancesAsync(instance.Id)).Single();

        await Bpm.Engine.TerminateAsync(instance.Id, "customer left");

        (await Bpm.InstanceAsync(instance.Id)).Status.ShouldBe(InstanceStatus.Terminated);
        (await Bpm.InstanceAsync(child.Id)).Status.ShouldBe(InstanceStatus.Terminated);
        (await Bpm.Tasks.GetTasksOfInstanceAsync(child.Id)).ShouldHaveSingleItem().Status.ShouldBe(WorkTaskStatus.Cancelled);
    }

    [Fact]
    public async Task Terminating_only_the_child_leaves_an_incident_in_the_parent_and_a_retry_starts_a_new_child()
    {
        await Bpm.DeployAsync(Check());
        var instance = await Bpm.StartAsync(new MapBuilder("p").Start().Nested("sub", "check").End().Flow("start", "sub", "end").Build());
        var child = (await Bpm.Engine.GetChildInstancesAsync(instance.Id)).Single();

        await Bpm.Engine.TerminateAsync(child.Id);

        var parent = await Bpm.InstanceAsync(instance.Id);
        parent.Status.ShouldBe(InstanceStatus.Incident);
        parent.IncidentMessage!.ShouldContain("terminated");

        await Bpm.Engine.RetryIncidentAsync(instance.Id);

        (await Bpm.Engine.GetChildInstancesAsync(instance.Id)).Count(c => c.Status == InstanceStatus.Active).ShouldBe(1);
        (await Bpm.InstanceAsync(instance.Id)).Status.ShouldBe(InstanceStatus.Active);
    }

    [Fact]
    public async Task A_failing_input_mapping_is_an_incident_at_the_nested_point_and_no_child_starts()
    {
        await Bpm.DeployAsync(Check());
        var instance = await Bpm.StartAsync(new MapBuilder("p").Start().Nested("sub", "check", inputs: [new("missing.value", "x")]).End()
            .Flow("start", "sub", "end").Build());

        instance.Status.ShouldBe(InstanceStatus.Incident);
        instance.IncidentMessage!.ShouldContain("'x'");
        (await Bpm.Engine.GetChildInstancesAsync(instance.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Tasks_of_the_child_carry_the_parents_subject()
    {
        await Bpm.DeployAsync(Check());
        var instance = await Bpm.StartAsync(new MapBuilder("p").Start().Nested("sub", "check").End().Flow("start", "sub", "end").Build(),
            subject: new SubjectReference("deal", "D-7"));

        (await Bpm.OpenTasksAsync(instance.Id)).Single().Subject.ShouldBe(new SubjectReference("deal", "D-7"));
    }
}
