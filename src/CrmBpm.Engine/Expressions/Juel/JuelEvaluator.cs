using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace CrmBpm.Engine.Expressions.Juel;

/// <summary>
/// Walks a parsed expression over an instance's variables. A name no variable has is an error, as in Camunda 7
/// ("Unknown property used in expression"); JUEL on its own would read it as null, and a silently null name in a
/// condition takes a branch nobody chose. <c>execution.getVariable('x')</c> reads null for an unset variable.
/// </summary>
internal sealed class JuelEvaluator(IReadOnlyDictionary<string, JsonElement> variables, int maxTextLength)
{
    /// <exception cref="JuelEvaluationException">The expression fails by JUEL's rules; the message says why.</exception>
    public object? Evaluate(JuelExpression expression)
    {
        if (expression.Parts is [JuelNode single])
        {
            return Evaluate(single);
        }

        var text = new StringBuilder();
        foreach (var part in expression.Parts)
        {
            text.Append(part as string ?? JuelCoercion.ToText(Evaluate((JuelNode)part)));
            if (text.Length > maxTextLength)
            {
                throw new JuelEvaluationException($"it builds a text longer than {maxTextLength} characters (Expressions.MaxStringLength)");
            }
        }

        return text.ToString();
    }

    private object? Evaluate(JuelNode node)
    {
        // The parser bounds the depth; this guards a thread started with a small stack.
        RuntimeHelpers.EnsureSufficientExecutionStack();
        return node switch
        {
            JuelLiteral literal => literal.Value,
            JuelIdentifier identifier => variables.TryGetValue(identifier.Name, out var value)
                ? JuelValues.FromJson(value)
                : throw new JuelEvaluationException(
                    $"Unknown property used in expression: no variable '{identifier.Name}' is set (column {identifier.Column}); "
                    + $"set it before this point, or read it with execution.getVariable('{identifier.Name}'), which gives null when it is not set"),
            JuelVariableRead read => ReadVariable(Evaluate(read.Name)),
            JuelProperty property => Property(Evaluate(property.Base), Evaluate(property.Key), property),
            JuelMethodCall call => JuelMethods.Invoke(Evaluate(call.Base), call.Name, [.. call.Arguments.Select(Evaluate)], call.Text),
            JuelUnary unary => Unary(unary),
            JuelBinary binary => Binary(binary),
            JuelChoice choice => JuelCoercion.ToBoolean(Evaluate(choice.Condition)) ? Evaluate(choice.WhenTrue) : Evaluate(choice.WhenFalse),
            _ => throw new InvalidOperationException($"Unknown JUEL node {node.GetType().Name}."),
        };
    }

    private object? ReadVariable(object? name) =>
        name is null
            ? throw new JuelEvaluationException("execution.getVariable(…) is given null instead of a variable name")
            : variables.TryGetValue(JuelCoercion.ToText(name), out var value) ? JuelValues.FromJson(value) : null;

    private object? Unary(JuelUnary unary)
    {
        var operand = Evaluate(unary.Operand);
        return unary.Operator switch
        {
            JuelTokenKind.Minus => JuelOperators.Negate(operand),
            JuelTokenKind.Not => !JuelCoercion.ToBoolean(operand),
            _ => JuelOperators.Empty(operand),
        };
    }

    private object? Binary(JuelBinary binary)
    {
        // && and || do not evaluate their right side when the left decides (section 1.9.1).
        if (binary.Operator == JuelTokenKind.And)
        {
            return JuelCoercion.ToBoolean(Evaluate(binary.Left)) && JuelCoercion.ToBoolean(Evaluate(binary.Right));
        }

        if (binary.Operator == JuelTokenKind.Or)
        {
            return JuelCoercion.ToBoolean(Evaluate(binary.Left)) || JuelCoercion.ToBoolean(Evaluate(binary.Right));
        }

        var (left, right) = (Evaluate(binary.Left), Evaluate(binary.Right));
        return binary.Operator switch
        {
            JuelTokenKind.Plus or JuelTokenKind.Minus or JuelTokenKind.Times => JuelOperators.Arithmetic(binary.Operator, left, right),
            JuelTokenKind.Divide => JuelOperators.Divide(left, right),
            JuelTokenKind.Modulo => JuelOperators.Modulo(left, right),
            JuelTokenKind.Equal => JuelOperators.Equal(left, right),
            JuelTokenKind.NotEqual => !JuelOperators.Equal(left, right),
            _ => JuelOperators.Compare(binary.Operator, left, right),
        };
    }

    /// <summary>
    /// <c>a.b</c> and <c>a[b]</c> (section 1.6): null when the base or key is null, a map's entry or null, a list's item
    /// or null when out of range; other values have no properties.
    /// </summary>
    private static object? Property(object? target, object? key, JuelProperty property)
    {
        if (target is null || key is null)
        {
            return null;
        }

        switch (target)
        {
            case JsonElement { ValueKind: JsonValueKind.Object } map:
                return key is string name && map.TryGetProperty(name, out var value) ? JuelValues.FromJson(value) : null;
            case JsonElement { ValueKind: JsonValueKind.Array } list:
                var index = ListIndex(key, property);
                return index >= 0 && index < list.GetArrayLength() ? JuelValues.FromJson(list[(int)index]) : null;
            default:
                throw new JuelEvaluationException($"'{property.Text}' reads the property '{JuelCoercion.ToText(key)}' of {JuelValues.Describe(target)}, which has no properties");
        }
    }

    /// <summary>JUEL's list index: a number, a string holding an integer, or a boolean (1/0).</summary>
    private static long ListIndex(object key, JuelProperty property) => key switch
    {
        long l => l,
        double d => double.IsNaN(d) ? 0 : (long)Math.Clamp(d, int.MinValue, int.MaxValue),
        bool b => b ? 1 : 0,
        string s when int.TryParse(s, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => throw new JuelEvaluationException($"'{property.Text}' indexes a list with {JuelValues.Describe(key)}, which is not a list index"),
    };
}
