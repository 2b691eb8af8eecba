using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Runtime.Behaviours;

/// <summary>A Go to link: the token jumps to the Link of the same name in its scope (<see cref="LinkEvents"/>).</summary>
internal sealed class LinkThrowBehaviour : PointBehaviour<LinkThrowPoint>
{
    /// <inheritdoc />
    protected override Task ExecuteAsync(CommandContext context, ProcessInstance instance, CompiledRouteMap map, Token token, LinkThrowPoint point, CancellationToken cancellationToken)
    {
        LinkEvents.Jump(context, instance, map, token, point);
        return Task.CompletedTask;
    }
}
