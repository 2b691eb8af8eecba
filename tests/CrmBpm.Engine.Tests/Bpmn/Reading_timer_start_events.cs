using CrmBpm.Engine.Bpmn;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Tests.Bpmn.Corpus;
using CrmBpm.Engine.Validation;
using static CrmBpm.Engine.Tests.Bpmn.BpmnTestFiles;

namespace CrmBpm.Engine.Tests.Bpmn;

/// <summary>
/// A start event with one plain timer definition is a timer start: its date, duration, cycle or cron is the start's schedule,
/// written back as it came; validation refuses a schedule that does not read (<c>start.timer-definition</c>).
/// </summary>
public sealed class Reading_timer_start_events
{
    private static RouteMap Read(string definition) =>
        new BpmnImporter().ImportXml($"""
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
              <process id="p">
                <startEvent id="s" name="Every morning">{definition}</startEvent>
                <endEvent id="e" />
                <sequenceFlow id="f1" sourceRef="s" targetRef="e" />
              </process>
            </definitions>
            """).ShouldHaveSingleItem();

    private static IReadOnlyList<ValidationProblem> Validate(RouteMap map) =>
        new RouteMapValidator().Validate(map, new ValidationContext(new ExpressionEvaluator(new ExpressionLimits()), _ => null));

    [Theory]
    [InlineData("""<timeCycle xsi:type="tFormalExpression">R/PT1H</timeCycle>""", TimerDefinitionKind.Cycle, "R/PT1H")]
    [InlineData("""<timeCycle>R5/2026-12-08T09:00:00Z/P1D</timeCycle>""", TimerDefinitionKind.Cycle, "R5/2026-12-08T09:00:00Z/P1D")]
    [InlineData("""<timeCycle>0 9 * * MON-FRI</timeCycle>""", TimerDefinitionKind.Cycle, "0 9 * * MON-FRI")]
    [InlineData("""<timeDate>2026-12-24T09:00:00Z</timeDate>""", TimerDefinitionKind.Date, "2026-12-24T09:00:00Z")]
    public void A_timer_start_event_is_a_start_with_a_schedule_that_reads_back_the_same_and_publishes(string time, TimerDefinitionKind kind, string value)
    {
        var map = Read($"""<timerEventDefinition id="def">{time}</timerEventDefinition>""");

        var start = map.Points.OfType<StartPoint>().ShouldHaveSingleItem();
        start.Timer.ShouldBe(new TimerDefinition { Kind = kind, Value = value, DefinitionId = "def" });
        start.Foreign.ShouldBeNull();
        RoundTrip([map]).ShouldMeanTheSameAs([map with { Diagram = AutoLayout.Create(map) }]);
        Validate(map).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("<timeCycle>every morning</timeCycle>")]
    [InlineData("<timeCycle>${schedule}</timeCycle>")]
    [InlineData("<timeDate>soon</timeDate>")]
    public void A_schedule_that_does_not_read_is_refused_naming_the_start(string time)
    {
        var map = Read($"<timerEventDefinition>{time}</timerEventDefinition>");

        var problem = Validate(map).ShouldHaveSingleItem();
        (problem.Code, problem.PointId, problem.IsError).ShouldBe(("start.timer-definition", "s", true));
        problem.Message.ShouldStartWith("The timer of Start 'Every morning'");
    }

    [Theory]
    [InlineData("<timerEventDefinition><timeCycle>R/PT1H</timeCycle></timerEventDefinition><messageEventDefinition />")]
    [InlineData("<timerEventDefinition />")]
    public void A_start_with_a_timer_and_another_definition_or_an_empty_timer_is_kept_as_before_and_does_not_publish(string definitions)
    {
        var map = Read(definitions);

        map.Points.OfType<StartPoint>().ShouldHaveSingleItem().Timer.ShouldBeNull();
        Validate(map).ShouldContain(p => p.Code == "point.not-run-yet" && p.PointId == "s");
    }

    [Fact]
    public void A_timer_start_without_a_time_is_refused_as_missing_its_time_not_as_something_that_does_not_run()
    {
        var map = Read("<timerEventDefinition />");

        var problem = Validate(map).Where(p => p.PointId == "s").ShouldHaveSingleItem();
        problem.Message.ShouldBe("Start 'Every morning' starts on a schedule, but its timer has no time yet: give it a duration (P1D), a date (2026-12-24T09:00:00Z), a cycle (R/P1D) or a cron expression (0 9 * * MON-FRI).");
    }

    [Fact]
    public void Camundas_loan_granting_example_starts_on_its_quartz_cron()
    {
        var file = BpmnCorpus.Files().Single(f => f.Path.EndsWith("loan-granting-spring-boot-webapp_src_main_resources_bpmn_loan-granting.bpmn", StringComparison.Ordinal));
        var maps = Import(file.Path);

        var timed = maps.Select(m => m.Start?.Timer).OfType<TimerDefinition>().ShouldHaveSingleItem();
        timed.Value.ShouldBe("0/5 0/1 * 1/1 * ?");
        maps.SelectMany(Validate).ShouldNotContain(p => p.Code == "start.timer-definition");
    }
}
