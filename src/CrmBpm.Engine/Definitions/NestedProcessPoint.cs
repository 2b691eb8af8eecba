namespace CrmBpm.Engine.Definitions;

/// <summary>
/// Starts a child instance of the latest published version of another route map and waits
/// for it to complete. Variables are mapped into the child at start and back when it completes; the token then leaves
/// like an Action's (every flow without a condition or whose condition holds, else the default flow).
/// </summary>
public sealed record NestedProcessPoint : Point, IHasDefaultFlow, IStartsChildInstances
{
    /// <inheritdoc />
    public override string KindName => "Nested process";

    /// <summary>Key of the route map to run.</summary>
    public string CalledMapKey { get; init; } = "";

    /// <summary>Parent → child: each source expression is evaluated over the parent's variables.</summary>
    public IReadOnlyList<VariableMapping> Inputs { get; init; } = [];

    /// <summary>Child → parent: each source expression is evaluated over the child's variables.</summary>
    public IReadOnlyList<VariableMapping> Outputs { get; init; } = [];

    /// <summary>
    /// When set, one child instance runs per item (multi-instance): each gets the item and <c>loopCounter</c>; with a result
    /// collection each child's outputs go there in item order instead of into the parent's variables.
    /// </summary>
    public MultiInstance? MultiInstance { get; init; }

    /// <summary>
    /// The flow taken when no other outgoing flow is (all their conditions are false); optional. It has no condition of its own.
    /// </summary>
    public string? DefaultFlowId { get; init; }
}
