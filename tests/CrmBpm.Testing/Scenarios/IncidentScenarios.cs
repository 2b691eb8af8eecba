using CrmBpm.Engine;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.DependencyInjection;
using CrmBpm.Engine.Errors;
using CrmBpm.Engine.Events;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;

namespace CrmBpm.Testing.Scenarios;

/// <summary>
/// Incidents as a caller meets them: each carries a stable code (<see cref="IncidentCodes"/>) that the store keeps with the
/// instance, its token and the event; a caller tells a stuck start or completion from the returned instance, from
/// <see cref="IProcessEngine.GetIncidentsAsync"/> for a whole tree, or by asking for an <see cref="IncidentException"/>.
/// (The automatic steps' codes are checked in <see cref="ServiceTaskScenarios"/>.)
/// </summary>
public abstract class IncidentScenarios : EngineScenario
{
    protected override void ConfigureEngine(CrmBpmBuilder bpm) =>
        bpm.Configure(o =>
        {
            // Low limits, so the loops that hit them stay fast.
            o.MaxTokensPerInstance = 20;
            o.MaxStepsPerCommand = 200;
            o.MaxNestingDepth = 1;
        });

    private static RouteMap Check() =>
        new MapBuilder("check").Start().Action("verify").End().Flow("start", "verify", "end").Build();

    /// <summary>A map that gets stuck at its point <c>x</c> with <paramref name="code"/>; some must be stored past validation, which refuses them.</summary>
    private static (RouteMap Map, bool PastValidation, object? Variables) Provoking(string code) => code switch
    {
        IncidentCodes.NoFlowMatched => (new MapBuilder("m").Start().Choice("x").Action("a").End()
            .Flow("start", "x").Case("x", "a", "amount > 10").Case("x", "end", "amount > 100").Flow("a", "end").Build(), false, new { amount = 1 }),
        IncidentCodes.ExpressionFailed => (ConditionMap("missing.value"), false, null),
        IncidentCodes.ConditionNotBoolean => (ConditionMap("amount"), false, new { amount = 5 }),
        IncidentCodes.ScriptFailed => (ScriptMap("throw new Error('boom')"), false, null),
        IncidentCodes.VariablesRefused => (ScriptMap("'x'.repeat(300000)"), false, null),
        IncidentCodes.MappingFailed => (new MapBuilder("m").Start().Nested("x", "check", inputs: [new("missing.value", "v")]).End()
            .Flow("start", "x", "end").Build(), false, null),
        IncidentCodes.CollectionNotAList => (ActionMap(a => a with { MultiInstance = new MultiInstance { CollectionVariable = "items" } }), false, new { items = "none" }),
        IncidentCodes.PerformerInvalid => (ActionMap(a => a with { Performer = new Performer { UserExpression = "amount" } }), false, new { amount = 5 }),
        IncidentCodes.DeadlineUnreadable => (ActionMap(a => a with { Deadline = new Deadline { Expression = "'soon'" } }), false, null),
        IncidentCodes.TimerUnreadable => (new MapBuilder("m").Start().Add(new TimerWaitPoint { Id = "x", Name = "x", Timer = TimerDefinition.After("${waitFor}") }).End()
            .Flow("start", "x", "end").Build(), false, new { waitFor = "soon" }),
        IncidentCodes.TooManyTokens => (new MapBuilder("m").Start().Choice("again", "again->end").Split("x").Action("a").End()
            .Flow("start", "again").Case("again", "x", "true").Flow("again", "end").Flow("x", "again").Flow("x", "a", "end").Build(), true, null),
        IncidentCodes.TooManySteps => (new MapBuilder("m").Start().Choice("x", "x->end").End()
            .Flow("start", "x").Case("x", "x", "true").Flow("x", "end").Build(), true, null),
        IncidentCodes.NestedMapMissing => (new MapBuilder("m").Start().Nested("x", "nowhere").End().Flow("start", "x", "end").Build(), true, null),
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "No map provokes this code here."),
    };

    private static RouteMap ConditionMap(string expression) =>
        new MapBuilder("m").Start().Condition("x", expression).Action("a").End().Flow("start", "x").Yes("x", "a").No("x", "end").Flow("a", "end").Build();

    private static RouteMap ScriptMap(string script) =>
        new MapBuilder("m").Start().Add(new ScriptPoint { Id = "x", Name = "x", Script = script, ResultVariable = "result" }).Action("a").End()
            .Flow("start", "x", "a", "end").Build();

    private static RouteMap ActionMap(Func<ActionPoint, ActionPoint> configure) =>
        new MapBuilder("m").Start().Action("x", configure: configure).End().Flow("start", "x", "end").Build();

    private async Task<ProcessInstance> StartStuckAsync(string code, bool throwOnIncident = false)
    {
        var (map, pastValidation, variables) = Provoking(code);
        if (pastValidation)
        {
            // A map published before a rule refused it, or stored directly: it must still stop with a code, never hang.
            await Bpm.Store.SaveRouteMapAsync(map with { Version = 1, Status = RouteMapStatus.Published });
        }
        else
        {
            await Bpm.DeployAsync(Check());
            await Bpm.DeployAsync(map);
        }

        return await Bpm.Engine.StartAsync(map.Key, new StartOptions { Variables = EngineHarness.ToDictionary(variables), ThrowOnIncident = throwOnIncident });
    }

    [Theory]
    [InlineData(IncidentCodes.NoFlowMatched)]
    [InlineData(IncidentCodes.ExpressionFailed)]
    [InlineData(IncidentCodes.ConditionNotBoolean)]
    [InlineData(IncidentCodes.ScriptFailed)]
    [InlineData(IncidentCodes.VariablesRefused)]
    [InlineData(IncidentCodes.MappingFailed)]
    [InlineData(IncidentCodes.CollectionNotAList)]
    [InlineData(IncidentCodes.PerformerInvalid)]
    [InlineData(IncidentCodes.DeadlineUnreadable)]
    [InlineData(IncidentCodes.TimerUnreadable)]
    [InlineData(IncidentCodes.TooManyTokens)]
    [InlineData(IncidentCodes.TooManySteps)]
    [InlineData(IncidentCodes.NestedMapMissing)]
    public async Task Each_incident_carries_its_code_on_the_instance_its_token_and_its_event_as_stored(string code)
    {
        var started = await StartStuckAsync(code);

        started.Status.ShouldBe(InstanceStatus.Incident);
        started.IncidentCode.ShouldBe(code);
        var stored = await Bpm.InstanceAsync(started.Id);
        stored.IncidentCode.ShouldBe(code);
        var incident = stored.Incidents.ShouldHaveSingleItem();
        (incident.InstanceId, incident.MapKey, incident.PointId, incident.Code).ShouldBe((started.Id, "m", "x", code));
        incident.Message.ShouldBe(stored.IncidentMessage);
        stored.Tokens.Single(t => t.Id == incident.TokenId).IncidentCode.ShouldBe(code);
        var raised = Bpm.Events.All.OfType<IncidentRaised>().ShouldHaveSingleItem();
        (raised.Code, raised.PointId, raised.TokenId).ShouldBe((code, "x", incident.TokenId));
    }

    [Fact]
    public async Task A_retry_that_succeeds_clears_the_code_and_one_that_fails_again_keeps_it()
    {
        var started = await StartStuckAsync(IncidentCodes.ExpressionFailed);

        var again = await Bpm.Engine.RetryIncidentAsync(started.Id);
        again.IncidentCode.ShouldBe(IncidentCodes.ExpressionFailed);
        again.Incidents.ShouldHaveSingleItem().Code.ShouldBe(IncidentCodes.ExpressionFailed);

        var fixedUp = await Bpm.Engine.RetryIncidentAsync(started.Id, new Dictionary<string, object?> { ["missing"] = new { value = true } });
        fixedUp.Status.ShouldBe(InstanceStatus.Active);
        fixedUp.IncidentCode.ShouldBeNull();
        fixedUp.Incidents.ShouldBeEmpty();
        (await Bpm.InstanceAsync(started.Id)).IncidentCode.ShouldBeNull();
    }

    [Fact]
    public async Task A_start_that_asked_for_it_throws_the_codes_after_committing_the_instance()
    {
        var error = await Should.ThrowAsync<IncidentException>(() => StartStuckAsync(IncidentCodes.ConditionNotBoolean, throwOnIncident: true));

        error.Code.ShouldBe("instance.incident");
        error.Codes.ShouldBe([IncidentCodes.ConditionNotBoolean]);
        error.Incidents.ShouldHaveSingleItem().PointId.ShouldBe("x");
        error.Message.ShouldContain("[condition-not-boolean] at 'x'");
        (await Bpm.InstanceAsync(error.InstanceId)).Status.ShouldBe(InstanceStatus.Incident);
    }

    [Fact]
    public async Task A_start_that_asked_for_it_returns_normally_when_nothing_is_stuck()
    {
        await Bpm.DeployAsync(Check());

        var instance = await Bpm.Engine.StartAsync("check", new StartOptions { ThrowOnIncident = true });

        instance.Status.ShouldBe(InstanceStatus.Active);
        instance.Incidents.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_incident_in_a_nested_instance_is_found_from_the_root_and_thrown_to_a_start_that_asked()
    {
        // Depth 1 is allowed (top → middle), so middle's own nested process is one level too deep.
        await Bpm.DeployAsync(Check());
        await Bpm.DeployAsync(new MapBuilder("middle").Start().Nested("deeper", "check").End().Flow("start", "deeper", "end").Build());
        await Bpm.DeployAsync(new MapBuilder("top").Start().Nested("sub", "middle").End().Flow("start", "sub", "end").Build());

        var error = await Should.ThrowAsync<IncidentException>(() => Bpm.Engine.StartAsync("top", new StartOptions { ThrowOnIncident = true }));

        var root = await Bpm.InstanceAsync(error.InstanceId);
        root.Status.ShouldBe(InstanceStatus.Active); // only the nested instance is stuck
        root.Incidents.ShouldBeEmpty();
        var middle = (await Bpm.Engine.GetChildInstancesAsync(root.Id)).ShouldHaveSingleItem();
        var incident = (await Bpm.Engine.GetIncidentsAsync(root.Id)).ShouldHaveSingleItem();
        (incident.InstanceId, incident.MapKey, incident.PointId, incident.Code).ShouldBe((middle.Id, "middle", "deeper", IncidentCodes.NestingTooDeep));
        error.Incidents.ShouldBe([incident]);
    }

    [Fact]
    public async Task A_completion_that_asked_for_it_throws_the_codes_and_the_task_stays_completed()
    {
        var map = new MapBuilder("m").Start().Action("approve").Condition("x", "approved").Action("a").End()
            .Flow("start", "approve", "x").Yes("x", "a").No("x", "end").Flow("a", "end").Build();
        var instance = await Bpm.StartAsync(map);
        var task = await Bpm.TaskAtAsync(instance.Id, "approve");

        var error = await Should.ThrowAsync<IncidentException>(() =>
            Bpm.Tasks.CompleteAsync(task.Id, EngineHarness.User("alice"), new TaskCompletion { Variables = new Dictionary<string, object?> { ["approved"] = "yes" }, ThrowOnIncident = true }));

        error.InstanceId.ShouldBe(instance.Id);
        error.Codes.ShouldBe([IncidentCodes.ConditionNotBoolean]);
        (await Bpm.Tasks.GetAsync(task.Id)).Status.ShouldBe(WorkTaskStatus.Completed);
        (await Bpm.InstanceAsync(instance.Id)).IncidentCode.ShouldBe(IncidentCodes.ConditionNotBoolean);
    }

    [Fact]
    public async Task A_completion_that_did_not_ask_returns_the_task_and_the_instance_shows_the_incident()
    {
        var map = new MapBuilder("m").Start().Action("approve").Condition("x", "approved").Action("a").End()
            .Flow("start", "approve", "x").Yes("x", "a").No("x", "end").Flow("a", "end").Build();
        var instance = await Bpm.StartAsync(map);

        var completed = await Bpm.CompleteAsync(instance.Id, "approve", variables: new { approved = "yes" });

        completed.Status.ShouldBe(WorkTaskStatus.Completed);
        (await Bpm.Engine.GetIncidentsAsync(instance.Id)).ShouldHaveSingleItem().Code.ShouldBe(IncidentCodes.ConditionNotBoolean);
    }

    [Fact]
    public async Task A_nested_instance_terminated_on_its_own_leaves_its_parent_an_incident_with_a_code()
    {
        await Bpm.DeployAsync(Check());
        var instance = await Bpm.StartAsync(new MapBuilder("p").Start().Nested("sub", "check").End().Flow("start", "sub", "end").Build());
        var child = (await Bpm.Engine.GetChildInstancesAsync(instance.Id)).ShouldHaveSingleItem();

        await Bpm.Engine.TerminateAsync(child.Id, "wrong customer");

        var parent = await Bpm.InstanceAsync(instance.Id);
        parent.IncidentCode.ShouldBe(IncidentCodes.NestedInstanceTerminated);
        parent.Incidents.ShouldHaveSingleItem().PointId.ShouldBe("sub");
    }

    [Fact]
    public async Task A_task_carries_the_name_of_its_action_as_stored()
    {
        var map = new MapBuilder("m").Start().Action("call", configure: a => a with { Name = "Call the customer", TitleTemplate = "Call {customer}" }).End()
            .Flow("start", "call", "end").Build();
        var instance = await Bpm.StartAsync(map, new { customer = "Acme" });

        var task = (await Bpm.Tasks.GetOpenTasksOfTreeAsync(instance.Id)).ShouldHaveSingleItem();

        (task.PointId, task.PointName, task.Title).ShouldBe(("call", "Call the customer", "Call Acme"));
        (await Bpm.Tasks.GetAsync(task.Id)).PointName.ShouldBe("Call the customer");
        (await Bpm.Tasks.MyTasksAsync(new TaskQuery { Actor = EngineHarness.User("alice") })).Items.ShouldHaveSingleItem().PointName.ShouldBe("Call the customer");
    }
}
