using System.Runtime.CompilerServices;
using System.Text.Json;

namespace CrmBpm.Engine.Expressions.Feel;

/// <summary>
/// Walks a parsed FEEL expression over an instance's variables. As in FEEL, a name no variable has is null, and so is a
/// path through null or through a value that is not a context; nothing fails for a missing or mistyped value, the
/// expression gives null instead (and a condition that gives null is reported by the engine like any non-boolean).
/// </summary>
internal sealed class FeelEvaluator(IReadOnlyDictionary<string, JsonElement> variables, int maxTextLength, int maxListLength)
{
    /// <exception cref="FeelEvaluationException">A text or list over the sandbox's limits, or a number FEEL cannot hold.</exception>
    public object? Evaluate(FeelNode node)
    {
        // The parser bounds the depth; this guards a thread started with a small stack.
        RuntimeHelpers.EnsureSufficientExecutionStack();
        return node switch
        {
            FeelLiteral literal => literal.Value,
            FeelName name => variables.TryGetValue(name.Name, out var value) ? FeelValues.FromJson(value) : null,
            FeelPath path => Path(Evaluate(path.Base), path.Name),
            FeelList list => List(list),
            FeelCall { Name: "is defined" } call => IsDefined(call.Arguments[0]),
            FeelCall call => FeelFunctions.Invoke(call.Name, [.. call.Arguments.Select(Evaluate)]),
            FeelNegation negation => Evaluate(negation.Operand) is decimal number ? -number : null,
            FeelBinary binary => Binary(binary),
            FeelBetween between => Between(Evaluate(between.Value), between),
            FeelIn test => In(Evaluate(test.Value), test.Tests),
            FeelIf choice => Evaluate(choice.Condition) is true ? Evaluate(choice.WhenTrue) : Evaluate(choice.WhenFalse),
            _ => throw new InvalidOperationException($"Unknown FEEL node {node.GetType().Name}."),
        };
    }

    private object? Binary(FeelBinary binary)
    {
        switch (binary.Operator)
        {
            // FEEL's three-valued logic (table 49): false decides an 'and', true an 'or', whatever the other side is;
            // otherwise a side that is not a boolean makes the result null.
            case FeelTokenKind.And:
                var first = Evaluate(binary.Left);
                return first is false ? false : And(first, Evaluate(binary.Right));
            case FeelTokenKind.Or:
                var left = Evaluate(binary.Left);
                if (left is true)
                {
                    return true;
                }

                var right = Evaluate(binary.Right);
                return right is true ? true : left is false && right is false ? false : null;
            case FeelTokenKind.Plus or FeelTokenKind.Minus or FeelTokenKind.Times or FeelTokenKind.Divide:
                return FeelOperators.Arithmetic(binary.Operator, Evaluate(binary.Left), Evaluate(binary.Right), maxTextLength);
            default:
                return FeelOperators.Compare(binary.Operator, Evaluate(binary.Left), Evaluate(binary.Right));
        }
    }

    private bool? Between(object? value, FeelBetween between) => And(
        FeelOperators.Compare(FeelTokenKind.GreaterOrEqual, value, Evaluate(between.Low)),
        FeelOperators.Compare(FeelTokenKind.LessOrEqual, value, Evaluate(between.High)));

    private static bool? And(object? left, object? right) =>
        left is false || right is false ? false : left is true && right is true ? true : null;

    private object? In(object? value, IReadOnlyList<FeelTest> tests)
    {
        var unknown = false;
        foreach (var test in tests)
        {
            switch (Matches(value, test))
            {
                case true:
                    return true;
                case null:
                    unknown = true;
                    break;
            }
        }

        return unknown ? null : false;
    }

    private bool? Matches(object? value, FeelTest test)
    {
        switch (test)
        {
            case FeelComparisonTest comparison:
                return FeelOperators.Compare(comparison.Operator, value, Evaluate(comparison.Operand));
            case FeelRangeTest range:
                var low = FeelOperators.Compare(range.LowIncluded ? FeelTokenKind.GreaterOrEqual : FeelTokenKind.Greater, value, Evaluate(range.Low));
                var high = FeelOperators.Compare(range.HighIncluded ? FeelTokenKind.LessOrEqual : FeelTokenKind.Less, value, Evaluate(range.High));
                return And(low, high);
            default:
                var expected = Evaluate(((FeelEqualsTest)test).Expected);
                return expected is IReadOnlyList<object?> list && value is not IReadOnlyList<object?>
                    ? list.Any(item => FeelOperators.Equal(value, item) == true)
                    : FeelOperators.Equal(value, expected);
        }
    }

    /// <summary>A context's entry; on a list, the entry of each item (FEEL's path over a list); null otherwise.</summary>
    private static object? Path(object? target, string name) => target switch
    {
        JsonElement { ValueKind: JsonValueKind.Object } context => context.TryGetProperty(name, out var value) ? FeelValues.FromJson(value) : null,
        IReadOnlyList<object?> list => list.Select(item => Path(item, name)).ToList(),
        _ => null,
    };

    private List<object?> List(FeelList list) =>
        list.Items.Count > maxListLength
            ? throw new FeelEvaluationException($"it would build a list of more than {maxListLength} items (Expressions.MaxArrayLength)")
            : [.. list.Items.Select(Evaluate)];

    /// <summary><c>is defined(x)</c>: the variable or context entry exists, even when it holds null.</summary>
    private bool IsDefined(FeelNode argument) => argument switch
    {
        FeelName name => variables.ContainsKey(name.Name),
        FeelPath path => Evaluate(path.Base) is JsonElement { ValueKind: JsonValueKind.Object } context && context.TryGetProperty(path.Name, out _),
        _ => Evaluate(argument) is not null,
    };
}
