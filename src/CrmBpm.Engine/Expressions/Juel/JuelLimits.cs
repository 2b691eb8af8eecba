namespace CrmBpm.Engine.Expressions.Juel;

/// <summary>
/// Bounds on what the JUEL parser accepts. The grammar has no loops or user functions, so evaluation is linear in the
/// size of the tree; bounding length and depth bounds the work and keeps recursion far from the stack's end.
/// </summary>
internal static class JuelLimits
{
    /// <summary>Longest expression text, in characters. Real conditions are under 200.</summary>
    public const int MaxLength = 10_000;

    /// <summary>Deepest nesting of the expression tree (parentheses, operators, arguments). Real conditions stay under 10.</summary>
    public const int MaxDepth = 100;
}
