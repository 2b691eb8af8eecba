using System.Xml.Linq;
using CrmBpm.Engine.Bpmn;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Runtime;
using CrmBpm.Testing;
using static CrmBpm.Engine.Tests.Bpmn.BpmnTestFiles;

namespace CrmBpm.Engine.Tests.Bpmn;

/// <summary>
/// Who a user task is for, written as Camunda 7, Flowable, Activiti and Camunda 8 write it: read into one performer, kept
/// as written while it still says the same, and written for Camunda beside our own attributes on export.
/// </summary>
public sealed class Reading_the_performers_of_other_engines : IAsyncLifetime
{
    private readonly EngineHarness _bpm = new(bpm => bpm.UseInMemoryStore());

    public Task InitializeAsync() => System.Threading.Tasks.Task.CompletedTask;

    public async Task DisposeAsync() => await _bpm.DisposeAsync();

    [Theory]
    [InlineData("xmlns:flowable=\"http://flowable.org/bpmn\"", "flowable:assignee=\"kermit\"")]
    [InlineData("xmlns:activiti=\"http://activiti.org/bpmn\"", "activiti:assignee=\"kermit\"")]
    [InlineData("xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\"", "camunda:assignee=\"kermit\"")]
    [InlineData("xmlns:activiti=\"http://activiti.org/bpmn\"", "activiti:candidateUsers=\"kermit\"")]
    public void An_assignee_or_a_single_candidate_user_addresses_that_user(string declaration, string attribute)
    {
        var result = Read(UserTaskFile(declaration, attribute));

        Action(result).Performer.ShouldBe(Performer.User("kermit"));
        result.Notes.ShouldBeEmpty();
    }

    [Fact]
    public void Candidate_groups_of_Flowable_address_a_role_pool()
    {
        var result = Read(UserTaskFile("xmlns:flowable=\"http://flowable.org/bpmn\"", "flowable:candidateGroups=\"management\""));

        Action(result).Performer.ShouldBe(Performer.ForRole("management"));
    }

    [Fact]
    public void Several_candidate_groups_go_to_the_first_pool_with_a_warning_and_are_written_back_as_they_were()
    {
        var result = Read(UserTaskFile("xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\"", "camunda:candidateGroups=\"management, accounting\""));

        Action(result).Performer.ShouldBe(Performer.ForRole("management"));
        var note = result.Notes.ShouldHaveSingleItem();
        note.Severity.ShouldBe(BpmnNoteSeverity.Warning);
        note.Kind.ShouldBe("camunda:candidateGroups");
        note.ToString().ShouldContain("first of them (management)");

        var xml = new BpmnExporter().Export(result.Maps);
        xml.ShouldContain("camunda:candidateGroups=\"management, accounting\"");
        xml.ShouldContain("crm:performerRole=\"management\"");
        var again = ImportXml(xml).Single();
        again.ShouldMeanTheSameAs(result.Maps[0] with { Diagram = again.Diagram }); // the file had no drawing; the export adds one
    }

    [Fact]
    public void An_expression_for_the_candidate_groups_is_a_role_expression_never_a_pool_named_after_it()
    {
        var result = Read(UserTaskFile("xmlns:flowable=\"http://flowable.org/bpmn\"", "flowable:candidateGroups=\"${'management, sales'}\""));

        var performer = Action(result).Performer.ShouldNotBeNull();
        performer.Role.ShouldBeNull();
        performer.RoleExpression.ShouldBe("${'management, sales'}");
    }

    [Fact]
    public void Zeebe_assignment_reads_a_literal_group_and_a_variable_assignee_and_warns_about_other_FEEL()
    {
        const string zeebe = "xmlns:zeebe=\"http://camunda.org/schema/zeebe/1.0\"";
        var simple = Read(UserTaskFile(zeebe, "", "<zeebe:assignmentDefinition assignee=\"=owner\" candidateGroups=\"sales\" />"));
        Action(simple).Performer.ShouldBe(new Performer { UserExpression = "owner", Role = "sales" });
        simple.Notes.ShouldBeEmpty();
        new BpmnExporter().Export(simple.Maps).ShouldContain("<zeebe:assignmentDefinition assignee=\"=owner\" candidateGroups=\"sales\" />");

        var feel = Read(UserTaskFile(zeebe, "", "<zeebe:assignmentDefinition assignee=\"=if x then &quot;a&quot; else &quot;b&quot;\" />"));
        Action(feel).Performer.ShouldBeNull();
        feel.Notes.ShouldHaveSingleItem().ToString().ShouldContain("FEEL performer expression");
    }

    [Fact]
    public void A_map_drawn_in_CrmBpm_exports_Camunda_performers_and_reads_back_without_them_as_kept_content()
    {
        var map = ImportXml(UserTaskFile("", "crm:performerRole=\"Lawyer\" crm:performerExpression=\"author\"")).Single();

        var xml = new BpmnExporter().Export(map);
        var task = XDocument.Parse(xml).Descendants(XName.Get("userTask", BpmnNamespaces.Model)).Single();
        task.Attribute(XName.Get("assignee", BpmnNamespaces.Camunda))!.Value.ShouldBe("${author}");
        task.Attribute(XName.Get("candidateGroups", BpmnNamespaces.Camunda))!.Value.ShouldBe("Lawyer");
        var again = ImportXml(xml).Single();
        again.ShouldMeanTheSameAs(map with { Diagram = again.Diagram });
        again.FindPoint("task")!.Foreign.ShouldBeNull();
    }

    [Fact]
    public void Readdressing_a_task_in_CrmBpm_replaces_the_other_engines_performer_instead_of_keeping_a_stale_one()
    {
        var imported = ImportXml(UserTaskFile("xmlns:flowable=\"http://flowable.org/bpmn\"", "flowable:candidateGroups=\"management\"")).Single();
        // The consultant readdresses the task in the designer: crm: says Lawyer, the kept flowable: attribute still management.
        var xml = new BpmnExporter().Export(imported).Replace("crm:performerRole=\"management\"", "crm:performerRole=\"Lawyer\"", StringComparison.Ordinal);

        var edited = ImportXml(xml).Single();

        ((ActionPoint)edited.FindPoint("task")!).Performer.ShouldBe(Performer.ForRole("Lawyer"));
        edited.FindPoint("task")!.Foreign.ShouldBeNull();
        var written = new BpmnExporter().Export(edited);
        written.ShouldContain("camunda:candidateGroups=\"Lawyer\"");
        written.ShouldNotContain("management");
    }

    [Fact]
    public async Task A_role_expression_puts_the_task_in_the_pool_it_names_at_run_time()
    {
        var map = ImportXml(UserTaskFile("xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\"", "camunda:candidateGroups=\"${team}\"")).Single();

        var instance = await _bpm.StartAsync(map, new { team = "Lawyers" });

        var task = await _bpm.TaskAtAsync(instance.Id, "task");
        task.PerformerRole.ShouldBe("Lawyers");
        task.AssigneeId.ShouldBeNull();
    }

    [Fact]
    public async Task A_role_expression_giving_a_list_takes_its_first_role_and_one_giving_a_number_is_an_incident()
    {
        var map = ImportXml(UserTaskFile("xmlns:flowable=\"http://flowable.org/bpmn\"", "flowable:candidateGroups=\"${'management, sales'}\"")).Single();
        var listed = await _bpm.StartAsync(map);
        (await _bpm.TaskAtAsync(listed.Id, "task")).PerformerRole.ShouldBe("management");

        var numbered = ImportXml(UserTaskFile("xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\"", "camunda:candidateGroups=\"${team}\"", key: "numbered")).Single();
        var broken = await _bpm.StartAsync(numbered, new { team = 7 });
        var current = await _bpm.InstanceAsync(broken.Id);
        current.Status.ShouldBe(InstanceStatus.Incident);
        current.IncidentMessage.ShouldNotBeNull().ShouldContain("gave 7, not a role name");
    }

    [Fact]
    public async Task An_addressing_object_written_as_an_expression_names_the_pool_when_the_task_is_created()
    {
        var map = ImportXml(UserTaskFile("", "crm:performerRole=\"Head of department\" crm:addressingObject=\"${department}\"")).Single();

        var instance = await _bpm.StartAsync(map, new { department = "Sales South" });

        var task = await _bpm.TaskAtAsync(instance.Id, "task");
        task.PerformerRole.ShouldBe("Head of department");
        task.PerformerAddressingObject.ShouldBe("Sales South");
        var nowhere = await _bpm.StartAsync(map, new { department = 12 });
        (await _bpm.InstanceAsync(nowhere.Id)).IncidentMessage.ShouldNotBeNull().ShouldContain("not the name of an addressing object");
    }

    private static BpmnImportResult Read(string xml) => new BpmnImporter().Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml)));

    private static IReadOnlyList<RouteMap> ImportXml(string xml) => new BpmnImporter().ImportXml(xml);

    private static ActionPoint Action(BpmnImportResult result) => (ActionPoint)result.Maps.Single().FindPoint("task")!;

    /// <summary>start → one user task with <paramref name="attributes"/> (and extension elements) → end.</summary>
    private static string UserTaskFile(string declaration, string attributes, string extensions = "", string key = "dialect") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:crm="{BpmnNamespaces.Crm}" {declaration} id="d" targetNamespace="t">
          <bpmn:process id="{key}" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="task" />
            <bpmn:userTask id="task" name="Check" {attributes}>{(extensions.Length == 0 ? "" : $"<bpmn:extensionElements>{extensions}</bpmn:extensionElements>")}</bpmn:userTask>
            <bpmn:sequenceFlow id="f2" sourceRef="task" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;
}
