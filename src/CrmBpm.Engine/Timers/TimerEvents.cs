using System.Text.Json;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Runtime;

namespace CrmBpm.Engine.Timers;

/// <summary>
/// Timer events: reaching one makes the token wait and adds a timer of kind <see cref="TimerKind.TimerEvent"/> to the
/// command's unit of work (it commits with the command or not at all); the timer service leases it when due and
/// <see cref="FireAsync"/> moves the token on, in a command of its own. Waiting is data: no thread ever waits.
/// </summary>
internal sealed class TimerEvents(RouteMapCatalog catalog, InstanceExecutor executor)
{
    /// <summary>
    /// Makes the token wait at <paramref name="point"/> until its timer is due; a timer that cannot say when (an expression
    /// that fails or gives neither a duration nor a date) is an incident at the point, retried like any other.
    /// </summary>
    public static void Schedule(CommandContext context, ProcessInstance instance, Token token, TimerWaitPoint point, IExpressionEvaluator expressions)
    {
        if (DueAt(context.Now, point.Timer, instance.Variables, expressions, out var error) is not { } due)
        {
            InstanceExecutor.RaiseIncident(context, instance, token, $"The timer of {point.KindName} '{point.DisplayName}' {error}");
            return;
        }

        InstanceExecutor.Replace(instance, token, token with { State = TokenState.Waiting });
        context.Session.AddTimer(new TimerRecord { InstanceId = instance.Id, TaskId = token.Id, Kind = TimerKind.TimerEvent, DueAt = due, Attempt = 1 });
        context.Record(instance, HistoryKind.TimerScheduled, pointId: point.Id, details: $"due {due:u}");
    }

    /// <summary>When the timer first fires: its literal read as its kind, or its expression evaluated now.</summary>
    public static DateTimeOffset? DueAt(DateTimeOffset now, TimerDefinition? timer, IReadOnlyDictionary<string, JsonElement> variables, IExpressionEvaluator expressions, out string? error)
    {
        if (timer is null)
        {
            error = "has no definition (a duration, a date or a cycle).";
            return null;
        }

        if (!timer.IsExpression)
        {
            var due = timer.FirstDue(now, out var literalError);
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
        var result = TimerDefinition.Due(timer.Kind, text, now, fromExpression: timer.Kind != TimerDefinitionKind.Cycle, out var valueError);
        error = valueError is null ? null : $"expression '{timer.Value}' {(timer.Kind == TimerDefinitionKind.Cycle ? "gave " + valueError : valueError)}";
        return result;
    }

    /// <summary>
    /// Fires a leased timer event inside <paramref name="context"/>'s command (the caller has checked the lease and marked the
    /// timer fired): the token waiting for it leaves the point and the instance runs on. True when a token moved; a timer whose
    /// token is gone (the instance ended or was terminated, the token moved on) fires to nothing.
    /// </summary>
    public async Task<bool> FireAsync(CommandContext context, ProcessInstance instance, TimerRecord timer, CancellationToken cancellationToken)
    {
        var token = instance.IsRunning ? instance.Tokens.FirstOrDefault(t => t.Id == timer.TaskId && t.State == TokenState.Waiting) : null;
        if (token is null)
        {
            return false;
        }

        var map = await catalog.GetAsync(instance.MapKey, instance.MapVersion, cancellationToken).ConfigureAwait(false);
        if (map.Map.FindPoint(token.PointId) is not TimerWaitPoint point)
        {
            return false;
        }

        context.Record(instance, HistoryKind.TimerFired, pointId: point.Id, details: $"due {timer.DueAt:u}");
        executor.Leave(context, instance, map, token with { State = TokenState.Ready });
        await executor.RunAsync(context, instance, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Removes the unfired timers of the instance's tokens (timer events, jobs): it is ending and they have nothing to move.</summary>
    public static void CancelPending(CommandContext context, ProcessInstance instance)
    {
        foreach (var token in instance.Tokens)
        {
            context.Session.RemoveTimersOfTask(token.Id);
        }
    }
}
