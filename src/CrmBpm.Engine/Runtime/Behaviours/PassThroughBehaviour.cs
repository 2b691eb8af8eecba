using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Runtime.Behaviours;

/// <summary>A Pass-through (a plain or manual task of another modeler, an exclusive gateway that only joins): the token leaves at once.</summary>
internal sealed class PassThroughBehaviour(InstanceExecutor executor) : PointBehaviour<PassThroughPoint>
{
    /// <inheritdoc />
    protected override Task ExecuteAsync(CommandContext context, ProcessInstance instance, CompiledRouteMap map, Token token, PassThroughPoint point, CancellationToken cancellationToken)
    {
        executor.Leave(context, instance, map, token);
        return Task.CompletedTask;
    }
}
