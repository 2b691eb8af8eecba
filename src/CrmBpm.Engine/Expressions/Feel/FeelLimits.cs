namespace CrmBpm.Engine.Expressions.Feel;

/// <summary>
/// Bounds on what the FEEL parser accepts, the same as JUEL's: the subset has no loops or user functions, so evaluation
/// is linear in the size of the tree, and bounding length and depth bounds the work and the recursion.
/// </summary>
internal static class FeelLimits
{
    /// <summary>Longest expression text, in characters.</summary>
    public const int MaxLength = Juel.JuelLimits.MaxLength;

    /// <summary>Deepest nesting of the expression tree (parentheses, operators, arguments, list items).</summary>
    public const int MaxDepth = Juel.JuelLimits.MaxDepth;
}
