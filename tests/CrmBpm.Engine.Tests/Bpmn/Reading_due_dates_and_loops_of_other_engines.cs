using CrmBpm.Engine.Bpmn;
using CrmBpm.Engine.Definitions;
using CrmBpm.Testing;

namespace CrmBpm.Engine.Tests.Bpmn;

/// <summary>
/// A user task's due date and multi-instance as Camunda, Flowable and Activiti write them: a duration or an expression
/// becomes the Action's deadline, a list variable its one-task-per-item; a fixed date is kept but not used.
/// </summary>
public sealed class Reading_due_dates_and_loops_of_other_engines : IAsyncLifetime
{
    private readonly EngineHarness _bpm = new(bpm => bpm.UseInMemoryStore());

    public Task InitializeAsync() => System.Threading.Tasks.Task.CompletedTask;

    public async Task DisposeAsync() => await _bpm.DisposeAsync();

    [Theory]
    [InlineData("flowable:dueDate=\"PT50M\"", "PT50M", null)]
    [InlineData("camunda:dueDate=\"${followUp}\"", null, "${followUp}")]
    [InlineData("activiti:dueDate=\"P3D\"", "P3D", null)]
    public void A_due_date_duration_or_expression_is_the_deadline_and_stays_as_written(string attribute, string? duration, string? expression)
    {
        var result = Read(File(attribute));

        Action(result.Maps.Single()).Deadline.ShouldBe(new Deadline { Duration = duration, Expression = expression });
        result.Notes.ShouldBeEmpty();
        var xml = new BpmnExporter().Export(result.Maps);
        xml.ShouldContain(attribute);
        Action(new BpmnImporter().ImportXml(xml).Single()).Deadline.ShouldBe(Action(result.Maps.Single()).Deadline);
    }

    [Fact]
    public void A_fixed_due_date_is_kept_with_a_warning_and_gives_no_deadline()
    {
        var result = Read(File("camunda:dueDate=\"2015-06-26T09:54:00\""));

        Action(result.Maps.Single()).Deadline.ShouldBeNull();
        result.Notes.ShouldHaveSingleItem().ToString().ShouldContain("fixed due date");
        new BpmnExporter().Export(result.Maps).ShouldContain("camunda:dueDate=\"2015-06-26T09:54:00\"");
    }

    [Fact]
    public async Task A_task_with_a_Flowable_due_date_is_due_that_long_after_it_is_created()
    {
        var map = Read(File("flowable:dueDate=\"P2D\"")).Maps.Single();

        var instance = await _bpm.StartAsync(map);

        var task = await _bpm.TaskAtAsync(instance.Id, "task");
        task.DueAt.ShouldBe(task.CreatedAt + TimeSpan.FromDays(2));
    }

    [Fact]
    public void A_deadline_changed_in_CrmBpm_drops_the_stale_due_date()
    {
        var xml = new BpmnExporter().Export(Read(File("flowable:dueDate=\"P2D\"")).Maps)
            .Replace("crm:deadline=\"P2D\"", "crm:deadline=\"P5D\"", StringComparison.Ordinal);

        var edited = new BpmnImporter().ImportXml(xml).Single();

        Action(edited).Deadline.ShouldBe(new Deadline { Duration = "P5D" });
        new BpmnExporter().Export(edited).ShouldNotContain("flowable:dueDate");
    }

    [Fact]
    public async Task A_Flowable_multi_instance_creates_one_task_per_item_and_exports_for_Camunda_too()
    {
        var map = Read(File("", "<bpmn:multiInstanceLoopCharacteristics isSequential=\"false\" flowable:collection=\"reviewers\" flowable:elementVariable=\"reviewer\" />")).Maps.Single();

        Action(map).MultiInstance.ShouldBe(new MultiInstance { CollectionVariable = "reviewers", ElementVariable = "reviewer" });
        new BpmnExporter().Export(map).ShouldContain("camunda:collection=\"reviewers\" camunda:elementVariable=\"reviewer\"");
        var instance = await _bpm.StartAsync(map, new { reviewers = new[] { "anna", "boris", "carl" } });
        (await _bpm.OpenTasksAsync(instance.Id)).Count.ShouldBe(3);
    }

    private static BpmnImportResult Read(string xml) => new BpmnImporter().Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml)));

    private static ActionPoint Action(RouteMap map) => (ActionPoint)map.FindPoint("task")!;

    /// <summary>start → a user task for anna with <paramref name="attributes"/> and <paramref name="children"/> → end.</summary>
    private static string File(string attributes, string children = "") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            xmlns:flowable="http://flowable.org/bpmn" xmlns:activiti="http://activiti.org/bpmn" id="d" targetNamespace="t">
          <bpmn:process id="due" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="task" />
            <bpmn:userTask id="task" name="Review" camunda:assignee="anna" {attributes}>{children}</bpmn:userTask>
            <bpmn:sequenceFlow id="f2" sourceRef="task" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;
}
