using System.Text.Json;

namespace CrmBpm.Engine.Expressions.Feel;

/// <summary>
/// FEEL's operators (DMN 1.3, section 10.3.2.9 and tables 50–54): values of different kinds neither equal nor order each
/// other, they give null; <c>null = null</c> is true and null equals nothing else; arithmetic with null, or with a value it
/// is not defined for, gives null; a division by zero gives null.
/// </summary>
internal static class FeelOperators
{
    /// <summary><c>a = b</c>: true, false, or null when the two are of different kinds.</summary>
    public static bool? Equal(object? left, object? right) => (left, right) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (decimal a, decimal b) => a == b,
        (string a, string b) => string.Equals(a, b, StringComparison.Ordinal),
        (bool a, bool b) => a == b,
        (IReadOnlyList<object?> a, IReadOnlyList<object?> b) => ListsEqual(a, b),
        (JsonElement a, JsonElement b) => JsonElement.DeepEquals(a, b),
        _ => null,
    };

    /// <summary>Lists are equal when they have the same length and their items are equal in order.</summary>
    private static bool? ListsEqual(IReadOnlyList<object?> left, IReadOnlyList<object?> right)
    {
        if (left.Count != right.Count)
        {
            return false;
        }

        bool? all = true;
        for (var i = 0; i < left.Count; i++)
        {
            switch (Equal(left[i], right[i]))
            {
                case false:
                    return false;
                case null:
                    all = null;
                    break;
            }
        }

        return all;
    }

    /// <summary><c>&lt; &lt;= &gt; &gt;=</c> between two numbers or two strings; anything else gives null.</summary>
    public static bool? Compare(FeelTokenKind op, object? left, object? right)
    {
        int order;
        switch (left, right)
        {
            case (decimal a, decimal b):
                order = a.CompareTo(b);
                break;
            case (string a, string b):
                order = string.CompareOrdinal(a, b);
                break;
            default:
                return op switch
                {
                    FeelTokenKind.Equal => Equal(left, right),
                    FeelTokenKind.NotEqual => Not(Equal(left, right)),
                    _ => null,
                };
        }

        return op switch
        {
            FeelTokenKind.Less => order < 0,
            FeelTokenKind.LessOrEqual => order <= 0,
            FeelTokenKind.Greater => order > 0,
            FeelTokenKind.GreaterOrEqual => order >= 0,
            FeelTokenKind.Equal => order == 0,
            _ => order != 0,
        };
    }

    /// <summary>FEEL's negation: true and false swap, anything else is null.</summary>
    public static bool? Not(object? value) => value is bool b ? !b : null;

    /// <summary>
    /// <c>+ - * /</c> on numbers, and <c>+</c> joining two strings; null for anything else, for a division by zero and for
    /// a result beyond the range of <see cref="decimal"/>.
    /// </summary>
    public static object? Arithmetic(FeelTokenKind op, object? left, object? right, int maxTextLength)
    {
        if (op == FeelTokenKind.Plus && left is string a && right is string b)
        {
            return a.Length + b.Length > maxTextLength
                ? throw new FeelEvaluationException($"it builds a text longer than {maxTextLength} characters (Expressions.MaxStringLength)")
                : a + b;
        }

        if (left is not decimal x || right is not decimal y)
        {
            return null;
        }

        try
        {
            return op switch
            {
                FeelTokenKind.Plus => x + y,
                FeelTokenKind.Minus => x - y,
                FeelTokenKind.Times => x * y,
                _ => y == 0 ? null : x / y,
            };
        }
        catch (OverflowException)
        {
            return null;
        }
    }
}
