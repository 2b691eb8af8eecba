using System.Text;
using CrmBpm.Engine.Bpmn;
using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Tests.Bpmn;

/// <summary>
/// BPMN's own resource roles (potentialOwner, humanPerformer) on a user task, as the MIWG files and Camunda's engine tests
/// write them: the file opens, the role is kept as written with a warning in the loss report, and an engine's attribute
/// beside it still gives the performer. Such a file used to be refused ("contains &lt;potentialOwner&gt;").
/// </summary>
public sealed class Keeping_standard_bpmn_performers
{
    private const string File = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="Examples">
          <process id="mixedCandidateUser">
            <startEvent id="theStart" />
            <sequenceFlow id="flow1" sourceRef="theStart" targetRef="task" />
            <userTask id="task" name="my task" camunda:candidateUsers="kermit">
              <potentialOwner>
                <resourceAssignmentExpression>
                  <formalExpression>user(fozzie), user(gonzo)</formalExpression>
                </resourceAssignmentExpression>
              </potentialOwner>
            </userTask>
            <sequenceFlow id="flow2" sourceRef="task" targetRef="theEnd" />
            <endEvent id="theEnd" />
          </process>
        </definitions>
        """;

    [Fact]
    public void A_potential_owner_is_kept_with_a_warning_and_the_engine_attribute_beside_it_gives_the_performer()
    {
        var result = new BpmnImporter().Read(new MemoryStream(Encoding.UTF8.GetBytes(File)));

        var action = (ActionPoint)result.Maps.Single().FindPoint("task")!;
        action.Performer.ShouldBe(Performer.User("kermit"));
        var note = result.Notes.ShouldHaveSingleItem();
        note.Severity.ShouldBe(BpmnNoteSeverity.Warning);
        note.Kind.ShouldBe("potentialOwner");
        note.ToString().ShouldContain("not read");
    }

    [Fact]
    public void A_potential_owner_is_written_back_as_it_was()
    {
        var maps = new BpmnImporter().ImportXml(File);

        var xml = new BpmnExporter().Export(maps);

        xml.ShouldContain("user(fozzie), user(gonzo)");
        var again = new BpmnImporter().ImportXml(xml).Single();
        again.ShouldMeanTheSameAs(maps[0] with { Diagram = again.Diagram }); // the file had no drawing; the export adds one
    }

    [Fact]
    public void A_potential_owner_on_a_sequence_flow_is_still_refused()
    {
        const string flowWithOwner = """
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">
              <process id="p">
                <startEvent id="s" />
                <sequenceFlow id="f" sourceRef="s" targetRef="e"><potentialOwner /></sequenceFlow>
                <endEvent id="e" />
              </process>
            </definitions>
            """;

        var error = Should.Throw<BpmnImportException>(() => new BpmnImporter().ImportXml(flowWithOwner));

        error.Problems.ShouldContain(p => p.Message.Contains("contains <potentialOwner>"));
    }
}
