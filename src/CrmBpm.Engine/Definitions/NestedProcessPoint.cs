namespace CrmBpm.Engine.Definitions;

/// <summary>
/// Starts a child instance of the latest published version of another route map and waits
/// for it to complete. Variables are mapped into the child at start and back when it completes.
/// </summary>
public sealed record NestedProcessPoint : Point
{
    /// <inheritdoc />
    public override string KindName => "Nested process";

    /// <summary>Key of the route map to run.</summary>
    public string CalledMapKey { get; init; } = "";

    /// <summary>Parent → child: each source expression is evaluated over the parent's variables.</summary>
    public IReadOnlyList<VariableMapping> Inputs { get; init; } = [];

    /// <summary>Child → parent: each source expression is evaluated over the child's variables.</summary>
    public IReadOnlyList<VariableMapping> Outputs { get; init; } = [];
}
