using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Tasks;

namespace CrmBpm.Engine.Runtime.Behaviours;

/// <summary>
/// The behaviour of every point kind, found by the point's record type; built once per <see cref="InstanceExecutor"/>.
/// A point record with no behaviour is a bug, not a state of a process: validation refuses maps holding unknown kinds.
/// </summary>
internal sealed class PointBehaviours
{
    private readonly Dictionary<Type, IPointBehaviour> _byKind = [];

    public PointBehaviours(IEnumerable<IPointBehaviour> behaviours)
    {
        foreach (var behaviour in behaviours)
        {
            foreach (var kind in behaviour.Kinds)
            {
                if (!_byKind.TryAdd(kind, behaviour))
                {
                    throw new InvalidOperationException($"Points of kind {kind.Name} have two behaviours: {_byKind[kind].GetType().Name} and {behaviour.GetType().Name}.");
                }
            }
        }
    }

    /// <summary>The point records a behaviour is registered for.</summary>
    public IReadOnlyCollection<Type> Kinds => _byKind.Keys;

    /// <summary>The behaviours of the kinds the engine executes, all of them.</summary>
    public static PointBehaviours Create(InstanceExecutor executor, RouteMapCatalog catalog, IExpressionEvaluator expressions, WorkTaskFactory taskFactory, VariableLimits limits) => new(
    [
        new StartBehaviour(executor, expressions),
        new EndBehaviour(executor, catalog),
        new PassThroughBehaviour(executor),
        new ActionBehaviour(executor, expressions, taskFactory),
        new ConditionBehaviour(executor),
        new ChoiceBehaviour(executor),
        new SplitBehaviour(executor),
        new MergeBehaviour(),
        new InclusiveBehaviour(executor),
        new ChildInstanceBehaviour(executor, expressions),
        new ServiceBehaviour(expressions),
        new MessageWaitBehaviour(expressions),
        new SignalWaitBehaviour(),
        new EventGatewayBehaviour(expressions),
        new SignalThrowBehaviour(executor),
        new LinkThrowBehaviour(),
        new LinkCatchBehaviour(executor),
        new EscalationThrowBehaviour(executor),
        new BoundaryBehaviour(executor),
        new TimerWaitBehaviour(expressions),
        new ScriptBehaviour(executor, limits),
        new KeptBehaviour(),
    ]);

    /// <summary>The behaviour executing <paramref name="point"/>; an <see cref="InvalidOperationException"/> naming its kind when none is registered.</summary>
    public IPointBehaviour For(Point point) =>
        _byKind.TryGetValue(point.GetType(), out var behaviour)
            ? behaviour
            : throw new InvalidOperationException($"No behaviour executes points of kind {point.GetType().Name} ({point.KindName} '{point.DisplayName}'); register one in {nameof(PointBehaviours)}.{nameof(Create)}.");
}
