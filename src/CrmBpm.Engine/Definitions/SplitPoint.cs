namespace CrmBpm.Engine.Definitions;

/// <summary>Parallel fork: one incoming flow, a token on every outgoing flow.</summary>
public sealed record SplitPoint : Point
{
    /// <inheritdoc />
    public override string KindName => "Split";
}
