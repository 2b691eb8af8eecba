using System.Text.Json;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;
using CrmBpm.Engine.Timers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CrmBpm.Engine.Jobs;

/// <summary>
/// Runs one leased job (<see cref="TimerKind.Job"/>) in three steps, so the handler never runs inside a transaction:
/// <list type="number">
/// <item>a short command checks the token still waits at the step, takes a snapshot of the variables and stretches the
/// lease over the handler's timeout (a job whose token is gone, the instance ended or moved on, is marked done);</item>
/// <item>the handler runs, in a new DI scope, cancelled at the step's timeout;</item>
/// <item>a new command records the outcome if the job is still unfinished and the token still there: the variables are set
/// and the token leaves, or a retry is scheduled after the back-off, or the token gets an incident.</item>
/// </list>
/// A node that dies between 2 and 3 leaves the job to run again when its lease ends: at least once, never recorded twice.
/// </summary>
internal sealed partial class JobRunner(
    CommandRunner runner,
    RouteMapCatalog catalog,
    InstanceExecutor executor,
    VariableLimits limits,
    CrmBpmOptions options,
    TimeProvider clock,
    IServiceScopeFactory scopes,
    ILogger<JobRunner> logger)
{
    /// <summary>Runs the job; true when its outcome was recorded (or it had nothing left to do).</summary>
    public async Task<bool> RunAsync(TimerRecord leased, CancellationToken cancellationToken)
    {
        var work = await ClaimAsync(leased, cancellationToken).ConfigureAwait(false);
        if (work is null)
        {
            return false;
        }

        if (work.Context is null)
        {
            return true;
        }

        var outcome = await CallHandlerAsync(work, cancellationToken).ConfigureAwait(false);
        return await RecordAsync(leased, work, outcome, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Null: not this node's to run now (fired elsewhere, lease lost, instance suspended). No context: nothing left to do.</summary>
    private Task<ClaimedJob?> ClaimAsync(TimerRecord leased, CancellationToken cancellationToken) =>
        runner.RunAsync(Actor.System.UserId, async context =>
        {
            var instance = await context.Session.GetInstanceAsync(leased.InstanceId, cancellationToken).ConfigureAwait(false);
            var timer = await context.Session.GetTimerAsync(leased.Id, cancellationToken).ConfigureAwait(false);
            if (timer is null || timer.FiredAt is not null || timer.LeaseOwner != options.NodeId || instance is { Status: InstanceStatus.Suspended })
            {
                // A suspended instance's job waits: its lease runs out and it is taken again after the resume.
                return null;
            }

            var found = instance is { IsRunning: true } ? await FindStepAsync(instance, timer, cancellationToken).ConfigureAwait(false) : null;
            if (found is not { Point: var point })
            {
                timer.FiredAt = context.Now; // the instance was terminated or the token moved on meanwhile: nothing to run
                return new ClaimedJob(null, TimeSpan.Zero);
            }

            var timeout = RetryCycle.TimeoutOf(point);
            timer.LeaseUntil = context.Now + timeout + options.TimerLeaseDuration;
            return new ClaimedJob(new ServiceTaskContext
            {
                InstanceId = instance!.Id,
                MapKey = instance.MapKey,
                PointId = point.Id,
                Handler = point.Handler,
                Variables = new Dictionary<string, JsonElement>(instance.Variables, StringComparer.Ordinal),
                Subject = instance.Subject,
                BusinessKey = instance.BusinessKey,
                IdempotencyKey = ServiceJobs.IdempotencyKey(instance.Id, timer.TaskId),
                Attempt = timer.Attempt,
            }, timeout);
        }, cancellationToken);

    private async Task<JobOutcome> CallHandlerAsync(ClaimedJob work, CancellationToken cancellationToken)
    {
        var context = work.Context!;
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var handler = scope.ServiceProvider.GetKeyedService<IServiceTaskHandler>(context.Handler);
            if (handler is null)
            {
                return new JobOutcome.Stuck(IncidentCodes.HandlerUnknown,
                    $"No handler named '{context.Handler}' is registered in this application; register it with bpm.AddHandler<T>(\"{context.Handler}\"), then retry the incident.");
            }

            using var timeout = new CancellationTokenSource(work.Timeout, clock);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
            try
            {
                // WaitAsync: a handler that ignores its token is not waited for past the timeout either.
                var returned = await handler.HandleAsync(context, linked.Token).WaitAsync(linked.Token).ConfigureAwait(false);
                return new JobOutcome.Succeeded(Variables.From(returned));
            }
            catch (BusinessErrorException ex)
            {
                return new JobOutcome.BusinessError(ex.Code, ex.Message);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw; // the host is stopping: the job runs again when its lease ends
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                return new JobOutcome.Failed(IncidentCodes.HandlerTimedOut, $"The handler '{context.Handler}' did not finish within {System.Xml.XmlConvert.ToString(work.Timeout)} and was cancelled.");
            }
#pragma warning disable CA1031 // whatever the embedder's handler throws is a failed run, retried and then an incident
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogHandlerFailed(logger, ex, context.Handler, context.InstanceId, context.Attempt);
                return new JobOutcome.Failed(IncidentCodes.HandlerFailed, $"The handler '{context.Handler}' failed: {ex.GetType().Name}: {ex.Message}");
            }
        }
    }

    private Task<bool> RecordAsync(TimerRecord leased, ClaimedJob work, JobOutcome outcome, CancellationToken cancellationToken) =>
        runner.RunAsync(Actor.System.UserId, async context =>
        {
            // Instance first, then the job: a second node recording the same job either sees it done or fails the commit.
            var instance = await context.Session.GetInstanceAsync(leased.InstanceId, cancellationToken).ConfigureAwait(false);
            var timer = await context.Session.GetTimerAsync(leased.Id, cancellationToken).ConfigureAwait(false);
            if (timer is null || timer.FiredAt is not null || instance is { Status: InstanceStatus.Suspended })
            {
                return false; // recorded by another node, or suspended meanwhile: it runs again after the resume
            }

            timer.FiredAt = context.Now;
            var found = instance is { IsRunning: true } ? await FindStepAsync(instance, timer, cancellationToken).ConfigureAwait(false) : null;
            if (found is not { Map: var map, Point: var point })
            {
                return true; // cancelled or moved on while the handler ran: its result has nowhere to go
            }

            var token = instance!.Tokens.First(t => t.Id == timer.TaskId);
            context.Touch(instance);
            await ApplyAsync(context, instance, map, token, point, timer, outcome, cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    /// <summary>
    /// Records one run's outcome on the token waiting at the step (the caller has marked the job done): variables set and the
    /// token leaves, or a retry after the back-off, or the step's error boundary, or an incident. Shared with external workers.
    /// </summary>
    internal async Task ApplyAsync(CommandContext context, ProcessInstance instance, CompiledRouteMap map, Token token, ServicePoint point, TimerRecord timer, JobOutcome outcome, CancellationToken cancellationToken)
    {
        switch (outcome)
        {
            case JobOutcome.Succeeded succeeded when limits.Find(instance.Variables, succeeded.Variables) is { } tooLarge:
                InstanceExecutor.RaiseIncident(context, instance, token, IncidentCodes.VariablesRefused, $"{Describe(point)}: the variables its handler returned were refused: {tooLarge.Message}");
                break;
            case JobOutcome.Succeeded succeeded:
                instance.SetVariables(succeeded.Variables);
                context.Record(instance, HistoryKind.JobCompleted, pointId: point.Id, details: string.Join(", ", succeeded.Variables.Keys));
                executor.Leave(context, instance, map, token with { State = TokenState.Ready });
                await executor.RunAsync(context, instance, cancellationToken).ConfigureAwait(false);
                break;
            case JobOutcome.Failed failed when timer.Attempt <= RetryCycle.Of(point).Retries:
                var next = context.Now + RetryCycle.Of(point).BackOff;
                context.Session.AddTimer(ServiceJobs.NewJob(instance.Id, token.Id, next, timer.Attempt + 1));
                context.Record(instance, HistoryKind.JobFailed, pointId: point.Id,
                    details: $"attempt {timer.Attempt} of {RetryCycle.Of(point).Retries + 1}: {failed.Message} Next try at {next:u}.");
                break;
            case JobOutcome.Failed failed:
                InstanceExecutor.RaiseIncident(context, instance, token, failed.IncidentCode, $"{Describe(point)} failed {timer.Attempt} time(s). {failed.Message}");
                break;
            case JobOutcome.BusinessError error:
                await ThrowAsync(context, instance, map, token, point, error, cancellationToken).ConfigureAwait(false);
                break;
            case JobOutcome.Stuck stuck:
                InstanceExecutor.RaiseIncident(context, instance, token, stuck.IncidentCode, $"{Describe(point)}: {stuck.Message}");
                break;
        }
    }

    /// <summary>A business error from the step's handler (or its external worker): its error boundary catches it, else an incident naming the code.</summary>
    internal async Task ThrowAsync(CommandContext context, ProcessInstance instance, CompiledRouteMap map, Token token, ServicePoint point, JobOutcome.BusinessError error, CancellationToken cancellationToken)
    {
        context.Record(instance, HistoryKind.ErrorThrown, pointId: point.Id, details: $"'{error.Code}': {error.Message}");
        if (await ErrorEvents.TryCatchAsync(context, executor, instance, map, token, error.Code, error.Message, cancellationToken).ConfigureAwait(false))
        {
            await executor.RunAsync(context, instance, cancellationToken).ConfigureAwait(false);
            return;
        }

        InstanceExecutor.RaiseIncident(context, instance, token, IncidentCodes.BusinessErrorUncaught,
            $"{Describe(point)}: the handler '{point.Handler}' raised the business error '{error.Code}': {error.Message} No error boundary on the step catches it.");
    }

    /// <summary>The step the job's token waits at, or null when the token is no longer waiting there.</summary>
    internal async Task<(CompiledRouteMap Map, ServicePoint Point)?> FindStepAsync(ProcessInstance instance, TimerRecord job, CancellationToken cancellationToken)
    {
        var token = instance.Tokens.FirstOrDefault(t => t.Id == job.TaskId && t.State == TokenState.Waiting);
        if (token is null)
        {
            return null;
        }

        var map = await catalog.GetAsync(instance.MapKey, instance.MapVersion, cancellationToken).ConfigureAwait(false);
        return map.Map.FindPoint(token.PointId) is ServicePoint point ? (map, point) : null;
    }

    private static string Describe(ServicePoint point) => $"Automatic step '{point.DisplayName}'";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handler {Handler} failed on instance {InstanceId} (attempt {Attempt}).")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string handler, Guid instanceId, int attempt);

    private sealed record ClaimedJob(ServiceTaskContext? Context, TimeSpan Timeout);
}
