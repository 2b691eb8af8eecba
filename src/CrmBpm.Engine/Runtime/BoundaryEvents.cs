using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Timers;

namespace CrmBpm.Engine.Runtime;

/// <summary>
/// The boundary events of an activity, whatever they wait for. Their waits (timers, message and signal subscriptions) are
/// prepared before the activity's work starts, so one that cannot be set up is an incident at the activity before anything
/// was done there; they are committed only if the token then waits at the activity, and removed with the token's other waits
/// when it leaves. Firing one interrupts the activity or runs beside it, the same for every kind.
/// </summary>
internal static class BoundaryEvents
{
    /// <summary>Prepares the waits of every boundary event of <paramref name="activity"/>; false (an incident raised) when one cannot be.</summary>
    public static bool TryPrepare(CommandContext context, ProcessInstance instance, CompiledRouteMap map, Token token, Point activity, IExpressionEvaluator expressions, out List<TimerRecord> waits)
    {
        if (!TimerEvents.TryPrepareBoundaries(context, instance, map, token, activity, expressions, out waits))
        {
            return false;
        }

        foreach (var boundary in map.Boundaries(activity.Id))
        {
            switch (boundary)
            {
                case BoundaryMessagePoint message:
                    if (!EventSubscriptions.TryCorrelationKey(message.CorrelationKey, instance.Variables, expressions, out var key, out var error))
                    {
                        InstanceExecutor.RaiseIncident(context, instance, token, IncidentCodes.CorrelationKeyFailed, $"{message.KindName} '{message.DisplayName}' on {activity.KindName} '{activity.DisplayName}': {error}");
                        return false;
                    }

                    waits.Add(EventSubscriptions.New(instance, token.Id, TimerKind.MessageSubscription, message.MessageName, key, message.Id));
                    break;
                case BoundarySignalPoint signal:
                    waits.Add(EventSubscriptions.New(instance, token.Id, TimerKind.SignalSubscription, signal.SignalName, null, signal.Id));
                    break;
            }
        }

        return true;
    }

    /// <summary>Commits the prepared waits if the token waits at the activity now (it did not pass it at once).</summary>
    public static void Start(CommandContext context, ProcessInstance instance, Token token, List<TimerRecord> waits) =>
        TimerEvents.StartBoundaries(context, instance, token, waits);

    /// <summary>
    /// Fires <paramref name="boundary"/> of the activity <paramref name="token"/> waits at. Interrupting: the activity is cancelled
    /// (its open tasks, its nested instance and everything below it, its job) with its other waits, and the token leaves by the
    /// boundary's flows instead. Non-interrupting: a new token leaves by the boundary's flows and the activity goes on.
    /// </summary>
    public static async Task FireAsync(InstanceExecutor executor, CommandContext context, ProcessInstance instance, CompiledRouteMap map, Token token, Point activity, BoundaryEventPoint boundary, CancellationToken cancellationToken)
    {
        var fired = new Token { Id = Ids.Next(), PointId = boundary.Id };
        if (boundary.CancelsActivity)
        {
            await ActivityInterruption.CancelAsync(context, instance, token, $"{boundary.KindName.ToLowerInvariant()} '{boundary.DisplayName}' fired", cancellationToken).ConfigureAwait(false);
            InstanceExecutor.Replace(instance, token, fired);
        }
        else
        {
            instance.MutableTokens.Insert(instance.MutableTokens.FindIndex(t => t.Id == token.Id) + 1, fired);
        }

        executor.Leave(context, instance, map, fired);
    }
}
