using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Errors;
using CrmBpm.Engine.Tasks;
using CrmBpm.Engine.DependencyInjection;
using CrmBpm.Engine.Jobs;
using CrmBpm.Engine.Runtime;

namespace CrmBpm.Testing.Scenarios;

/// <summary>
/// Business errors and error boundaries: a handler's <see cref="BusinessErrorException"/> or a nested instance's error end
/// is caught by the error boundary naming its code (else a catch-all), which cancels the activity and takes its own flow;
/// an error nobody catches is an incident naming it.
/// </summary>
public abstract class ErrorEventScenarios : EngineScenario
{
    private static readonly ErrorDefinition Refused = new("Error_refused", "credit-refused", "Credit refused");

    protected override void ConfigureEngine(CrmBpmBuilder bpm) =>
        bpm.AddHandler<RefusesCredit>("credit-check").AddHandler<Approves>("approve");

    /// <summary>An automatic step with the given error boundaries, each leading to an Action named like it.</summary>
    private static RouteMap StepWith(string handler, params BoundaryErrorPoint[] boundaries)
    {
        var builder = new MapBuilder("credit").Start()
            .Add(new ServicePoint { Id = "step", Name = "Ask the bureau", Handler = handler })
            .Action("sign")
            .End()
            .Flow("start", "step", "sign", "end");
        foreach (var boundary in boundaries)
        {
            builder.Add(boundary with { AttachedToId = "step" }).Action("after-" + boundary.Id).End("end-" + boundary.Id).Flow(boundary.Id, "after-" + boundary.Id, "end-" + boundary.Id);
        }

        return builder.Build();
    }

    [Fact]
    public async Task A_handler_s_business_error_is_caught_by_the_boundary_naming_its_code_and_sets_the_error_variables()
    {
        var instance = await Bpm.StartAsync(StepWith("credit-check",
            new BoundaryErrorPoint { Id = "refused", Error = Refused, CodeVariable = "why", MessageVariable = "whyText" }));

        (await Bpm.Timers.FireDueTimersAsync()).ShouldBe(1);

        var after = await Bpm.InstanceAsync(instance.Id);
        after.Status.ShouldBe(InstanceStatus.Active);
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["after-refused"]);
        after.Variables["why"].GetString().ShouldBe("credit-refused");
        after.Variables["whyText"].GetString().ShouldBe("The bureau refused the credit.");
        var history = await Bpm.Engine.GetHistoryAsync(instance.Id);
        history.ShouldContain(h => h.Kind == HistoryKind.ErrorThrown && h.PointId == "step");
        history.ShouldContain(h => h.Kind == HistoryKind.ErrorCaught && h.PointId == "refused");
    }

    [Fact]
    public async Task The_boundary_naming_the_code_wins_over_a_catch_all_and_one_naming_another_code_never_catches()
    {
        var instance = await Bpm.StartAsync(StepWith("credit-check",
            new BoundaryErrorPoint { Id = "fraud", Error = new ErrorDefinition("Error_fraud", "fraud") },
            new BoundaryErrorPoint { Id = "anything" },
            new BoundaryErrorPoint { Id = "refused", Error = Refused }));

        await Bpm.Timers.FireDueTimersAsync();

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["after-refused"]);
    }

    [Fact]
    public async Task A_catch_all_catches_a_code_no_boundary_names()
    {
        var instance = await Bpm.StartAsync(StepWith("credit-check",
            new BoundaryErrorPoint { Id = "fraud", Error = new ErrorDefinition("Error_fraud", "fraud") },
            new BoundaryErrorPoint { Id = "anything", Error = new ErrorDefinition("Error_any") }));

        await Bpm.Timers.FireDueTimersAsync();

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["after-anything"]);
    }

    [Fact]
    public async Task An_error_no_boundary_catches_is_an_incident_naming_its_code()
    {
        var instance = await Bpm.StartAsync(StepWith("credit-check", new BoundaryErrorPoint { Id = "fraud", Error = new ErrorDefinition("Error_fraud", "fraud") }));

        await Bpm.Timers.FireDueTimersAsync();

        var stuck = await Bpm.InstanceAsync(instance.Id);
        stuck.Status.ShouldBe(InstanceStatus.Incident);
        stuck.IncidentMessage!.ShouldContain("'credit-refused'");
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["step"]);
    }

    [Fact]
    public async Task A_step_that_succeeds_leaves_by_its_flow_and_its_boundary_never_fires()
    {
        var instance = await Bpm.StartAsync(StepWith("approve", new BoundaryErrorPoint { Id = "refused", Error = Refused }));

        await Bpm.Timers.FireDueTimersAsync();

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["sign"]);
    }

    /// <summary>A parent calling <paramref name="calledKey"/> from a Nested process with one error boundary (and a boundary timer).</summary>
    private static RouteMap Caller(string calledKey, ErrorDefinition? catches) =>
        new MapBuilder("caller").Start()
            .Nested("call", calledKey)
            .Action("carry-on")
            .End()
            .Flow("start", "call", "carry-on", "end")
            .Add(new BoundaryErrorPoint { Id = "failed", AttachedToId = "call", Error = catches, CodeVariable = "code" })
            .Add(new BoundaryTimerPoint { Id = "late", AttachedToId = "call", Timer = TimerDefinition.After("P1D") })
            .Action("handle")
            .End("handled")
            .Flow("failed", "handle", "handled")
            .Flow("late", "handled")
            .Build();

    [Fact]
    public async Task An_error_end_in_a_nested_instance_ends_it_and_the_caller_s_boundary_catches_it()
    {
        await Bpm.DeployAsync(new MapBuilder("checking").Start()
            .Action("decide")
            .Add(new EndPoint { Id = "no", Name = "Refused", Error = Refused })
            .Flow("start", "decide", "no")
            .Build());
        var parent = await Bpm.StartAsync(Caller("checking", Refused));
        var child = (await Bpm.Engine.GetChildInstancesAsync(parent.Id)).ShouldHaveSingleItem();

        await Bpm.CompleteAsync(child.Id, "decide");

        (await Bpm.InstanceAsync(child.Id)).Status.ShouldBe(InstanceStatus.Completed);
        (await Bpm.TokenPointsAsync(parent.Id)).ShouldBe(["handle"]);
        (await Bpm.InstanceAsync(parent.Id)).Variables["code"].GetString().ShouldBe("credit-refused");
        // The caller's boundary timer went with the activity.
        Bpm.Clock.Advance(TimeSpan.FromDays(2));
        (await Bpm.Timers.FireDueTimersAsync()).ShouldBe(0);
        (await Bpm.TokenPointsAsync(parent.Id)).ShouldBe(["handle"]);
    }

    [Fact]
    public async Task An_error_end_reached_at_once_cancels_the_nested_instance_s_other_branch()
    {
        await Bpm.DeployAsync(new MapBuilder("checking").Start()
            .Split("both")
            .Action("slow")
            .End()
            .Add(new EndPoint { Id = "no", Error = Refused })
            .Flow("start", "both", "slow", "end")
            .Flow("both", "no")
            .Build());

        var parent = await Bpm.StartAsync(Caller("checking", catches: null));

        var child = (await Bpm.Engine.GetChildInstancesAsync(parent.Id)).ShouldHaveSingleItem();
        child.Status.ShouldBe(InstanceStatus.Completed);
        child.Tokens.ShouldBeEmpty();
        (await Bpm.Tasks.GetTasksOfInstanceAsync(child.Id)).ShouldAllBe(t => !t.IsActive);
        (await Bpm.TokenPointsAsync(parent.Id)).ShouldBe(["handle"]);
    }

    [Fact]
    public async Task An_error_end_the_caller_does_not_catch_is_an_incident_in_the_nested_instance_naming_the_error()
    {
        await Bpm.DeployAsync(new MapBuilder("checking").Start().Add(new EndPoint { Id = "no", Error = Refused }).Flow("start", "no").Build());

        var parent = await Bpm.StartAsync(Caller("checking", new ErrorDefinition("Error_other", "other")));

        var child = (await Bpm.Engine.GetChildInstancesAsync(parent.Id)).ShouldHaveSingleItem();
        child.Status.ShouldBe(InstanceStatus.Incident);
        child.IncidentMessage!.ShouldContain("'credit-refused'");
        (await Bpm.TokenPointsAsync(parent.Id)).ShouldBe(["call"]);
    }

    [Fact]
    public async Task An_error_end_at_top_level_is_an_incident_naming_the_error()
    {
        var instance = await Bpm.StartAsync(new MapBuilder("alone").Start().Add(new EndPoint { Id = "no", Error = Refused }).Flow("start", "no").Build());

        instance.Status.ShouldBe(InstanceStatus.Incident);
        instance.IncidentMessage!.ShouldContain("'credit-refused'");
        instance.IncidentMessage!.ShouldContain("not nested");
    }

    private static RouteMap ReviewWithBoundary() =>
        new MapBuilder("review").Start()
            .Action("review")
            .End()
            .Flow("start", "review", "end")
            .Add(new BoundaryErrorPoint { Id = "refused", AttachedToId = "review", Error = Refused, MessageVariable = "why" })
            .Action("after-refused")
            .End("end-refused")
            .Flow("refused", "after-refused", "end-refused")
            .Build();

    [Fact]
    public async Task A_person_reports_a_business_error_on_a_task_and_the_action_s_boundary_catches_it()
    {
        var instance = await Bpm.StartAsync(ReviewWithBoundary());
        var task = await Bpm.TaskAtAsync(instance.Id, "review");

        var reported = await Bpm.Tasks.ThrowErrorAsync(task.Id, EngineHarness.User("alice"), "credit-refused", "The customer said no.");

        reported.Status.ShouldBe(WorkTaskStatus.Cancelled);
        (await Bpm.Tasks.GetAsync(task.Id)).Status.ShouldBe(WorkTaskStatus.Cancelled);
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["after-refused"]);
        (await Bpm.InstanceAsync(instance.Id)).Variables["why"].GetString().ShouldBe("The customer said no.");
    }

    [Fact]
    public async Task A_reported_error_no_boundary_catches_is_refused_and_the_task_stays_open()
    {
        var instance = await Bpm.StartAsync(ReviewWithBoundary());
        var task = await Bpm.TaskAtAsync(instance.Id, "review");

        var refused = await Should.ThrowAsync<ConflictException>(() => Bpm.Tasks.ThrowErrorAsync(task.Id, EngineHarness.User("alice"), "fraud"));

        refused.Code.ShouldBe("task.error-not-caught");
        (await Bpm.Tasks.GetAsync(task.Id)).IsActive.ShouldBeTrue();
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["review"]);
    }

    private sealed class RefusesCredit : IServiceTaskHandler
    {
        public Task<IReadOnlyDictionary<string, object?>?> HandleAsync(ServiceTaskContext context, CancellationToken cancellationToken = default) =>
            throw new BusinessErrorException("credit-refused", "The bureau refused the credit.");
    }

    private sealed class Approves : IServiceTaskHandler
    {
        public Task<IReadOnlyDictionary<string, object?>?> HandleAsync(ServiceTaskContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyDictionary<string, object?>?>(new Dictionary<string, object?> { ["approved"] = true });
    }
}
