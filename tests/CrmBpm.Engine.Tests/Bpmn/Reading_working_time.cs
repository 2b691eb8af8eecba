using CrmBpm.Engine.Bpmn;
using CrmBpm.Engine.Definitions;
using static CrmBpm.Engine.Tests.Bpmn.BpmnTestFiles;

namespace CrmBpm.Engine.Tests.Bpmn;

/// <summary>
/// <c>crm:workingTime="true"</c> says a duration counts in working time: on a user task for its deadline and reminder, on a
/// timer catch event or a boundary timer for its timer. It reads into the map and is written back.
/// </summary>
public sealed class Reading_working_time
{
    private const string File = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:crm="https://crmbpm.dev/schema/bpmn">
          <process id="p">
            <startEvent id="s" />
            <userTask id="call" crm:performerUser="alice" crm:deadline="P3D" crm:reminderBefore="PT4H" crm:workingTime="true" />
            <boundaryEvent id="late" attachedToRef="call" cancelActivity="false" crm:workingTime="true"><timerEventDefinition><timeDuration>PT2H</timeDuration></timerEventDefinition></boundaryEvent>
            <intermediateCatchEvent id="wait" crm:workingTime="true"><timerEventDefinition><timeDuration>P1D</timeDuration></timerEventDefinition></intermediateCatchEvent>
            <intermediateCatchEvent id="plain"><timerEventDefinition><timeDuration>P1D</timeDuration></timerEventDefinition></intermediateCatchEvent>
            <endEvent id="e" />
            <endEvent id="e2" />
            <sequenceFlow id="f1" sourceRef="s" targetRef="call" />
            <sequenceFlow id="f2" sourceRef="call" targetRef="wait" />
            <sequenceFlow id="f3" sourceRef="wait" targetRef="plain" />
            <sequenceFlow id="f4" sourceRef="plain" targetRef="e" />
            <sequenceFlow id="f5" sourceRef="late" targetRef="e2" />
          </process>
        </definitions>
        """;

    [Fact]
    public void The_deadline_and_the_timers_say_they_count_in_working_time()
    {
        var map = new BpmnImporter().ImportXml(File).ShouldHaveSingleItem();

        map.Points.OfType<ActionPoint>().Single().Deadline.ShouldBe(new Deadline { Duration = "P3D", InWorkingTime = true });
        map.Points.OfType<BoundaryTimerPoint>().Single().Timer!.InWorkingTime.ShouldBeTrue();
        map.Points.OfType<TimerWaitPoint>().Single(p => p.Id == "wait").Timer!.InWorkingTime.ShouldBeTrue();
        map.Points.OfType<TimerWaitPoint>().Single(p => p.Id == "plain").Timer!.InWorkingTime.ShouldBeFalse();
    }

    [Fact]
    public void Working_time_is_written_back_and_reads_back_the_same()
    {
        var map = new BpmnImporter().ImportXml(File).ShouldHaveSingleItem();

        var xml = new BpmnExporter().Export(map);

        xml.Split("crm:workingTime=\"true\"").Length.ShouldBe(4);
        RoundTrip([map]).ShouldMeanTheSameAs([map with { Diagram = AutoLayout.Create(map) }]);
    }

    [Fact]
    public void Working_time_that_is_not_true_or_false_is_an_import_problem()
    {
        Should.Throw<BpmnImportException>(() => new BpmnImporter().ImportXml(File.Replace("crm:workingTime=\"true\" />", "crm:workingTime=\"often\" />")))
            .Problems.ShouldContain(p => p.Message.Contains("workingTime"));
    }
}
