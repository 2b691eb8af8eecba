using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Runtime.Behaviours;

/// <summary>
/// A boundary event of any kind. Its wait is set up by the activity it sits on (<see cref="BoundaryEvents"/>) and a token
/// fired there leaves at once; only a retry after an incident while leaving brings a token here, and it leaves.
/// </summary>
internal sealed class BoundaryBehaviour(InstanceExecutor executor) : PointBehaviour<Point>
{
    /// <inheritdoc />
    public override IReadOnlyList<Type> Kinds => [typeof(BoundaryTimerPoint), typeof(BoundaryMessagePoint), typeof(BoundarySignalPoint), typeof(BoundaryErrorPoint), typeof(BoundaryEscalationPoint)];

    /// <inheritdoc />
    protected override Task ExecuteAsync(CommandContext context, ProcessInstance instance, CompiledRouteMap map, Token token, Point point, CancellationToken cancellationToken)
    {
        executor.Leave(context, instance, map, token);
        return Task.CompletedTask;
    }
}
