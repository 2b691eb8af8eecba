using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Runtime.Behaviours;

/// <summary>
/// What one kind of point does when a token arrives at it: its work, and what the token then waits on (a persisted wait
/// record: a task, a job, a timer or a subscription) or where it moves. One class per kind, found by the point's record
/// type through <see cref="PointBehaviours"/>. A token retried while leaving never reaches a behaviour: the executor only
/// chooses its way out again.
/// </summary>
internal interface IPointBehaviour
{
    /// <summary>The concrete point records this behaviour executes.</summary>
    IReadOnlyList<Type> Kinds { get; }

    /// <summary>Executes <paramref name="token"/>, Ready at <paramref name="point"/>, inside the command.</summary>
    Task ExecuteAsync(CommandContext context, ProcessInstance instance, CompiledRouteMap map, Token token, Point point, CancellationToken cancellationToken);
}

/// <summary>A behaviour of one point record, <typeparamref name="TPoint"/>, which it receives typed.</summary>
internal abstract class PointBehaviour<TPoint> : IPointBehaviour
    where TPoint : Point
{
    /// <inheritdoc />
    public virtual IReadOnlyList<Type> Kinds => [typeof(TPoint)];

    /// <inheritdoc />
    Task IPointBehaviour.ExecuteAsync(CommandContext context, ProcessInstance instance, CompiledRouteMap map, Token token, Point point, CancellationToken cancellationToken) =>
        ExecuteAsync(context, instance, map, token, (TPoint)point, cancellationToken);

    /// <inheritdoc cref="IPointBehaviour.ExecuteAsync" />
    protected abstract Task ExecuteAsync(CommandContext context, ProcessInstance instance, CompiledRouteMap map, Token token, TPoint point, CancellationToken cancellationToken);
}
