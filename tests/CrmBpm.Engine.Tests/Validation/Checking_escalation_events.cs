using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Validation;
using CrmBpm.Testing;

namespace CrmBpm.Engine.Tests.Validation;

/// <summary>
/// Escalation boundaries sit on a Sub-process or a Nested process and catch distinct codes; an escalation start stands only in
/// an event sub-process; escalation throws and ends need no catch (an uncaught escalation is no error).
/// </summary>
public sealed class Checking_escalation_events
{
    private static readonly EscalationDefinition Late = new("Escalation_late", "late");

    private static IReadOnlyList<ValidationProblem> Validate(RouteMap map) =>
        new RouteMapValidator().Validate(map, new ValidationContext(new ExpressionEvaluator(new ExpressionLimits()), _ => null));

    private static MapBuilder WithSubProcess() =>
        new MapBuilder("order").Start().SubProcess("check").End().Flow("start", "check", "end")
            .Inside("check").Start("inner-start").Add(new EscalationThrowPoint { Id = "warn", Escalation = Late }).End("inner-end")
            .Flow("inner-start", "warn", "inner-end").Inside(null);

    [Fact]
    public void A_throw_without_any_catch_and_a_boundary_on_a_sub_process_publish()
    {
        Validate(WithSubProcess().Build()).ShouldBeEmpty();
        Validate(WithSubProcess().Add(new BoundaryEscalationPoint { Id = "on-late", AttachedToId = "check", Escalation = Late, CancelsActivity = false })
            .End("late-end").Flow("on-late", "late-end").Build()).ShouldBeEmpty();
    }

    [Fact]
    public void A_boundary_on_an_action_publishes_but_one_on_an_automatic_step_is_refused_naming_what_can_carry_one()
    {
        RouteMap On(Point activity) => new MapBuilder("order").Start().Add(activity).End().Flow("start", activity.Id, "end")
            .Add(new BoundaryEscalationPoint { Id = "on-late", AttachedToId = activity.Id }).End("late-end").Flow("on-late", "late-end").Build();

        Validate(On(new ActionPoint { Id = "work", Performer = Performer.User("alice") })).ShouldBeEmpty();
        Validate(On(new ServicePoint { Id = "work", Handler = "send" })).ShouldContain(p =>
            p.Code == "escalation-event.boundary-kind" && p.PointId == "on-late" && p.Message.Contains("a Sub-process or a Nested process") && p.Message.Contains("an Action"));
    }

    [Fact]
    public void Two_boundaries_catching_one_code_and_a_boundary_without_a_way_out_are_refused()
    {
        var map = WithSubProcess()
            .Add(new BoundaryEscalationPoint { Id = "first", AttachedToId = "check", Escalation = Late }).End("first-end").Flow("first", "first-end")
            .Add(new BoundaryEscalationPoint { Id = "second", AttachedToId = "check", Escalation = Late with { Id = "other" } })
            .Build();

        var problems = Validate(map);

        problems.ShouldContain(p => p.Code == "escalation-event.boundary-duplicate" && p.PointId == "second" && p.Message.Contains("'late'"));
        problems.ShouldContain(p => p.Code == "boundary.outgoing-missing" && p.PointId == "second");
    }

    [Fact]
    public void An_escalation_start_outside_an_event_sub_process_is_refused()
    {
        var map = new MapBuilder("order").Add(new StartPoint { Id = "start", Escalation = Late }).End().Flow("start", "end").Build();

        Validate(map).ShouldContain(p => p.Code == "start.trigger-not-here" && p.PointId == "start" && p.Message.Contains("an escalation"));
    }
}
