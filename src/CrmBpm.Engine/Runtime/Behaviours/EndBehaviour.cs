using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Runtime.Behaviours;

/// <summary>
/// An End consumes the token: its result becomes the instance's, a signal end broadcasts its signal, a terminate end ends
/// everything else. An error end throws its business error instead (<see cref="ErrorEvents.ThrowFromEndAsync"/>), an escalation
/// end its escalation (<see cref="InstanceExecutor.ThrowEscalationAsync"/>).
/// </summary>
internal sealed class EndBehaviour(InstanceExecutor executor, RouteMapCatalog catalog) : PointBehaviour<EndPoint>
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CommandContext context, ProcessInstance instance, CompiledRouteMap map, Token token, EndPoint point, CancellationToken cancellationToken)
    {
        if (point.Error is { } error)
        {
            await ErrorEvents.ThrowFromEndAsync(context, executor, catalog, instance, token, point, error, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (point.Escalation is { } escalation)
        {
            // Thrown up to the first catch; the token ends here unless an interrupting catch took it already.
            await executor.ThrowEscalationAsync(context, instance, map, token, point, escalation, cancellationToken).ConfigureAwait(false);
            return;
        }

        instance.MutableTokens.Remove(token);
        if (point.Result is not null)
        {
            instance.Result = point.Result;
        }

        if (point.SignalName is { } endSignal)
        {
            await executor.ThrowSignalAsync(context, instance, point.Id, endSignal, cancellationToken).ConfigureAwait(false);
        }

        if (point.Terminates)
        {
            await InstanceExecutor.EndEverythingElseAsync(context, instance, $"terminate end '{point.DisplayName}' reached", cancellationToken).ConfigureAwait(false);
        }
    }
}
