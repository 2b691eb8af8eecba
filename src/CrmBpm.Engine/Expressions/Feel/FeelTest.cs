namespace CrmBpm.Engine.Expressions.Feel;

/// <summary>A positive unary test after <c>in</c> (DMN 1.3, grammar rule 7).</summary>
internal abstract record FeelTest(int Depth);

/// <summary>
/// An expression: the value matches when it equals the expression's value, or, when that value is a list, when the
/// list holds it (<c>x in [1, 2, 3]</c>).
/// </summary>
internal sealed record FeelEqualsTest(FeelNode Expected) : FeelTest(Expected.Depth);

/// <summary><c>&lt; 10</c>, <c>&gt;= low</c>, <c>!= "x"</c>: the value compared with the operand.</summary>
internal sealed record FeelComparisonTest(FeelTokenKind Operator, FeelNode Operand) : FeelTest(Operand.Depth + 1);

/// <summary><c>[1..10]</c>, <c>(1..10)</c>, <c>]1..10[</c>: an interval, each end included or not.</summary>
internal sealed record FeelRangeTest(FeelNode Low, bool LowIncluded, FeelNode High, bool HighIncluded)
    : FeelTest(1 + Math.Max(Low.Depth, High.Depth));
