using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Errors;
using CrmBpm.Engine.Tasks;
using CrmBpm.Engine.Timers;

namespace CrmBpm.Engine.Runtime;

/// <summary>Messages and signals from outside: correlation and broadcast.</summary>
internal sealed partial class ProcessEngine
{
    public async Task<CorrelationResult> CorrelateAsync(MessageCorrelation message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (string.IsNullOrWhiteSpace(message.MessageName))
        {
            throw new InputException("message.name-missing", "messageName", "A message needs a name.");
        }

        var variables = Variables.From(message.Variables);
        var correlation = Variables.From(message.CorrelationVariables);
        limits.Ensure(Variables.None, variables);
        return await runner.RunAsync(message.Actor ?? Actor.System.UserId, async context =>
        {
            var reached = new List<Guid>();
            foreach (var subscription in await context.Session.FindSubscriptionsAsync(TimerKind.MessageSubscription, message.MessageName, cancellationToken).ConfigureAwait(false))
            {
                if (reached.Contains(subscription.InstanceId) ||
                    !string.Equals(subscription.CorrelationKey, message.CorrelationKey, StringComparison.Ordinal) ||
                    await context.Session.GetInstanceAsync(subscription.InstanceId, cancellationToken).ConfigureAwait(false) is not { IsRunning: true } instance ||
                    !EventSubscriptions.Matches(instance, message.BusinessKey, correlation))
                {
                    continue;
                }

                if (await executor.DeliverAsync(context, instance, subscription, variables, cancellationToken).ConfigureAwait(false))
                {
                    reached.Add(instance.Id);
                    if (!message.All)
                    {
                        break;
                    }
                }
            }

            if (reached.Count > 0)
            {
                return new CorrelationResult { ReachedInstanceIds = reached };
            }

            var start = await FindMessageStartAsync(message.MessageName, cancellationToken).ConfigureAwait(false)
                ?? throw new NotFoundException("message.not-correlated",
                    $"No instance waits for message '{message.MessageName}'{Describe(message)} and no published map starts on it; it was not delivered.");
            var started = await executor.StartAsync(context, start, variables, null, message.BusinessKey, null, null, cancellationToken).ConfigureAwait(false);
            return new CorrelationResult { ReachedInstanceIds = [], StartedInstanceId = started.Id };
        }, cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<Guid>> BroadcastSignalAsync(string signalName, IReadOnlyDictionary<string, object?>? variables = null, string? actor = null, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(signalName))
        {
            throw new InputException("signal.name-missing", "signalName", "A signal needs a name.");
        }

        var values = Variables.From(variables);
        limits.Ensure(Variables.None, values);
        return runner.RunAsync(actor ?? Actor.System.UserId, context => executor.BroadcastAsync(context, signalName, values, cancellationToken), cancellationToken);
    }

    /// <summary>The latest published map whose Start is a message start of <paramref name="messageName"/>; refuses two such maps.</summary>
    private async Task<CompiledRouteMap?> FindMessageStartAsync(string messageName, CancellationToken cancellationToken)
    {
        var found = new List<RouteMap>();
        foreach (var latest in await store.ListLatestRouteMapsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await catalog.FindLatestPublishedAsync(latest.Key, cancellationToken).ConfigureAwait(false) is { } published &&
                published.Start?.MessageName == messageName)
            {
                found.Add(published);
            }
        }

        return found.Count switch
        {
            0 => null,
            1 => await catalog.GetAsync(found[0].Key, found[0].Version, cancellationToken).ConfigureAwait(false),
            _ => throw new ConflictException("message.start-ambiguous",
                $"Message '{messageName}' starts {found.Count} maps ({string.Join(", ", found.Select(m => m.Key))}); a message starts one map, so only one may have that message start."),
        };
    }

    private static string Describe(MessageCorrelation message) =>
        (message.BusinessKey is null ? "" : $" with business key '{message.BusinessKey}'") +
        (message.CorrelationKey is null ? "" : $" with correlation key '{message.CorrelationKey}'");
}
