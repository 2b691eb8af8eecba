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
        new RouteMapValidator().Validate(map, new ValidationContext(new JintExpressionEvaluator(new ExpressionLimits()), _ => null));

    [Theory]
    [InlineData("""<timeDuration xsi:type="tFormalExpression">PT1H</timeDuration>""", TimerDefinitionKind.Duration, "PT1H", false)]
    [InlineData("""<timeDate>2026-12-24T09:00:00Z</timeDate>""", TimerDefinitionKind.Date, "2026-12-24T09:00:00Z", false)]
    [InlineData("""<timeDuration>${waitFor}</timeDuration>""", TimerDefinitionKind.Duration, "${waitFor}", false)]
    [InlineData("""<timeDate language="javascript">followUpAt</timeDate>""", TimerDefinitionKind.Date, "followUpAt", true)]
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
    [InlineData("""<timerEventDefinition><timeDuration>=duration</timeDuration></timerEventDefinition>""")]
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
    public void Validation_names_the_wait_whose_timer_does_not_read(string definition, string code)
    {
        var map = Read($"""<intermediateCatchEvent id="wait" name="Cool off">{definition}</intermediateCatchEvent>""");

        var problem = Validate(map).ShouldHaveSingleItem();
        (problem.Code, problem.PointId).ShouldBe((code, "wait"));
        problem.Message.ShouldContain("Cool off");
    }
}
