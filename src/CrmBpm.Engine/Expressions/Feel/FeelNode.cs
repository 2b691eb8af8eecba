namespace CrmBpm.Engine.Expressions.Feel;

/// <summary>A node of a parsed FEEL expression. <see cref="Depth"/> bounds the evaluator's recursion.</summary>
internal abstract record FeelNode(int Depth);

/// <summary>A literal: null, a boolean, a number (<see cref="decimal"/>) or a string.</summary>
internal sealed record FeelLiteral(object? Value) : FeelNode(1);

/// <summary>A variable name; null when no variable of that name is set, as in FEEL.</summary>
internal sealed record FeelName(string Name) : FeelNode(1);

/// <summary><c>base.name</c>: a context's entry, the entry of each context of a list, or null.</summary>
internal sealed record FeelPath(FeelNode Base, string Name, int Depth) : FeelNode(Depth);

/// <summary><c>[a, b, c]</c>.</summary>
internal sealed record FeelList(IReadOnlyList<FeelNode> Items, int Depth) : FeelNode(Depth);

/// <summary>A call of one of the functions of <see cref="FeelFunctions"/>.</summary>
internal sealed record FeelCall(string Name, IReadOnlyList<FeelNode> Arguments, int Depth) : FeelNode(Depth);

/// <summary><c>-a</c>.</summary>
internal sealed record FeelNegation(FeelNode Operand, int Depth) : FeelNode(Depth);

/// <summary>An arithmetic, comparison or logical operator.</summary>
internal sealed record FeelBinary(FeelTokenKind Operator, FeelNode Left, FeelNode Right, int Depth) : FeelNode(Depth);

/// <summary><c>value between low and high</c>.</summary>
internal sealed record FeelBetween(FeelNode Value, FeelNode Low, FeelNode High, int Depth) : FeelNode(Depth);

/// <summary><c>value in test</c> or <c>value in (test, test, …)</c>: true when any test matches.</summary>
internal sealed record FeelIn(FeelNode Value, IReadOnlyList<FeelTest> Tests, int Depth) : FeelNode(Depth);

/// <summary><c>if condition then whenTrue else whenFalse</c>; a condition that is not true takes the else.</summary>
internal sealed record FeelIf(FeelNode Condition, FeelNode WhenTrue, FeelNode WhenFalse, int Depth) : FeelNode(Depth);
