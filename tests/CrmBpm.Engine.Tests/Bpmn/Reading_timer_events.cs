using CrmBpm.Engine.Bpmn;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Validation;
using static CrmBpm.Engine.Tests.Bpmn.BpmnTestFiles;

namespace CrmBpm.Engine.Tests.Bpmn;

/// <summary>
/// An intermediate catch event with a plain timer definition is a Wait for time point; export writes the definition back
/// (with its id) and the file reads back the same. A timer the engine would not evaluate stays kept.
/// </summary>
public sealed class Reading_timer_events
{
    private static RouteMap Read(string wait)
    {
        var xml = $"""
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
              <process id="p">
                <startEvent id="s"><outgoing>f1</outgoing></startEvent>
                {wait}
                <endEvent id="e"><incoming>f2</incoming></endEvent>
                <sequenceFlow id="f1" sourceRef="s" targetRef="wait" />
                <sequenceFlow id="f2" sourceRef="wait" targetRef="e" />
              </process>
            </definitions>
            """;
        return new BpmnImporter().ImportXml(xml).ShouldHaveSingleItem();
    }

    private static IReadOnlyList<ValidationProblem> Validate(RouteMap map) =>
        new RouteMapValidator().Validate(map, new ValidationContext(new ExpressionEvaluator(new ExpressionLimits()), _ => null));

    [Theory]
    [InlineData("""<timeDuration xsi:type="tFormalExpression">PT1H</timeDuration>""", TimerDefinitionKind.Duration, "PT1H", false)]
    [InlineData("""<timeDate>2026-12-24T09:00:00Z</timeDate>""", TimerDefinitionKind.Date, "2026-12-24T09:00:00Z", false)]
    [InlineData("""<timeDuration>${waitFor}</timeDuration>""", TimerDefinitionKind.Duration, "${waitFor}", false)]
    [InlineData("""<timeDate language="javascript">followUpAt</timeDate>""", TimerDefinitionKind.Date, "followUpAt", true)]
    [InlineData("""<timeDuration xsi:type="tFormalExpression">= "PT1H"</timeDuration>""", TimerDefinitionKind.Duration, "= \"PT1H\"", false)]
    [InlineData("""<timeDuration>=waitFor</timeDuration>""", TimerDefinitionKind.Duration, "=waitFor", false)]
    public void A_timer_catch_event_is_a_wait_that_reads_back_the_same(string time, TimerDefinitionKind kind, string value, bool javaScript)
    {
        var map = Read($"""<intermediateCatchEvent id="wait" name="Three days"><timerEventDefinition id="def">{time}</timerEventDefinition></intermediateCatchEvent>""");

        var wait = map.Points.OfType<TimerWaitPoint>().ShouldHaveSingleItem();
        wait.Timer.ShouldBe(new TimerDefinition { Kind = kind, Value = value, IsJavaScript = javaScript, DefinitionId = "def" });
        var xml = new BpmnExporter().Export(map);
        xml.ShouldContain("<bpmn:timerEventDefinition id=\"def\">");
        RoundTrip([map]).ShouldMeanTheSameAs([map with { Diagram = AutoLayout.Create(map) }]);
        Validate(map).Where(p => p.IsError).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("""<timerEventDefinition><timeDuration language="groovy">x</timeDuration></timerEventDefinition>""")]
    [InlineData("""<messageEventDefinition /><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition>""")]
    public void A_timer_the_engine_would_not_evaluate_is_kept_and_refuses_publishing(string definitions)
    {
        var map = Read($"""<intermediateCatchEvent id="wait">{definitions}</intermediateCatchEvent>""");

        map.Points.OfType<KeptPoint>().ShouldHaveSingleItem();
        Validate(map).ShouldContain(p => p.Code == "point.not-run-yet" && p.PointId == "wait");
    }

    [Theory]
    [InlineData("<timerEventDefinition />", "timer.definition-missing")]
    [InlineData("<timerEventDefinition><timeDuration>three days</timeDuration></timerEventDefinition>", "timer.duration")]
    [InlineData("<timerEventDefinition><timeDuration>P3X</timeDuration></timerEventDefinition>", "timer.duration")]
    [InlineData("<timerEventDefinition><timeDate>next monday</timeDate></timerEventDefinition>", "timer.date")]
    [InlineData("<timerEventDefinition><timeCycle>R3/PT1H</timeCycle></timerEventDefinition>", "timer.cycle-not-here")]
    [InlineData("<timerEventDefinition><timeDuration>${a +}</timeDuration></timerEventDefinition>", "expression.syntax")]
    [InlineData("<timerEventDefinition><timeDuration>=duration(\"P1D\")</timeDuration></timerEventDefinition>", "expression.syntax")]
    public void Validation_names_the_wait_whose_timer_does_not_read(string definition, string code)
    {
        var map = Read($"""<intermediateCatchEvent id="wait" name="Cool off">{definition}</intermediateCatchEvent>""");

        var problem = Validate(map).ShouldHaveSingleItem();
        (problem.Code, problem.PointId).ShouldBe((code, "wait"));
        problem.Message.ShouldContain("Cool off");
    }

    private static RouteMap ReadBoundary(string boundary, string attachedTo = "userTask")
    {
        var properties = attachedTo switch
        {
            "userTask" => "crm:performerUser=\"alice\"",
            "callActivity" => "calledElement=\"child\"",
            _ => "",
        };
        var xml = $"""
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
                         xmlns:crm="https://crmbpm.dev/schema/bpmn">
              <process id="p">
                <startEvent id="s" />
                <{attachedTo} id="task" {properties} />
                {boundary}
                <endEvent id="e" />
                <endEvent id="late-end" />
                <sequenceFlow id="f1" sourceRef="s" targetRef="task" />
                <sequenceFlow id="f2" sourceRef="task" targetRef="e" />
                <sequenceFlow id="f3" sourceRef="late" targetRef="late-end" />
              </process>
              <bpmndi:BPMNDiagram id="d">
                <bpmndi:BPMNPlane id="plane" bpmnElement="p">
                  <bpmndi:BPMNShape id="task_di" bpmnElement="task"><dc:Bounds x="200" y="80" width="100" height="80" /></bpmndi:BPMNShape>
                  <bpmndi:BPMNShape id="late_di" bpmnElement="late"><dc:Bounds x="262" y="142" width="36" height="36" /></bpmndi:BPMNShape>
                </bpmndi:BPMNPlane>
              </bpmndi:BPMNDiagram>
            </definitions>
            """;
        return new BpmnImporter().ImportXml(xml).ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData("""<boundaryEvent id="late" attachedToRef="task"><timerEventDefinition id="t"><timeDuration>PT4H</timeDuration></timerEventDefinition></boundaryEvent>""", true, TimerDefinitionKind.Duration)]
    [InlineData("""<boundaryEvent id="late" cancelActivity="false" attachedToRef="task"><timerEventDefinition id="t"><timeCycle>R3/PT1H</timeCycle></timerEventDefinition></boundaryEvent>""", false, TimerDefinitionKind.Cycle)]
    public void A_boundary_timer_is_read_with_its_activity_and_drawn_where_it_was(string boundary, bool interrupting, TimerDefinitionKind kind)
    {
        var map = ReadBoundary(boundary);

        var point = map.Points.OfType<BoundaryTimerPoint>().ShouldHaveSingleItem();
        (point.AttachedToId, point.CancelsActivity, point.Timer!.Kind).ShouldBe(("task", interrupting, kind));
        var xml = new BpmnExporter().Export(map);
        xml.ShouldContain("attachedToRef=\"task\"");
        xml.ShouldContain("<bpmndi:BPMNShape id=\"late_di\" bpmnElement=\"late\">");
        xml.Contains("cancelActivity=\"false\"", StringComparison.Ordinal).ShouldBe(!interrupting);
        RoundTrip([map]).ShouldMeanTheSameAs([map]);
        Validate(map).Where(p => p.IsError).ShouldBeEmpty();
    }

    [Fact]
    public void A_boundary_timer_on_a_call_activity_publishes()
    {
        var map = ReadBoundary("""<boundaryEvent id="late" attachedToRef="task"><timerEventDefinition><timeDuration>P1D</timeDuration></timerEventDefinition></boundaryEvent>""", "callActivity");

        map.Points.OfType<BoundaryTimerPoint>().ShouldHaveSingleItem();
        Validate(map).Where(p => p.IsError).Select(p => p.Code).ShouldBe(["nested.map-unknown"]);
    }

    [Theory]
    [InlineData("userTask", """attachedToRef="task" """, "<timeDuration>PT1H</timeDuration>", "f3", "boundary.outgoing-missing")]
    [InlineData("manualTask", """attachedToRef="task" """, "<timeDuration>PT1H</timeDuration>", null, "boundary.attached-kind")]
    [InlineData("userTask", """attachedToRef="nowhere" """, "<timeDuration>PT1H</timeDuration>", null, "boundary.attached-unknown")]
    [InlineData("userTask", """attachedToRef="task" """, "<timeCycle>R3/PT1H</timeCycle>", null, "timer.cycle-not-here")]
    [InlineData("userTask", """attachedToRef="task" """, "<timeDuration>an hour</timeDuration>", null, "timer.duration")]
    public void Validation_names_the_boundary_timer_that_cannot_run(string attachedTo, string attachment, string time, string? removedFlow, string code)
    {
        var map = ReadBoundary($"""<boundaryEvent id="late" name="Too late" {attachment}><timerEventDefinition>{time}</timerEventDefinition></boundaryEvent>""", attachedTo);
        if (removedFlow is not null)
        {
            map = map with { Flows = [.. map.Flows.Where(f => f.Id != removedFlow)] };
        }

        var problems = Validate(map).Where(p => p.IsError && p.PointId == "late").ToList();
        problems.Select(p => p.Code).ShouldContain(code);
        problems.First(p => p.Code == code).Message.ShouldContain("Too late");
    }
}
