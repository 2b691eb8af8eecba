using CrmBpm.Engine;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.DependencyInjection;
using CrmBpm.Engine.Events;
using CrmBpm.Engine.Jobs;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Timers;
using CrmBpm.Engine.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBpm.Testing.Scenarios;

/// <summary>
/// Automatic steps: reaching one commits a job, the job executor runs the registered handler outside the command, then
/// sets its variables and moves the token on; failures are retried after the back-off and then become an incident.
/// Driven by a manual clock and by calling the timer processor, never by waiting.
/// </summary>
public abstract class ServiceTaskScenarios : EngineScenario
{
    private HandlerLog Log => Bpm.Services.GetRequiredService<HandlerLog>();

    protected override void ConfigureEngine(CrmBpmBuilder bpm)
    {
        bpm.Services.AddSingleton<HandlerLog>();
        bpm.AddHandler<SendOffer>("send-offer")
            .AddHandler<MailServerDown>("mail")
            .AddHandler<NeverAnswers>("hang")
            .AddHandler<RefusesCredit>("credit-check")
            .AddTransactionHandler<FailsWhenAsked>();
    }

    private static RouteMap StepThenAction(string handler, string? retries = null, string? timeout = null, string key = "automatic") =>
        new MapBuilder(key).Start()
            .Add(new ServicePoint { Id = "step", Name = "Send the offer", Handler = handler, Retries = retries, Timeout = timeout })
            .Action("check")
            .End()
            .Flow("start", "step", "check", "end")
            .Build();

    private async Task<Token> WaitingTokenAsync(Guid instanceId) => (await Bpm.InstanceAsync(instanceId)).Tokens.Single(t => t.PointId == "step");

    [Fact]
    public async Task The_handler_runs_after_the_command_and_the_token_moves_on_with_its_variables()
    {
        var instance = await Bpm.StartAsync(StepThenAction("send-offer"), new { amount = 1200 }, new SubjectReference("deal", "42"));

        // The start committed a job and returned: the handler has not run, the token waits at the step.
        Log.Calls.ShouldBeEmpty();
        instance.Tokens.ShouldHaveSingleItem().State.ShouldBe(TokenState.Waiting);
        var token = await WaitingTokenAsync(instance.Id);
        var job = (await Bpm.Store.GetTimersOfTaskAsync(token.Id)).ShouldHaveSingleItem();
        (job.Kind, job.DueAt, job.Attempt).ShouldBe((TimerKind.Job, Bpm.Clock.GetUtcNow(), 1));

        (await Bpm.Timers.FireDueTimersAsync()).ShouldBe(1);

        var call = Log.Calls.ShouldHaveSingleItem();
        (call.Handler, call.Subject, call.Attempt, call.Amount).ShouldBe(("send-offer", new SubjectReference("deal", "42"), 1, 1200));
        var after = await Bpm.InstanceAsync(instance.Id);
        after.Variables["offerSent"].GetBoolean().ShouldBeTrue();
        after.Variables["offerFor"].GetString().ShouldBe("deal 42");
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["check"]);
        (await Bpm.Engine.GetHistoryAsync(instance.Id)).Select(h => h.Kind).ShouldContain(HistoryKind.JobCompleted);
        (await Bpm.Timers.FireDueTimersAsync()).ShouldBe(0);
        Log.Calls.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_command_that_fails_leaves_no_job_behind()
    {
        await Bpm.DeployAsync(StepThenAction("send-offer"));

        await Should.ThrowAsync<InvalidOperationException>(() =>
            Bpm.Engine.StartAsync("automatic", new StartOptions { JoinedWork = FailsWhenAsked.Fail }));

        Bpm.Clock.Advance(TimeSpan.FromHours(1));
        (await Bpm.Timers.FireDueTimersAsync()).ShouldBe(0);
        Log.Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_failing_handler_is_retried_after_the_back_off_then_becomes_an_incident_with_its_message()
    {
        Log.FailuresLeft = 2;
        var instance = await Bpm.StartAsync(StepThenAction("mail", retries: "R1/PT5M"));

        (await Bpm.Timers.FireDueTimersAsync()).ShouldBe(1);
        (await Bpm.InstanceAsync(instance.Id)).Status.ShouldBe(InstanceStatus.Active);
        (await Bpm.Timers.FireDueTimersAsync()).ShouldBe(0); // the retry waits for its back-off
        Bpm.Clock.Advance(TimeSpan.FromMinutes(5));
        (await Bpm.Timers.FireDueTimersAsync()).ShouldBe(1);

        var stuck = await Bpm.InstanceAsync(instance.Id);
        stuck.Status.ShouldBe(InstanceStatus.Incident);
        stuck.IncidentCode.ShouldBe(IncidentCodes.HandlerFailed);
        stuck.IncidentMessage!.ShouldContain("failed 2 time(s)");
        stuck.IncidentMessage!.ShouldContain("The mail server is down");
        stuck.Tokens.ShouldHaveSingleItem().State.ShouldBe(TokenState.Incident);
        (await Bpm.Engine.GetHistoryAsync(instance.Id)).Count(h => h.Kind == HistoryKind.JobFailed).ShouldBe(1);
        Bpm.Events.All.OfType<IncidentRaised>().ShouldHaveSingleItem().PointId.ShouldBe("step");
        Log.Calls.Select(c => c.Attempt).ShouldBe([1, 2]);
    }

    [Fact]
    public async Task Retrying_the_incident_runs_the_handler_again_with_the_same_idempotency_key()
    {
        Log.FailuresLeft = 1;
        var instance = await Bpm.StartAsync(StepThenAction("mail", retries: "R0/PT0S"));
        await Bpm.Timers.FireDueTimersAsync();
        (await Bpm.InstanceAsync(instance.Id)).Status.ShouldBe(InstanceStatus.Incident);

        var retried = await Bpm.Engine.RetryIncidentAsync(instance.Id);

        retried.Status.ShouldBe(InstanceStatus.Active);
        Log.Calls.Count.ShouldBe(1); // the retry committed a new job; the handler runs after it
        (await Bpm.Timers.FireDueTimersAsync()).ShouldBe(1);
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["check"]);
        Log.Calls.Count.ShouldBe(2);
        Log.Calls[1].IdempotencyKey.ShouldBe(Log.Calls[0].IdempotencyKey);
        Log.Calls[1].Attempt.ShouldBe(1);
    }

    [Fact]
    public async Task A_handler_that_hangs_is_cancelled_at_its_timeout()
    {
        var instance = await Bpm.StartAsync(StepThenAction("hang", retries: "R0/PT0S", timeout: "PT30S"));

        var running = Bpm.Timers.FireDueTimersAsync();
        await Log.HangStarted.Task;
        Bpm.Clock.Advance(TimeSpan.FromSeconds(31));
        (await running).ShouldBe(1);

        // The runner stops waiting at the timeout; the handler sees its token cancelled on its own thread, maybe a moment later.
        await Log.HangCancelled.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var stuck = await Bpm.InstanceAsync(instance.Id);
        stuck.Status.ShouldBe(InstanceStatus.Incident);
        stuck.IncidentCode.ShouldBe(IncidentCodes.HandlerTimedOut);
        stuck.IncidentMessage!.ShouldContain("did not finish within PT30S");
    }

    [Fact]
    public async Task A_business_error_is_an_incident_naming_its_code_and_is_not_retried()
    {
        var instance = await Bpm.StartAsync(StepThenAction("credit-check"));

        await Bpm.Timers.FireDueTimersAsync();

        var stuck = await Bpm.InstanceAsync(instance.Id);
        stuck.Status.ShouldBe(InstanceStatus.Incident);
        stuck.IncidentCode.ShouldBe(IncidentCodes.BusinessErrorUncaught);
        stuck.IncidentMessage!.ShouldContain("'credit-refused'");
        Bpm.Clock.Advance(TimeSpan.FromHours(1));
        (await Bpm.Timers.FireDueTimersAsync()).ShouldBe(0);
        Log.Calls.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_map_calling_a_handler_nobody_registered_is_refused_at_publishing()
    {
        var error = await Should.ThrowAsync<RouteMapValidationException>(() => Bpm.DeployAsync(StepThenAction("nobody-registered")));

        var problem = error.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe("service.handler-unknown");
        problem.Message.ShouldContain("'nobody-registered'");
        problem.Message.ShouldContain("'send-offer'");
    }

    [Fact]
    public async Task A_handler_missing_at_run_time_is_an_incident_saying_how_to_register_it()
    {
        // Published where the handler was registered (another node, an older build): this application lacks it.
        await Bpm.Store.SaveRouteMapAsync(StepThenAction("nobody-registered") with { Version = 1, Status = RouteMapStatus.Published });
        var instance = await Bpm.Engine.StartAsync("automatic");

        await Bpm.Timers.FireDueTimersAsync();

        var stuck = await Bpm.InstanceAsync(instance.Id);
        stuck.Status.ShouldBe(InstanceStatus.Incident);
        stuck.IncidentCode.ShouldBe(IncidentCodes.HandlerUnknown);
        stuck.IncidentMessage!.ShouldContain("No handler named 'nobody-registered' is registered");
        stuck.IncidentMessage!.ShouldContain("AddHandler<T>(\"nobody-registered\")");
    }

    [Fact]
    public async Task The_job_of_a_terminated_instance_does_nothing()
    {
        var instance = await Bpm.StartAsync(StepThenAction("send-offer"));
        await Bpm.Engine.TerminateAsync(instance.Id, "customer withdrew");

        await Bpm.Timers.FireDueTimersAsync();

        Log.Calls.ShouldBeEmpty();
        var after = await Bpm.InstanceAsync(instance.Id);
        after.Status.ShouldBe(InstanceStatus.Terminated);
        after.Variables.ContainsKey("offerSent").ShouldBeFalse();
        (await Bpm.Timers.FireDueTimersAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task The_job_of_a_suspended_instance_waits_until_it_is_resumed()
    {
        var instance = await Bpm.StartAsync(StepThenAction("send-offer"));
        await Bpm.Engine.SuspendAsync(instance.Id);

        await Bpm.Timers.FireDueTimersAsync();
        Log.Calls.ShouldBeEmpty();

        await Bpm.Engine.ResumeAsync(instance.Id);
        Bpm.Clock.Advance(TimeSpan.FromMinutes(1)); // the lease taken while suspended runs out
        (await Bpm.Timers.FireDueTimersAsync()).ShouldBe(1);
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["check"]);
    }

    /// <summary>What the handlers saw, shared by the test and the handlers (each resolved in its own scope).</summary>
    public sealed class HandlerLog
    {
        private readonly List<Call> _calls = [];

        public IReadOnlyList<Call> Calls
        {
            get
            {
                lock (_calls)
                {
                    return [.. _calls];
                }
            }
        }

        public int FailuresLeft { get; set; }

        public TaskCompletionSource HangStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Set when the hanging handler saw its token cancelled (on its own thread, possibly after the runner moved on).</summary>
        public TaskCompletionSource HangCancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Add(ServiceTaskContext context)
        {
            lock (_calls)
            {
                _calls.Add(new Call(context.Handler, context.Subject, context.Attempt, context.IdempotencyKey,
                    context.Variables.TryGetValue("amount", out var amount) ? amount.GetInt32() : null));
            }
        }

        public sealed record Call(string Handler, SubjectReference? Subject, int Attempt, string IdempotencyKey, int? Amount);
    }

    private sealed class SendOffer(HandlerLog log) : IServiceTaskHandler
    {
        public Task<IReadOnlyDictionary<string, object?>?> HandleAsync(ServiceTaskContext context, CancellationToken cancellationToken = default)
        {
            log.Add(context);
            return Task.FromResult<IReadOnlyDictionary<string, object?>?>(new Dictionary<string, object?>
            {
                ["offerSent"] = true,
                ["offerFor"] = $"{context.Subject?.Type} {context.Subject?.Id}",
            });
        }
    }

    private sealed class MailServerDown(HandlerLog log) : IServiceTaskHandler
    {
        public Task<IReadOnlyDictionary<string, object?>?> HandleAsync(ServiceTaskContext context, CancellationToken cancellationToken = default)
        {
            log.Add(context);
            if (log.FailuresLeft-- > 0)
            {
                throw new InvalidOperationException("The mail server is down");
            }

            return Task.FromResult<IReadOnlyDictionary<string, object?>?>(null);
        }
    }

    private sealed class NeverAnswers(HandlerLog log) : IServiceTaskHandler
    {
        public async Task<IReadOnlyDictionary<string, object?>?> HandleAsync(ServiceTaskContext context, CancellationToken cancellationToken = default)
        {
            log.Add(context);
            log.HangStarted.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                log.HangCancelled.TrySetResult();
                throw;
            }

            return null;
        }
    }

    private sealed class RefusesCredit(HandlerLog log) : IServiceTaskHandler
    {
        public Task<IReadOnlyDictionary<string, object?>?> HandleAsync(ServiceTaskContext context, CancellationToken cancellationToken = default)
        {
            log.Add(context);
            throw new BusinessErrorException("credit-refused", "The bureau refused the credit.");
        }
    }

    /// <summary>Fails the command it joins when the caller asks, after the engine staged its changes: nothing may be left.</summary>
    private sealed class FailsWhenAsked : IEngineTransactionHandler
    {
        public static readonly object Fail = new();

        public Task HandleAsync(EngineTransaction transaction, IReadOnlyList<EngineEvent> events, CancellationToken cancellationToken = default) =>
            transaction.JoinedWork == Fail ? throw new InvalidOperationException("The CRM refused the deal.") : Task.CompletedTask;
    }
}
