namespace CrmBpm.Engine.Definitions;

/// <summary>The two answers of a Condition point.</summary>
public enum ConditionBranch
{
    /// <summary>Taken when the expression is true.</summary>
    Yes,

    /// <summary>Taken when the expression is false.</summary>
    No,
}
