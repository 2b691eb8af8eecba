using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Runtime.Behaviours;

/// <summary>
/// An inclusive gateway (BPMN's OR): a joining one makes the token wait until no token that can still arrive exists
/// (<see cref="InclusiveGateway"/>); then it leaves along every flow whose condition is true, like an Action.
/// </summary>
internal sealed class InclusiveBehaviour(InstanceExecutor executor) : PointBehaviour<InclusivePoint>
{
    /// <inheritdoc />
    protected override Task ExecuteAsync(CommandContext context, ProcessInstance instance, CompiledRouteMap map, Token token, InclusivePoint point, CancellationToken cancellationToken)
    {
        if (!InclusiveGateway.Arrive(instance, map, token, point))
        {
            executor.Leave(context, instance, map, token);
        }

        return Task.CompletedTask;
    }
}
