namespace CrmBpm.Engine.Definitions;

/// <summary>Where every instance begins. Exactly one per map; no incoming flow; one outgoing.</summary>
public sealed record StartPoint : Point
{
    /// <inheritdoc />
    public override string KindName => "Start";
}
