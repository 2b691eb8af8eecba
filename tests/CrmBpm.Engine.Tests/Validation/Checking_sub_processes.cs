using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Validation;
using CrmBpm.Testing;

namespace CrmBpm.Engine.Tests.Validation;

/// <summary>
/// Every scope (the process level, the inside of each sub-process) is validated as a map of its own, problems inside a
/// sub-process saying so; the scopes hold together: flows stay in their scope, a sub-process starts at one plain start, an
/// event sub-process at one start with a trigger and without flows.
/// </summary>
public sealed class Checking_sub_processes
{
    private static IReadOnlyList<ValidationProblem> Validate(RouteMap map) =>
        new RouteMapValidator().Validate(map, new ValidationContext(new ExpressionEvaluator(new ExpressionLimits()), _ => null));

    private static MapBuilder Checking() =>
        new MapBuilder("order").Start().SubProcess("check").End().Flow("start", "check", "end").Inside("check");

    [Fact]
    public void A_sub_process_with_its_own_start_action_and_end_publishes_without_a_problem()
    {
        var map = Checking().Start("inner-start").Action("review").End("inner-end").Flow("inner-start", "review", "inner-end").Inside(null).Build();

        Validate(map).ShouldBeEmpty();
    }

    [Fact]
    public void A_sub_process_without_a_start_or_an_end_is_named_by_the_problems_of_its_scope()
    {
        var map = Checking().Action("review").Inside(null).Build();

        var problems = Validate(map);

        problems.ShouldContain(p => p.Code == "start.missing" && p.PointId == "check" && p.Message.StartsWith("In sub-process 'check': ", StringComparison.Ordinal));
        problems.ShouldContain(p => p.Code == "end.missing" && p.PointId == "check");
        problems.ShouldContain(p => p.Code == "point.dead-end" && p.PointId == "review");
    }

    [Fact]
    public void A_flow_from_inside_a_sub_process_to_the_process_level_is_refused()
    {
        var map = Checking().Start("inner-start").Action("review").End("inner-end").Flow("inner-start", "review", "inner-end")
            .Inside(null).Action("outside").Flow("outside", "end")
            .Add(new Flow { Id = "escape", SourceId = "review", TargetId = "outside", ScopeId = "check" }).Build();

        Validate(map).ShouldContain(p => p.Code == "flow.crosses-scope" && p.FlowId == "escape");
    }

    [Fact]
    public void A_sub_process_whose_start_has_a_trigger_is_refused()
    {
        var map = Checking().Add(new StartPoint { Id = "inner-start", SignalName = "go" }).End("inner-end").Flow("inner-start", "inner-end").Inside(null).Build();

        Validate(map).ShouldContain(p => p.Code == "subprocess.start-trigger" && p.PointId == "inner-start");
    }

    [Fact]
    public void An_event_sub_process_needs_a_trigger_on_its_start_and_no_flow_in_or_out()
    {
        var map = new MapBuilder("order").Start().Action("work").End().Flow("start", "work", "end")
            .SubProcess("on-event", triggeredByEvent: true).Flow("work", "on-event")
            .Inside("on-event").Start("event-start").End("handled").Flow("event-start", "handled").Inside(null).Build();

        var problems = Validate(map);

        problems.ShouldContain(p => p.Code == "eventsubprocess.start-trigger" && p.PointId == "event-start");
        problems.ShouldContain(p => p.Code == "eventsubprocess.flows" && p.PointId == "on-event");
    }

    [Fact]
    public void An_event_sub_process_with_a_message_start_is_neither_unreachable_nor_a_dead_end()
    {
        var map = new MapBuilder("order").Start().Action("work").End().Flow("start", "work", "end")
            .SubProcess("on-event", triggeredByEvent: true)
            .Inside("on-event").Add(new StartPoint { Id = "event-start", MessageName = "cancel", Interrupting = false }).End("handled").Flow("event-start", "handled").Inside(null).Build();

        Validate(map).ShouldBeEmpty();
    }

    [Fact]
    public void An_event_sub_process_timer_must_read_as_a_duration_date_or_counted_cycle_and_may_be_an_expression()
    {
        RouteMap With(TimerDefinition timer) => new MapBuilder("order").Start().Action("work").End().Flow("start", "work", "end")
            .SubProcess("on-time", triggeredByEvent: true)
            .Inside("on-time").Add(new StartPoint { Id = "timer-start", Timer = timer, Interrupting = false }).End("handled").Flow("timer-start", "handled").Inside(null).Build();

        Validate(With(TimerDefinition.Every("R/PT1H"))).ShouldContain(p => p.Code == "eventsubprocess.timer" && p.PointId == "timer-start");
        Validate(With(TimerDefinition.Every("R3/PT1H"))).ShouldBeEmpty();
        Validate(With(TimerDefinition.After("${reminderAfter}"))).ShouldBeEmpty();
    }

    [Fact]
    public void A_signal_start_at_the_process_level_runs_but_an_error_start_does_not()
    {
        var signal = new MapBuilder("order").Add(new StartPoint { Id = "start", SignalName = "go" }).End().Flow("start", "end").Build();
        var error = new MapBuilder("order").Add(new StartPoint { Id = "start", Error = new ErrorDefinition("E1") }).End().Flow("start", "end").Build();

        Validate(signal).ShouldBeEmpty();
        Validate(error).ShouldContain(p => p.Code == "start.trigger-not-here" && p.PointId == "start" && p.Message.Contains("an error"));
    }

    [Fact]
    public void A_signal_start_naming_no_signal_is_refused()
    {
        var map = new MapBuilder("order").Add(new StartPoint { Id = "start", SignalName = " " }).End().Flow("start", "end").Build();

        Validate(map).ShouldContain(p => p.Code == "signal.name-missing" && p.PointId == "start");
    }

    [Fact]
    public void A_boundary_timer_on_a_sub_process_is_allowed()
    {
        var map = Checking().Start("inner-start").Action("review").End("inner-end").Flow("inner-start", "review", "inner-end").Inside(null)
            .Add(new BoundaryTimerPoint { Id = "late", AttachedToId = "check", Timer = TimerDefinition.After("PT1H") }).End("too-late").Flow("late", "too-late").Build();

        Validate(map).ShouldBeEmpty();
    }
}
