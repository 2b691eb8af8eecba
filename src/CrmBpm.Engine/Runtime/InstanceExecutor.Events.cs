using System.Text.Json;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Timers;

namespace CrmBpm.Engine.Runtime;

/// <summary>Waiting for messages and signals: adding a subscription, delivering to one, and broadcasting a signal.</summary>
internal sealed partial class InstanceExecutor
{
    /// <summary>Adds a message or signal subscription a token waits on, and records that the instance subscribed at <paramref name="pointId"/>.</summary>
    internal static void AddSubscription(CommandContext context, ProcessInstance instance, TimerRecord subscription, string pointId)
    {
        context.Session.AddTimer(subscription);
        context.Record(instance, HistoryKind.EventSubscribed, pointId: pointId,
            details: subscription.CorrelationKey is null ? subscription.EventName : $"{subscription.EventName}, key {subscription.CorrelationKey}");
    }

    /// <summary>
    /// Fires <paramref name="subscription"/> (loaded in this command, unfired) with the variables the message or signal carries,
    /// and runs the instance on. False, the subscription left as it is, when its token no longer waits where it subscribed.
    /// </summary>
    public async Task<bool> DeliverAsync(CommandContext context, ProcessInstance instance, TimerRecord subscription, IReadOnlyDictionary<string, JsonElement> variables, CancellationToken cancellationToken)
    {
        if (EventSubProcesses.IsListener(instance, subscription))
        {
            // An event sub-process's start: a non-interrupting one goes on listening after each message or signal.
            subscription.FiredAt = context.Now;
            var next = EventSubscriptions.New(instance, instance.Id, subscription.Kind, subscription.EventName!, subscription.CorrelationKey, subscription.PointId, subscription.Attempt + 1);
            if (!instance.IsRunning || !await FireEventSubProcessAsync(context, instance, subscription, variables, next, cancellationToken).ConfigureAwait(false))
            {
                subscription.FiredAt = null;
                return false;
            }

            return true;
        }

        var token = instance.IsRunning ? instance.Tokens.FirstOrDefault(t => t.Id == subscription.TaskId && t.State == TokenState.Waiting) : null;
        if (token is null)
        {
            return false;
        }

        var map = await catalog.GetAsync(instance.MapKey, instance.MapVersion, cancellationToken).ConfigureAwait(false);
        var point = map.Map.FindPoint(token.PointId);
        var boundary = subscription.PointId is null ? null : map.Map.FindPoint(subscription.PointId) as BoundaryEventPoint;
        if (point is EventGatewayPoint gateway)
        {
            if (subscription.PointId is null || map.Map.FindPoint(subscription.PointId) is not ({ } target and (MessageWaitPoint or SignalWaitPoint)))
            {
                return false;
            }

            limits.Ensure(instance.Variables, variables);
            subscription.FiredAt = context.Now;
            instance.SetVariables(variables);
            context.Record(instance, subscription.Kind == TimerKind.MessageSubscription ? HistoryKind.MessageReceived : HistoryKind.SignalReceived, pointId: target.Id, details: subscription.EventName);
            PassEventGateway(context, instance, map, token, gateway, target);
            await RunAsync(context, instance, cancellationToken).ConfigureAwait(false);
            return true;
        }

        var fits = subscription.PointId is null
            ? point is MessageWaitPoint or SignalWaitPoint
            : boundary is BoundaryMessagePoint or BoundarySignalPoint && boundary.AttachedToId == token.PointId;
        if (!fits)
        {
            return false;
        }

        limits.Ensure(instance.Variables, variables);
        subscription.FiredAt = context.Now;
        context.Touch(instance);
        if (variables.Count > 0)
        {
            instance.SetVariables(variables);
        }

        var kind = subscription.Kind == TimerKind.MessageSubscription ? HistoryKind.MessageReceived : HistoryKind.SignalReceived;
        if (boundary is null)
        {
            context.Record(instance, kind, pointId: point!.Id, details: subscription.EventName);
            Leave(context, instance, map, token with { State = TokenState.Ready });
        }
        else
        {
            context.Record(instance, kind, pointId: boundary.Id,
                details: $"{subscription.EventName}{(boundary.CancelsActivity ? $", cancels '{point!.DisplayName}'" : "")}");
            if (!boundary.CancelsActivity)
            {
                // A non-interrupting boundary goes on listening while the activity runs.
                context.Session.AddTimer(EventSubscriptions.New(instance, token.Id, subscription.Kind, subscription.EventName!, subscription.CorrelationKey, boundary.Id, subscription.Attempt + 1));
            }

            await BoundaryEvents.FireAsync(this, context, instance, map, token, point!, boundary, cancellationToken).ConfigureAwait(false);
        }

        await RunAsync(context, instance, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Broadcasts a signal inside the command: every subscription of that name waiting now (those added earlier in this
    /// command included) in every running instance is fired, oldest first; then every map with a signal start of that name
    /// starts one instance (<see cref="SignalStarts"/>). Returns the instances reached, each once, then those started.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> BroadcastAsync(CommandContext context, string signalName, IReadOnlyDictionary<string, JsonElement> variables, CancellationToken cancellationToken)
    {
        var reached = new List<Guid>();
        foreach (var subscription in await context.Session.FindSubscriptionsAsync(TimerKind.SignalSubscription, signalName, cancellationToken).ConfigureAwait(false))
        {
            if (subscription.FiredAt is not null ||
                await context.Session.GetInstanceAsync(subscription.InstanceId, cancellationToken).ConfigureAwait(false) is not { IsRunning: true } instance)
            {
                continue;
            }

            if (await DeliverAsync(context, instance, subscription, variables, cancellationToken).ConfigureAwait(false) && !reached.Contains(instance.Id))
            {
                reached.Add(instance.Id);
            }
        }

        // After the waits: an instance started now does not catch the signal that started it.
        reached.AddRange(await SignalStarts.StartAsync(context, this, catalog, options, signalName, variables, cancellationToken).ConfigureAwait(false));
        return reached;
    }

    /// <summary>A signal thrown by a map (an intermediate throw or a signal end) reaches every waiting subscription, in this command.</summary>
    internal async Task ThrowSignalAsync(CommandContext context, ProcessInstance instance, string pointId, string signalName, CancellationToken cancellationToken)
    {
        var reached = await BroadcastAsync(context, signalName, Variables.None, cancellationToken).ConfigureAwait(false);
        context.Record(instance, HistoryKind.SignalThrown, pointId: pointId, details: $"{signalName}, reached or started {reached.Count} instance(s)");
    }
}
