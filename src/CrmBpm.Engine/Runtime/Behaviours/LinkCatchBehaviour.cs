using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Runtime.Behaviours;

/// <summary>A Link, where a Go to link's token landed: it leaves by its flows at once.</summary>
internal sealed class LinkCatchBehaviour(InstanceExecutor executor) : PointBehaviour<LinkCatchPoint>
{
    /// <inheritdoc />
    protected override Task ExecuteAsync(CommandContext context, ProcessInstance instance, CompiledRouteMap map, Token token, LinkCatchPoint point, CancellationToken cancellationToken)
    {
        executor.Leave(context, instance, map, token);
        return Task.CompletedTask;
    }
}
