using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;
using CrmBpm.Testing;
using static CrmBpm.Engine.Tests.Bpmn.BpmnTestFiles;

namespace CrmBpm.Engine.Tests.Bpmn;

public sealed class Running_imported_maps : IAsyncLifetime
{
    private readonly EngineHarness _bpm = new(bpm => bpm.UseInMemoryStore());

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bpm.DisposeAsync();

    [Fact]
    public async Task A_file_saved_by_bpmn_io_deploys_starts_and_runs_to_its_end()
    {
        var map = Import(Fixture("bpmnio-approval.bpmn")).Single();

        var instance = await _bpm.StartAsync(map);
        (await _bpm.TokenPointsAsync(instance.Id)).ShouldBe(["Activity_1r6wq3y"]);
        await _bpm.CompleteAsync(instance.Id, "Activity_1r6wq3y", variables: new { amount = 5000 });
        (await _bpm.TokenPointsAsync(instance.Id)).ShouldBe(["Activity_0c9jz4e"]);
        (await _bpm.TaskAtAsync(instance.Id, "Activity_0c9jz4e")).AssigneeId.ShouldBe("head");
        await _bpm.CompleteAsync(instance.Id, "Activity_0c9jz4e", "Approve");

        var done = await _bpm.InstanceAsync(instance.Id);
        done.Status.ShouldBe(InstanceStatus.Completed);
        done.Result.ShouldBe("Decided");
    }

    [Fact]
    public async Task A_Camunda_start_event_naming_an_initiator_gives_the_starting_user_to_the_variable_a_task_is_assigned_by()
    {
        const string xml = """
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
              <process id="review" isExecutable="true">
                <startEvent id="start" camunda:initiator="initiator" />
                <userTask id="check" name="Check your own request" camunda:assignee="${initiator}" />
                <endEvent id="end" />
                <sequenceFlow id="f1" sourceRef="start" targetRef="check" />
                <sequenceFlow id="f2" sourceRef="check" targetRef="end" />
              </process>
            </definitions>
            """;
        var map = new Engine.Bpmn.BpmnImporter().ImportXml(xml).Single();
        map.Points.OfType<Engine.Definitions.StartPoint>().Single().InitiatorVariable.ShouldBe("initiator");
        new Engine.Bpmn.BpmnExporter().Export(map).ShouldContain("camunda:initiator=\"initiator\"");

        var instance = await _bpm.StartAsync(map);

        (await _bpm.TaskAtAsync(instance.Id, "check")).AssigneeId.ShouldBe("starter");
        (await _bpm.InstanceAsync(instance.Id)).Variables["initiator"].GetString().ShouldBe("starter");
    }

    [Fact]
    public async Task A_small_amount_skips_the_approval_through_the_No_branch()
    {
        var map = Import(Fixture("bpmnio-approval.bpmn")).Single();

        var instance = await _bpm.StartAsync(map);
        await _bpm.CompleteAsync(instance.Id, "Activity_1r6wq3y", variables: new { amount = 50 });

        (await _bpm.InstanceAsync(instance.Id)).Status.ShouldBe(InstanceStatus.Completed);
    }

    [Fact]
    public async Task A_Camunda_Modeler_file_with_a_called_process_runs_through_both()
    {
        var maps = Import(Fixture("camunda-order.bpmn"));
        await _bpm.DeployAsync(maps[1]);

        var instance = await _bpm.StartAsync(maps[0], new { author = "carol", parcels = new[] { "box 1", "box 2" } });
        (await _bpm.TaskAtAsync(instance.Id, "check")).AssigneeId.ShouldBe("carol");
        await _bpm.CompleteAsync(instance.Id, "check", variables: new { amount = 2500, delivery = "courier" });
        await _bpm.CompleteAsync(instance.Id, "approve");
        var current = await _bpm.InstanceAsync(instance.Id);
        current.IncidentMessage.ShouldBeNull();
        (await _bpm.TokenPointsAsync(instance.Id)).ShouldBe(["ship"]);
        var packing = (await _bpm.OpenTasksAsync(instance.Id)).Where(t => t.PointId == "pack").ToList();
        packing.Count.ShouldBe(2);
        foreach (var task in packing)
        {
            await _bpm.Tasks.CompleteAsync(task.Id, new Actor("supervisor", canActOnAnyTask: true));
        }

        await _bpm.CompleteAsync(instance.Id, "hand_over", variables: new { trackingNo = "TR-1" });

        var done = await _bpm.InstanceAsync(instance.Id);
        done.Status.ShouldBe(InstanceStatus.Completed);
        Variables.ToText(done.Variables["tracking"]).ShouldBe("TR-1");
    }
}
