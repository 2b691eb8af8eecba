namespace CrmBpm.Engine.Expressions.Juel;

/// <summary>A node of a parsed JUEL expression. <see cref="Depth"/> bounds the evaluator's recursion.</summary>
internal abstract record JuelNode(int Depth);

/// <summary>A literal: null, a boolean, a long, a double or a string.</summary>
internal sealed record JuelLiteral(object? Value) : JuelNode(1);

/// <summary>A top-level name: an instance variable, or an error at run time when none is set (as in Camunda 7).</summary>
internal sealed record JuelIdentifier(string Name, int Column) : JuelNode(1);

/// <summary><c>execution.getVariable(name)</c>: the variable's value, or null when it is not set.</summary>
internal sealed record JuelVariableRead(JuelNode Name, int Depth) : JuelNode(Depth);

/// <summary><c>base.name</c> or <c>base[key]</c>.</summary>
internal sealed record JuelProperty(JuelNode Base, JuelNode Key, string Text, int Depth) : JuelNode(Depth);

/// <summary><c>base.name(arguments)</c> for one of the methods in <see cref="JuelMethods"/>.</summary>
internal sealed record JuelMethodCall(JuelNode Base, string Name, IReadOnlyList<JuelNode> Arguments, string Text, int Depth) : JuelNode(Depth);

/// <summary><c>-a</c>, <c>!a</c>/<c>not a</c>, <c>empty a</c>.</summary>
internal sealed record JuelUnary(JuelTokenKind Operator, JuelNode Operand, int Depth) : JuelNode(Depth);

/// <summary>An arithmetic, relational, equality or logical operator.</summary>
internal sealed record JuelBinary(JuelTokenKind Operator, JuelNode Left, JuelNode Right, int Depth) : JuelNode(Depth);

/// <summary><c>condition ? whenTrue : whenFalse</c>.</summary>
internal sealed record JuelChoice(JuelNode Condition, JuelNode WhenTrue, JuelNode WhenFalse, int Depth) : JuelNode(Depth);
