using System.Text.Json;

namespace CrmBpm.Engine.Expressions.Juel;

/// <summary>
/// The operators of Expression Language 2.2 (sections 1.7–1.10) with JUEL's choice of number type: null counts as 0,
/// long arithmetic wraps as Java's does, '/' is always floating point, and strings are parsed as numbers.
/// </summary>
internal static class JuelOperators
{
    /// <summary><c>+ - *</c> (section 1.7.1).</summary>
    public static object Arithmetic(JuelTokenKind op, object? a, object? b)
    {
        if (a is null && b is null)
        {
            return 0L;
        }

        if (JuelCoercion.LooksFloating(a) || JuelCoercion.LooksFloating(b))
        {
            var (x, y) = (JuelCoercion.ToDouble(a), JuelCoercion.ToDouble(b));
            return op switch
            {
                JuelTokenKind.Plus => x + y,
                JuelTokenKind.Minus => x - y,
                _ => x * y,
            };
        }

        var (l, r) = (JuelCoercion.ToLong(a), JuelCoercion.ToLong(b));
        return unchecked(op switch
        {
            JuelTokenKind.Plus => l + r,
            JuelTokenKind.Minus => l - r,
            _ => l * r,
        });
    }

    /// <summary><c>/ div</c> (section 1.7.2): always a double, so 1/0 is Infinity.</summary>
    public static object Divide(object? a, object? b) =>
        a is null && b is null ? 0L : (object)(JuelCoercion.ToDouble(a) / JuelCoercion.ToDouble(b));

    /// <summary><c>% mod</c> (section 1.7.3): long remainder unless a side is floating; a long remainder by 0 fails.</summary>
    public static object Modulo(object? a, object? b)
    {
        if (a is null && b is null)
        {
            return 0L;
        }

        if (JuelCoercion.LooksFloating(a) || JuelCoercion.LooksFloating(b))
        {
            return JuelCoercion.ToDouble(a) % JuelCoercion.ToDouble(b);
        }

        var (l, r) = (JuelCoercion.ToLong(a), JuelCoercion.ToLong(b));
        return r switch
        {
            0 => throw new JuelEvaluationException("it divides by zero in a remainder (% or mod)"),
            -1 => 0L, // Java's Long.MIN_VALUE % -1 is 0, where .NET would overflow
            _ => l % r,
        };
    }

    /// <summary>Unary minus (section 1.7.4): keeps the number's type; a string is negated as the number it holds.</summary>
    public static object Negate(object? value) => value switch
    {
        // Each arm boxed on its own: a switch of long and double arms would make every result a double.
        null => (object)0L,
        long l => (object)unchecked(-l),
        double d => (object)-d,
        string s when JuelCoercion.LooksFloating(s) => (object)-JuelCoercion.ToDouble(s),
        string s => (object)unchecked(-JuelCoercion.ToLong(s)),
        _ => throw new JuelEvaluationException($"{JuelValues.Describe(value)} cannot be negated"),
    };

    /// <summary>
    /// <c>== eq</c> (section 1.8.2): null equals only null; a double on either side compares as doubles, then longs,
    /// then booleans (so <c>'true' == true</c>), then strings (so <c>5 == '5'</c> compares numbers, <c>x == 'a'</c> texts).
    /// </summary>
    public static bool Equal(object? a, object? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        if (a is double || b is double)
        {
            return JuelValues.JavaEquals(JuelCoercion.ToDouble(a), JuelCoercion.ToDouble(b));
        }

        if (a is long || b is long)
        {
            return JuelCoercion.ToLong(a) == JuelCoercion.ToLong(b);
        }

        if (a is bool || b is bool)
        {
            return JuelCoercion.ToBoolean(a) == JuelCoercion.ToBoolean(b);
        }

        if (a is string || b is string)
        {
            return string.Equals(JuelCoercion.ToText(a), JuelCoercion.ToText(b), StringComparison.Ordinal);
        }

        return JuelValues.JavaEquals(a, b);
    }

    /// <summary>
    /// <c>&lt; &gt; &lt;= &gt;=</c> (section 1.8.1): false when either side is null; numbers as doubles or longs, then
    /// strings in Java's order (UTF-16 code units), then booleans (false before true). Anything else fails.
    /// </summary>
    public static bool Compare(JuelTokenKind op, object? a, object? b)
    {
        if (a is null || b is null)
        {
            return false;
        }

        int order;
        if (a is double || b is double)
        {
            var (x, y) = (JuelCoercion.ToDouble(a), JuelCoercion.ToDouble(b));
            if (double.IsNaN(x) || double.IsNaN(y))
            {
                return op is JuelTokenKind.LessOrEqual or JuelTokenKind.GreaterOrEqual; // JUEL's <= is !(>), so NaN <= x holds
            }

            order = x.CompareTo(y);
        }
        else if (a is long || b is long)
        {
            order = JuelCoercion.ToLong(a).CompareTo(JuelCoercion.ToLong(b));
        }
        else if (a is string || b is string)
        {
            order = string.CompareOrdinal(JuelCoercion.ToText(a), JuelCoercion.ToText(b));
        }
        else if (a is bool x && b is bool y)
        {
            order = x.CompareTo(y);
        }
        else
        {
            throw new JuelEvaluationException($"{JuelValues.Describe(a)} and {JuelValues.Describe(b)} cannot be compared");
        }

        return op switch
        {
            JuelTokenKind.Less => order < 0,
            JuelTokenKind.Greater => order > 0,
            JuelTokenKind.LessOrEqual => order <= 0,
            _ => order >= 0,
        };
    }

    /// <summary><c>empty</c> (section 1.9): null, "", and an empty list or map.</summary>
    public static bool Empty(object? value) => value switch
    {
        null or "" => true,
        JsonElement { ValueKind: JsonValueKind.Array } list => list.GetArrayLength() == 0,
        JsonElement { ValueKind: JsonValueKind.Object } map => !map.EnumerateObject().Any(),
        _ => false,
    };
}
