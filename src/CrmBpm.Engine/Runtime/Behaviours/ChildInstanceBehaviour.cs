using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Expressions;

namespace CrmBpm.Engine.Runtime.Behaviours;

/// <summary>
/// An activity whose work is done in child instances (<see cref="IStartsChildInstances"/>: a Nested process or a
/// sub-process): its boundary waits are prepared, then one child starts, or, multi-instance, its runs
/// (<see cref="MultiInstanceChildren"/>), and the token waits for them. A token coming back Ready with a
/// <see cref="Token.Loop"/> is a multi-instance whose run completed: it starts its next run or leaves, its boundary waits
/// staying as they are. An event sub-process starts its one child when a token stands on it, which happens only once its
/// trigger fired (see <see cref="EventSubProcesses"/>).
/// </summary>
internal sealed class ChildInstanceBehaviour(InstanceExecutor executor, IExpressionEvaluator expressions) : PointBehaviour<Point>
{
    /// <inheritdoc />
    public override IReadOnlyList<Type> Kinds => [typeof(NestedProcessPoint), typeof(SubProcessPoint)];

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CommandContext context, ProcessInstance instance, CompiledRouteMap map, Token token, Point point, CancellationToken cancellationToken)
    {
        if (point is SubProcessPoint { TriggeredByEvent: true })
        {
            await executor.StartNestedAsync(context, instance, map, token, point, cancellationToken).ConfigureAwait(false);
        }
        else if (token.Loop is not null)
        {
            await executor.MultiInstance.AdvanceAsync(context, instance, map, token, cancellationToken).ConfigureAwait(false);
        }
        else if (BoundaryEvents.TryPrepare(context, instance, map, token, point, expressions, out var waits))
        {
            await (((IStartsChildInstances)point).MultiInstance is { } multi
                ? executor.MultiInstance.StartAsync(context, instance, map, token, point, multi, cancellationToken)
                : executor.StartNestedAsync(context, instance, map, token, point, cancellationToken)).ConfigureAwait(false);
            BoundaryEvents.Start(context, instance, token, waits);
        }
    }
}
