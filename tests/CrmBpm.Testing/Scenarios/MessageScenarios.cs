using CrmBpm.Engine;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Errors;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Timers;

namespace CrmBpm.Testing.Scenarios;

/// <summary>
/// Messages: a token reaching a message wait (or an activity with a message boundary) waits under a persisted subscription in the
/// timer table, never due; <see cref="IProcessEngine.CorrelateAsync"/> delivers a message to one matching subscription, once.
/// </summary>
public abstract class MessageScenarios : EngineScenario
{
    private static RouteMap WaitForPayment(string? correlationKey = null, string key = "payment") =>
        new MapBuilder(key).Start()
            .Add(new MessageWaitPoint { Id = "wait", Name = "Payment arrives", MessageName = "payment-received", CorrelationKey = correlationKey })
            .Action("ship")
            .End()
            .Flow("start", "wait", "ship", "end")
            .Build();

    private async Task<ProcessInstance> StartAsync(RouteMap map, string? businessKey = null, object? variables = null)
    {
        await Bpm.DeployAsync(map);
        return await Bpm.Engine.StartAsync(map.Key, new StartOptions { BusinessKey = businessKey, Variables = EngineHarness.ToDictionary(variables) });
    }

    private async Task<IReadOnlyList<TimerRecord>> WaitsOfTokenAtAsync(Guid instanceId, string pointId)
    {
        var token = (await Bpm.InstanceAsync(instanceId)).Tokens.Single(t => t.PointId == pointId);
        return [.. (await Bpm.Store.GetTimersOfTaskAsync(token.Id)).Where(t => t.FiredAt is null)];
    }

    [Fact]
    public async Task The_token_waits_under_a_subscription_the_timer_service_never_fires()
    {
        var instance = await StartAsync(WaitForPayment(), "order-1");

        var subscription = (await WaitsOfTokenAtAsync(instance.Id, "wait")).ShouldHaveSingleItem();
        (subscription.Kind, subscription.EventName, subscription.CorrelationKey).ShouldBe((TimerKind.MessageSubscription, "payment-received", (string?)null));
        Bpm.Clock.Advance(TimeSpan.FromDays(3650));
        (await Bpm.Timers.FireDueTimersAsync()).ShouldBe(0);
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["wait"]);
    }

    [Fact]
    public async Task A_message_with_the_business_key_moves_that_instance_on_and_sets_its_variables()
    {
        var other = await StartAsync(WaitForPayment(), "order-1");
        var instance = await StartAsync(WaitForPayment(), "order-2");

        var result = await Bpm.Engine.CorrelateAsync(new MessageCorrelation
        {
            MessageName = "payment-received", BusinessKey = "order-2", Variables = new Dictionary<string, object?> { ["amount"] = 120 },
        });

        result.ReachedInstanceIds.ShouldBe([instance.Id]);
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["ship"]);
        (await Bpm.InstanceAsync(instance.Id)).Variables["amount"].GetInt32().ShouldBe(120);
        (await Bpm.TokenPointsAsync(other.Id)).ShouldBe(["wait"]);
        (await Bpm.Engine.GetHistoryAsync(instance.Id)).Select(h => h.Kind).ShouldContain(HistoryKind.MessageReceived);
    }

    [Fact]
    public async Task Correlation_variables_pick_the_instance_whose_variables_equal_them()
    {
        await StartAsync(WaitForPayment(), variables: new { orderId = 7 });
        var instance = await StartAsync(WaitForPayment(), variables: new { orderId = 8 });

        var result = await Bpm.Engine.CorrelateAsync(new MessageCorrelation
        {
            MessageName = "payment-received", CorrelationVariables = new Dictionary<string, object?> { ["orderId"] = 8 },
        });

        result.ReachedInstanceIds.ShouldBe([instance.Id]);
    }

    [Fact]
    public async Task A_correlation_key_expression_is_evaluated_when_the_token_arrives_and_the_message_must_carry_it()
    {
        var instance = await StartAsync(WaitForPayment(correlationKey: "=orderId"), variables: new { orderId = "A-17" });

        (await WaitsOfTokenAtAsync(instance.Id, "wait")).ShouldHaveSingleItem().CorrelationKey.ShouldBe("A-17");
        await Should.ThrowAsync<NotFoundException>(() => Bpm.Engine.CorrelateAsync(new MessageCorrelation { MessageName = "payment-received", CorrelationKey = "A-18" }));
        (await Bpm.Engine.CorrelateAsync(new MessageCorrelation { MessageName = "payment-received", CorrelationKey = "A-17" })).ReachedInstanceIds.ShouldBe([instance.Id]);
    }

    [Fact]
    public async Task A_message_nobody_waits_for_is_refused_and_changes_nothing()
    {
        var instance = await StartAsync(WaitForPayment(), "order-1");

        var refused = await Should.ThrowAsync<NotFoundException>(() => Bpm.Engine.CorrelateAsync(new MessageCorrelation { MessageName = "payment-received", BusinessKey = "order-9" }));

        refused.Code.ShouldBe("message.not-correlated");
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["wait"]);
        (await WaitsOfTokenAtAsync(instance.Id, "wait")).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task One_message_reaches_one_wait_and_all_reaches_every_one()
    {
        var first = await StartAsync(WaitForPayment());
        var second = await StartAsync(WaitForPayment());
        var third = await StartAsync(WaitForPayment());

        (await Bpm.Engine.CorrelateAsync(new MessageCorrelation { MessageName = "payment-received" })).ReachedInstanceIds.ShouldBe([first.Id]);
        (await Bpm.Engine.CorrelateAsync(new MessageCorrelation { MessageName = "payment-received", All = true })).ReachedInstanceIds.ShouldBe([second.Id, third.Id]);
        await Should.ThrowAsync<NotFoundException>(() => Bpm.Engine.CorrelateAsync(new MessageCorrelation { MessageName = "payment-received" }));
    }

    [Fact]
    public async Task Two_correlations_racing_for_one_wait_deliver_it_once_and_the_loser_is_refused()
    {
        var instance = await StartAsync(WaitForPayment(), "order-1");
        var message = new MessageCorrelation { MessageName = "payment-received", BusinessKey = "order-1" };

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            try
            {
                return (await Bpm.Engine.CorrelateAsync(message)).ReachedInstanceIds.Count;
            }
            catch (NotFoundException)
            {
                return 0;
            }
        }));

        outcomes.Sum().ShouldBe(1);
        (await Bpm.Engine.GetHistoryAsync(instance.Id)).Count(h => h.Kind == HistoryKind.MessageReceived).ShouldBe(1);
        (await Bpm.OpenTasksAsync(instance.Id)).ShouldHaveSingleItem().PointId.ShouldBe("ship");
    }

    [Fact]
    public async Task Terminating_the_instance_removes_its_subscription()
    {
        var instance = await StartAsync(WaitForPayment(), "order-1");
        var token = (await Bpm.InstanceAsync(instance.Id)).Tokens.Single();

        await Bpm.Engine.TerminateAsync(instance.Id, "cancelled");

        (await Bpm.Store.GetTimersOfTaskAsync(token.Id)).ShouldBeEmpty();
        await Should.ThrowAsync<NotFoundException>(() => Bpm.Engine.CorrelateAsync(new MessageCorrelation { MessageName = "payment-received" }));
    }

    [Fact]
    public async Task A_suspended_instance_takes_no_message()
    {
        var instance = await StartAsync(WaitForPayment(), "order-1");
        await Bpm.Engine.SuspendAsync(instance.Id);

        await Should.ThrowAsync<NotFoundException>(() => Bpm.Engine.CorrelateAsync(new MessageCorrelation { MessageName = "payment-received" }));
        await Bpm.Engine.ResumeAsync(instance.Id);

        (await Bpm.Engine.CorrelateAsync(new MessageCorrelation { MessageName = "payment-received" })).ReachedInstanceIds.ShouldBe([instance.Id]);
    }

    private static RouteMap ActionWithMessageBoundary(bool interrupting) =>
        new MapBuilder("guarded").Start()
            .Action("check")
            .End()
            .Add(new BoundaryMessagePoint { Id = "cancel", Name = "Customer cancels", AttachedToId = "check", MessageName = "order-cancelled", CancelsActivity = interrupting })
            .Action("refund", user: "head")
            .End("cancelled-end")
            .Flow("start", "check", "end")
            .Flow("cancel", "refund", "cancelled-end")
            .Build();

    [Fact]
    public async Task An_interrupting_message_boundary_cancels_the_task_and_takes_the_boundary_s_flow()
    {
        var instance = await StartAsync(ActionWithMessageBoundary(interrupting: true), "order-1");
        var task = await Bpm.TaskAtAsync(instance.Id, "check");
        var token = (await Bpm.InstanceAsync(instance.Id)).Tokens.Single();
        (await WaitsOfTokenAtAsync(instance.Id, "check")).ShouldHaveSingleItem().PointId.ShouldBe("cancel");

        await Bpm.Engine.CorrelateAsync(new MessageCorrelation { MessageName = "order-cancelled", BusinessKey = "order-1" });

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["refund"]);
        (await Bpm.Tasks.GetAsync(task.Id)).Status.ShouldBe(Engine.Tasks.WorkTaskStatus.Cancelled);
        (await Bpm.Store.GetTimersOfTaskAsync(token.Id)).Where(t => t.FiredAt is null).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_non_interrupting_message_boundary_sends_a_token_and_keeps_listening_until_the_task_completes()
    {
        var instance = await StartAsync(ActionWithMessageBoundary(interrupting: false), "order-1");

        await Bpm.Engine.CorrelateAsync(new MessageCorrelation { MessageName = "order-cancelled" });
        await Bpm.Engine.CorrelateAsync(new MessageCorrelation { MessageName = "order-cancelled" });

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["check", "refund", "refund"]);
        await Bpm.CompleteAsync(instance.Id, "check");
        await Should.ThrowAsync<NotFoundException>(() => Bpm.Engine.CorrelateAsync(new MessageCorrelation { MessageName = "order-cancelled" }));
    }

    [Fact]
    public async Task The_task_completed_first_removes_its_message_boundary()
    {
        var instance = await StartAsync(ActionWithMessageBoundary(interrupting: true), "order-1");
        var token = (await Bpm.InstanceAsync(instance.Id)).Tokens.Single();

        await Bpm.CompleteAsync(instance.Id, "check");

        (await Bpm.Store.GetTimersOfTaskAsync(token.Id)).ShouldBeEmpty();
        await Should.ThrowAsync<NotFoundException>(() => Bpm.Engine.CorrelateAsync(new MessageCorrelation { MessageName = "order-cancelled" }));
    }

    [Fact]
    public async Task A_message_boundary_on_a_nested_process_terminates_the_child()
    {
        await Bpm.DeployAsync(new MapBuilder("child").Start().Action("inner").End().Flow("start", "inner", "end").Build());
        var map = new MapBuilder("parent").Start()
            .Nested("call", "child")
            .End()
            .Add(new BoundaryMessagePoint { Id = "cancel", AttachedToId = "call", MessageName = "order-cancelled" })
            .End("cancelled-end")
            .Flow("start", "call", "end")
            .Flow("cancel", "cancelled-end")
            .Build();
        var instance = await StartAsync(map, "order-1");
        var child = (await Bpm.Engine.GetChildInstancesAsync(instance.Id)).ShouldHaveSingleItem();

        await Bpm.Engine.CorrelateAsync(new MessageCorrelation { MessageName = "order-cancelled", BusinessKey = "order-1" });

        (await Bpm.InstanceAsync(child.Id)).Status.ShouldBe(InstanceStatus.Terminated);
        (await Bpm.InstanceAsync(instance.Id)).Status.ShouldBe(InstanceStatus.Completed);
    }

    [Fact]
    public async Task A_message_start_starts_the_latest_published_map_when_no_instance_waits()
    {
        var map = new MapBuilder("inbound").Start().Action("answer").End().Flow("start", "answer", "end").Build();
        await Bpm.DeployAsync(map with { Points = [.. map.Points.Select(p => p is StartPoint s ? s with { MessageName = "lead-arrived" } : p)] });

        var result = await Bpm.Engine.CorrelateAsync(new MessageCorrelation
        {
            MessageName = "lead-arrived", BusinessKey = "lead-5", Variables = new Dictionary<string, object?> { ["source"] = "web" },
        });

        result.ReachedInstanceIds.ShouldBeEmpty();
        var started = await Bpm.InstanceAsync(result.StartedInstanceId!.Value);
        (started.MapKey, started.BusinessKey, started.Variables["source"].GetString()).ShouldBe(("inbound", "lead-5", "web"));
        (await Bpm.TokenPointsAsync(started.Id)).ShouldBe(["answer"]);
    }
}
