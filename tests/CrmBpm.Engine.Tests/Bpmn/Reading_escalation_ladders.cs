using CrmBpm.Engine.Bpmn;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Validation;
using static CrmBpm.Engine.Tests.Bpmn.BpmnTestFiles;

namespace CrmBpm.Engine.Tests.Bpmn;

/// <summary>
/// An escalation ladder is drawn as boundary timers on its user task, each with <c>crm:escalation</c>: non-interrupting, the
/// default outcome interrupting. Export writes them (with shapes on the task's edge), import reads them back into the ladder,
/// and a ladder that makes no sense is refused with a code naming what is wrong.
/// </summary>
public sealed class Reading_escalation_ladders
{
    private static RouteMap Map(Func<ActionPoint, ActionPoint>? change = null)
    {
        var action = new ActionPoint
        {
            Id = "call", Name = "Call back", Performer = Performer.ForRole("Sales manager", "North"),
            Deadline = new Deadline { Duration = "P2D", InWorkingTime = true }, Outcomes = ["Done", "Failed"],
            Escalation =
            [
                new EscalationStep { Id = "remind", Name = "Remind", Kind = EscalationStepKind.RemindPerformer, Duration = "PT4H" },
                new EscalationStep { Id = "notify", Kind = EscalationStepKind.NotifyHead, Duration = "PT0S" },
                new EscalationStep { Id = "reassign", Kind = EscalationStepKind.ReassignToHead, Duration = "P1D" },
                new EscalationStep { Id = "give-up", Kind = EscalationStepKind.DefaultOutcome, Duration = "P2D", Outcome = "Failed" },
            ],
        };
        return new RouteMap
        {
            Key = "escalated", Name = "Escalated",
            Points = [new StartPoint { Id = "start", Name = "Start" }, change is null ? action : change(action), new EndPoint { Id = "end", Name = "End" }],
            Flows = [new Flow { Id = "f1", SourceId = "start", TargetId = "call" }, new Flow { Id = "f2", SourceId = "call", TargetId = "end" }],
        };
    }

    private static IReadOnlyList<ValidationProblem> Validate(RouteMap map) =>
        new RouteMapValidator().Validate(map, new ValidationContext(new ExpressionEvaluator(new ExpressionLimits()), _ => null));

    [Fact]
    public void Each_step_is_a_boundary_timer_on_the_task_and_the_default_outcome_interrupts()
    {
        var xml = new BpmnExporter().Export(Map());

        xml.ShouldContain("""<bpmn:boundaryEvent id="remind" name="Remind" cancelActivity="false" attachedToRef="call" crm:escalation="remind-performer">""");
        xml.ShouldContain("""<bpmn:boundaryEvent id="give-up" cancelActivity="true" attachedToRef="call" crm:escalation="default-outcome" crm:outcome="Failed">""");
        xml.ShouldContain("""bpmnElement="give-up">""");
    }

    [Fact]
    public void The_ladder_reads_back_the_same()
    {
        var map = Map();

        var read = RoundTrip([map]).ShouldHaveSingleItem();

        read.Points.OfType<ActionPoint>().Single().Escalation.ShouldBe(map.Points.OfType<ActionPoint>().Single().Escalation);
        Validate(map).Where(p => p.IsError).ShouldBeEmpty();
    }

    [Fact]
    public void A_step_attached_to_anything_but_a_user_task_is_an_import_problem()
    {
        var xml = new BpmnExporter().Export(Map()).Replace("attachedToRef=\"call\" crm:escalation=\"notify-head\"", "attachedToRef=\"end\" crm:escalation=\"notify-head\"", StringComparison.Ordinal);

        Should.Throw<BpmnImportException>(() => new BpmnImporter().ImportXml(xml)).Problems.ShouldContain(p => p.Message.Contains("not a user task"));
    }

    public static TheoryData<string, Func<ActionPoint, ActionPoint>> Nonsense { get; } = new()
    {
        { "escalation.without-deadline", a => a with { Deadline = null } },
        { "escalation.after-final", a => a with { Escalation = [.. a.Escalation, new EscalationStep { Id = "late", Kind = EscalationStepKind.NotifyHead, Duration = "P3D" }] } },
        { "escalation.after-final", a => a with { Escalation = [a.Escalation[3], a.Escalation[2] with { Duration = "P5D" }] } },
        { "escalation.reassign-without-role", a => a with { Performer = Performer.User("alice") } },
        { "escalation.outcome", a => a with { Escalation = [a.Escalation[3] with { Outcome = "Maybe" }] } },
        { "escalation.required-field", a => a with { FormFields = [new FormField { Name = "reason", Required = true }] } },
        { "escalation.duration", a => a with { Escalation = [a.Escalation[0] with { Duration = "four hours" }] } },
        { "escalation.id", a => a with { Escalation = [a.Escalation[0] with { Id = "end" }] } },
    };

    [Theory]
    [MemberData(nameof(Nonsense))]
    public void A_ladder_that_makes_no_sense_is_refused_by_code(string code, Func<ActionPoint, ActionPoint> change)
    {
        Validate(Map(change)).ShouldContain(p => p.Code == code && p.PointId == "call");
    }
}
