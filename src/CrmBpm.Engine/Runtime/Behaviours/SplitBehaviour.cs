using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Runtime.Behaviours;

/// <summary>A Split: a token on every outgoing flow.</summary>
internal sealed class SplitBehaviour(InstanceExecutor executor) : PointBehaviour<SplitPoint>
{
    /// <inheritdoc />
    protected override Task ExecuteAsync(CommandContext context, ProcessInstance instance, CompiledRouteMap map, Token token, SplitPoint point, CancellationToken cancellationToken)
    {
        executor.Fork(context, instance, map, token, map.Outgoing(point.Id));
        return Task.CompletedTask;
    }
}
