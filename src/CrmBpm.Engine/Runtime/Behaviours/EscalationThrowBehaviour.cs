using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Runtime.Behaviours;

/// <summary>An Escalate point: throws its escalation up to the first catch, then the token goes on unless that catch interrupted it.</summary>
internal sealed class EscalationThrowBehaviour(InstanceExecutor executor) : PointBehaviour<EscalationThrowPoint>
{
    /// <inheritdoc />
    protected override Task ExecuteAsync(CommandContext context, ProcessInstance instance, CompiledRouteMap map, Token token, EscalationThrowPoint point, CancellationToken cancellationToken) =>
        executor.ThrowEscalationAsync(context, instance, map, token, point, point.Escalation, cancellationToken);
}
