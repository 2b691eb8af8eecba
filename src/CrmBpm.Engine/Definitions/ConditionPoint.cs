namespace CrmBpm.Engine.Definitions;

/// <summary>
/// A yes/no question over the variables: exactly two outgoing flows, one marked
/// <see cref="ConditionBranch.Yes"/> and one <see cref="ConditionBranch.No"/>. Never waits.
/// </summary>
public sealed record ConditionPoint : Point
{
    /// <inheritdoc />
    public override string KindName => "Condition";

    /// <summary>A JavaScript expression that must evaluate to true or false.</summary>
    public string Expression { get; init; } = "";
}
