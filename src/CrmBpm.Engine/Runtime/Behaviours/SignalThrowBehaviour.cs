using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Runtime.Behaviours;

/// <summary>A Send signal: broadcasts its signal in the same command, then the token leaves.</summary>
internal sealed class SignalThrowBehaviour(InstanceExecutor executor) : PointBehaviour<SignalThrowPoint>
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CommandContext context, ProcessInstance instance, CompiledRouteMap map, Token token, SignalThrowPoint point, CancellationToken cancellationToken)
    {
        await executor.ThrowSignalAsync(context, instance, point.Id, point.SignalName, cancellationToken).ConfigureAwait(false);
        executor.Leave(context, instance, map, instance.Tokens.First(t => t.Id == token.Id));
    }
}
