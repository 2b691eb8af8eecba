using System.Text.Json;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Runtime;

namespace CrmBpm.Engine.Timers;

/// <summary>
/// Timer events and boundary timers. Reaching a timer event makes the token wait and adds a timer of kind <see cref="TimerKind.TimerEvent"/> to the
/// command's unit of work (it commits with the command or not at all); the timer service leases it when due and
/// <see cref="FireAsync"/> moves the token on, in a command of its own. A boundary timer is committed the same way when a token
/// starts waiting at its activity, and removed when the token leaves it. Waiting is data: no thread ever waits.
/// </summary>
internal sealed class TimerEvents(RouteMapCatalog catalog, InstanceExecutor executor, IExpressionEvaluator expressions)
{
    /// <summary>
    /// Makes the token wait at <paramref name="point"/> until its timer is due; a timer that cannot say when (an expression
    /// that fails or gives neither a duration nor a date) is an incident at the point, retried like any other.
    /// </summary>
    public static void Schedule(CommandContext context, ProcessInstance instance, Token token, TimerWaitPoint point, IExpressionEvaluator expressions)
    {
        if (DueAt(context.Now, context.Calendar, point.Timer, instance.Variables, expressions, out var error) is not { } due)
        {
            InstanceExecutor.RaiseIncident(context, instance, token, IncidentCodes.TimerUnreadable, $"The timer of {point.KindName} '{point.DisplayName}' {error}");
            return;
        }

        InstanceExecutor.Replace(instance, token, token with { State = TokenState.Waiting });
        context.Session.AddTimer(new TimerRecord { InstanceId = instance.Id, TaskId = token.Id, Kind = TimerKind.TimerEvent, DueAt = due, Attempt = 1 });
        context.Record(instance, HistoryKind.TimerScheduled, pointId: point.Id, details: $"due {due:u}");
    }

    /// <summary>
    /// When the timer first fires: its literal read as its kind, or its expression evaluated now; a duration counted in
    /// <paramref name="calendar"/>'s working time when the timer says so.
    /// </summary>
    public static DateTimeOffset? DueAt(DateTimeOffset now, Calendar.IBusinessCalendar calendar, TimerDefinition? timer, IReadOnlyDictionary<string, JsonElement> variables, IExpressionEvaluator expressions, out string? error)
    {
        if (timer is null)
        {
            error = "has no definition (a duration, a date or a cycle).";
            return null;
        }

        if (!timer.IsExpression)
        {
            var due = timer.FirstDue(now, out var literalError, calendar);
            error = literalError is null ? null : $"cannot be read: {literalError}";
            return due;
        }

        JsonElement value;
        try
        {
            value = expressions.Evaluate(timer.Value, variables);
        }
        catch (ExpressionException ex)
        {
            error = $"expression '{timer.Value}' failed: {ex.Message}";
            return null;
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
        var result = TimerDefinition.Due(timer.Kind, text, now, fromExpression: timer.Kind != TimerDefinitionKind.Cycle, out var valueError, timer.InWorkingTime ? calendar : null);
        error = valueError is null ? null : $"expression '{timer.Value}' {(timer.Kind == TimerDefinitionKind.Cycle ? "gave " + valueError : valueError)}";
        return result;
    }

    /// <summary>
    /// The boundary timers of <paramref name="activity"/>, computed before its work starts (tasks created, child started), so
    /// that a timer that cannot say when is an incident at the activity before anything was done there; false then.
    /// </summary>
    public static bool TryPrepareBoundaries(CommandContext context, ProcessInstance instance, CompiledRouteMap map, Token token, Point activity, IExpressionEvaluator expressions, out List<TimerRecord> timers)
    {
        timers = [];
        foreach (var boundary in map.Boundaries(activity.Id).OfType<BoundaryTimerPoint>())
        {
            if (DueAt(context.Now, context.Calendar, boundary.Timer, instance.Variables, expressions, out var error) is not { } due)
            {
                InstanceExecutor.RaiseIncident(context, instance, token, IncidentCodes.TimerUnreadable, $"The timer of {boundary.KindName} '{boundary.DisplayName}' on {activity.KindName} '{activity.DisplayName}' {error}");
                return false;
            }

            timers.Add(new TimerRecord { InstanceId = instance.Id, TaskId = token.Id, PointId = boundary.Id, Kind = TimerKind.BoundaryTimer, DueAt = due, Attempt = 1 });
        }

        return true;
    }

    /// <summary>Commits the prepared boundary timers if the token waits at the activity now (it did not pass it at once).</summary>
    public static void StartBoundaries(CommandContext context, ProcessInstance instance, Token token, List<TimerRecord> timers)
    {
        if (timers.Count == 0 || !instance.Tokens.Any(t => t.Id == token.Id && t.State == TokenState.Waiting))
        {
            return;
        }

        foreach (var timer in timers)
        {
            context.Session.AddTimer(timer);
            if (timer.IsSubscription)
            {
                context.Record(instance, HistoryKind.EventSubscribed, pointId: timer.PointId, details: timer.CorrelationKey is null ? timer.EventName : $"{timer.EventName}, key {timer.CorrelationKey}");
            }
            else
            {
                context.Record(instance, HistoryKind.TimerScheduled, pointId: timer.PointId, details: $"due {timer.DueAt:u}");
            }
        }
    }

    /// <summary>
    /// Fires a leased timer event or boundary timer inside <paramref name="context"/>'s command (the caller has checked the
    /// lease and marked the timer fired). True when a token moved; a timer whose token is gone (the instance ended or was
    /// terminated, the token moved on, the activity finished) fires to nothing.
    /// </summary>
    public async Task<bool> FireAsync(CommandContext context, ProcessInstance instance, TimerRecord timer, CancellationToken cancellationToken)
    {
        if (EventSubProcesses.IsListener(instance, timer))
        {
            return instance.IsRunning && await FireEventSubProcessAsync(context, instance, timer, cancellationToken).ConfigureAwait(false);
        }

        var token = instance.IsRunning ? instance.Tokens.FirstOrDefault(t => t.Id == timer.TaskId && t.State == TokenState.Waiting) : null;
        if (token is null)
        {
            return false;
        }

        var map = await catalog.GetAsync(instance.MapKey, instance.MapVersion, cancellationToken).ConfigureAwait(false);
        switch (timer.Kind, map.Map.FindPoint(token.PointId), timer.PointId is null ? null : map.Map.FindPoint(timer.PointId))
        {
            case (TimerKind.TimerEvent, EventGatewayPoint gateway, TimerWaitPoint target):
                context.Record(instance, HistoryKind.TimerFired, pointId: target.Id, details: $"due {timer.DueAt:u}");
                executor.PassEventGateway(context, instance, map, token, gateway, target);
                break;
            case (TimerKind.TimerEvent, TimerWaitPoint point, _):
                context.Record(instance, HistoryKind.TimerFired, pointId: point.Id, details: $"due {timer.DueAt:u}");
                executor.Leave(context, instance, map, token with { State = TokenState.Ready });
                break;
            case (TimerKind.BoundaryTimer, { } activity, BoundaryTimerPoint boundary) when boundary.AttachedToId == activity.Id:
                await FireBoundaryAsync(context, instance, map, token, activity, boundary, timer, cancellationToken).ConfigureAwait(false);
                break;
            default:
                return false;
        }

        await executor.RunAsync(context, instance, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Fires the boundary (see <see cref="BoundaryEvents.FireAsync"/>); a non-interrupting cycle first schedules its next firing,
    /// one interval after this one was due, until its count is reached.
    /// </summary>
    private async Task FireBoundaryAsync(CommandContext context, ProcessInstance instance, CompiledRouteMap map, Token token, Point activity, BoundaryTimerPoint boundary, TimerRecord timer, CancellationToken cancellationToken)
    {
        context.Record(instance, HistoryKind.TimerFired, pointId: boundary.Id,
            details: $"due {timer.DueAt:u}{(boundary.CancelsActivity ? $", cancels '{activity.DisplayName}'" : "")}{(timer.Attempt > 1 ? $", firing {timer.Attempt}" : "")}");
        if (!boundary.CancelsActivity && Repetitions(boundary.Timer, timer, instance.Variables) is { } cycle && timer.Attempt < cycle.Count)
        {
            context.Session.AddTimer(new TimerRecord
            {
                InstanceId = instance.Id, TaskId = token.Id, PointId = boundary.Id, Kind = TimerKind.BoundaryTimer, Attempt = timer.Attempt + 1,
                DueAt = boundary.Timer!.InWorkingTime ? context.Calendar.Add(timer.DueAt, Calendar.WorkingDuration.FromTimeSpan(cycle.Interval)) : timer.DueAt + cycle.Interval,
            });
        }

        await BoundaryEvents.FireAsync(executor, context, instance, map, token, activity, boundary, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// An event sub-process's timer start fired; a non-interrupting one with a cycle listens for its next firing, one interval
    /// after this one was due, until the cycle's count is reached.
    /// </summary>
    private async Task<bool> FireEventSubProcessAsync(CommandContext context, ProcessInstance instance, TimerRecord timer, CancellationToken cancellationToken)
    {
        var map = await catalog.GetAsync(instance.MapKey, instance.MapVersion, cancellationToken).ConfigureAwait(false);
        TimerRecord? next = null;
        if (EventSubProcesses.Find(map, timer.PointId) is var (subProcess, start)
            && Repetitions(start.Timer, timer, instance.Variables) is { } cycle && timer.Attempt < cycle.Count)
        {
            next = EventSubProcesses.Timer(instance, subProcess, timer.DueAt + cycle.Interval, timer.Attempt + 1);
        }

        return await executor.FireEventSubProcessAsync(context, instance, timer, Variables.None, next, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A cycle's count and interval: the literal's, or what its expression gives now.</summary>
    private (int Count, TimeSpan Interval)? Repetitions(TimerDefinition? definition, TimerRecord timer, IReadOnlyDictionary<string, JsonElement> variables)
    {
        if (definition is not { Kind: TimerDefinitionKind.Cycle } || timer.Kind != TimerKind.BoundaryTimer)
        {
            return null;
        }

        if (!definition.IsExpression)
        {
            return definition.Repetitions();
        }

        try
        {
            var value = expressions.Evaluate(definition.Value, variables);
            return value.ValueKind == JsonValueKind.String ? definition.Repetitions(value.GetString()) : null;
        }
        catch (ExpressionException)
        {
            return null; // it gave a cycle when the activity started; one that fails now stops repeating
        }
    }

    /// <summary>
    /// Removes the unfired timers of the instance's tokens (timer events, jobs) and its event sub-processes' waits: it is ending
    /// and they have nothing to move.
    /// </summary>
    public static void CancelPending(CommandContext context, ProcessInstance instance)
    {
        foreach (var token in instance.Tokens)
        {
            context.Session.RemoveTimersOfTask(token.Id);
        }

        context.Session.RemoveTimersOfTask(instance.Id);
    }
}
