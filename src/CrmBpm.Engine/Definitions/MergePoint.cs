namespace CrmBpm.Engine.Definitions;

/// <summary>Parallel join: waits for a token on every incoming flow, then sends one token on.</summary>
public sealed record MergePoint : Point
{
    /// <inheritdoc />
    public override string KindName => "Merge";
}
