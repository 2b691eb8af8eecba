using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using CrmBpm.Engine.Definitions;

namespace CrmBpm.Designer.PropertiesPanel;

/// <summary>What a row of the condition builder compares: <c>variable ▸ operator ▸ value</c>.</summary>
public enum ConditionOperator
{
    /// <summary>=</summary>
    Equal,

    /// <summary>≠</summary>
    NotEqual,

    /// <summary>&lt;</summary>
    Less,

    /// <summary>≤</summary>
    LessOrEqual,

    /// <summary>&gt;</summary>
    Greater,

    /// <summary>≥</summary>
    GreaterOrEqual,

    /// <summary>The text (or list) contains the value.</summary>
    Contains,

    /// <summary>Not set, null or empty text.</summary>
    IsEmpty,

    /// <summary>Set and not empty text.</summary>
    IsNotEmpty,
}

/// <summary>One row of the condition builder; <see cref="Value"/> is the text the value input holds.</summary>
public sealed record ConditionRow(string Variable, ConditionOperator Operator, string Value = "")
{
    /// <summary>Whether the operator takes a value.</summary>
    public bool HasValue => Operator is not (ConditionOperator.IsEmpty or ConditionOperator.IsNotEmpty);
}

/// <summary>
/// The condition builder's rows as the JavaScript the engine evaluates, and back: rows joined by <c>&amp;&amp;</c> (all) or
/// <c>||</c> (any), each a comparison of one variable with a literal (<c>amount &gt;= 1000</c>, <c>stage === "won"</c>,
/// <c>reached === true</c>, <c>note.includes("urgent")</c>) or an emptiness test. What the builder did not write and
/// cannot read the same way is left to the advanced (expression) mode.
/// </summary>
public static class ConditionRows
{
    private const string Name = @"[A-Za-z_$][A-Za-z0-9_$]*";
    private const string Literal = @"-?\d+(?:\.\d+)?|""(?:[^""\\]|\\.)*""|'(?:[^'\\]|\\.)*'|true|false|null";

    private static readonly Regex Comparison = new($@"^(?<name>{Name})\s*(?<op>===|!==|==|!=|<=|>=|<|>)\s*(?<value>{Literal})$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    private static readonly Regex Includes = new($@"^(?<name>{Name})\.includes\((?<value>""(?:[^""\\]|\\.)*""|'(?:[^'\\]|\\.)*')\)$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    private static readonly Regex Empty = new($@"^\(typeof (?<name>{Name}) === ""undefined"" \|\| \k<name> === null \|\| \k<name> === """"\)$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    private static readonly Regex NotEmpty = new($@"^\(typeof (?<name>{Name}) !== ""undefined"" && \k<name> !== null && \k<name> !== """"\)$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    // Quotes and backslashes escaped, everything else (apostrophes, &, Cyrillic) as typed: the expression stays readable.
    private static readonly JsonSerializerOptions Literals = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Quote(string text) => JsonSerializer.Serialize(text, Literals);

    /// <summary>The operators offered for a variable of <paramref name="type"/> (null: its type is unknown, so all of them).</summary>
    public static IReadOnlyList<ConditionOperator> OperatorsFor(FormFieldType? type) => type switch
    {
        FormFieldType.Boolean or FormFieldType.Choice => [ConditionOperator.Equal, ConditionOperator.NotEqual, ConditionOperator.IsEmpty, ConditionOperator.IsNotEmpty],
        FormFieldType.Text => [ConditionOperator.Equal, ConditionOperator.NotEqual, ConditionOperator.Contains, ConditionOperator.IsEmpty, ConditionOperator.IsNotEmpty],
        FormFieldType.Number or FormFieldType.Date =>
            [ConditionOperator.Equal, ConditionOperator.NotEqual, ConditionOperator.Less, ConditionOperator.LessOrEqual, ConditionOperator.Greater, ConditionOperator.GreaterOrEqual,
             ConditionOperator.IsEmpty, ConditionOperator.IsNotEmpty],
        _ => Enum.GetValues<ConditionOperator>(),
    };

    /// <summary>The JavaScript of the rows; null while a row is incomplete.</summary>
    /// <param name="rows">The rows, in order.</param>
    /// <param name="all">All must hold (<c>&amp;&amp;</c>); false: any (<c>||</c>).</param>
    /// <param name="typeOf">The type of a variable, when known: a number's value is written as a number, a text's as text.</param>
    public static string? Write(IReadOnlyList<ConditionRow> rows, bool all, Func<string, FormFieldType?> typeOf)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(typeOf);
        if (rows.Count == 0 || rows.Any(r => string.IsNullOrWhiteSpace(r.Variable) || (r.HasValue && string.IsNullOrWhiteSpace(r.Value) && typeOf(r.Variable) != FormFieldType.Text)))
        {
            return null;
        }

        return string.Join(all ? " && " : " || ", rows.Select(r => WriteRow(r, typeOf(r.Variable))));
    }

    private static string WriteRow(ConditionRow row, FormFieldType? type)
    {
        var name = row.Variable;
        return row.Operator switch
        {
            ConditionOperator.IsEmpty => $"(typeof {name} === \"undefined\" || {name} === null || {name} === \"\")",
            ConditionOperator.IsNotEmpty => $"(typeof {name} !== \"undefined\" && {name} !== null && {name} !== \"\")",
            ConditionOperator.Contains => $"{name}.includes({Quote(row.Value)})",
            _ => $"{name} {Symbol(row.Operator)} {LiteralOf(row.Value, type)}",
        };
    }

    private static string Symbol(ConditionOperator op) => op switch
    {
        ConditionOperator.Equal => "===",
        ConditionOperator.NotEqual => "!==",
        ConditionOperator.Less => "<",
        ConditionOperator.LessOrEqual => "<=",
        ConditionOperator.Greater => ">",
        _ => ">=",
    };

    /// <summary>A value as a JavaScript literal: by the variable's type, or, when unknown, a number or true/false when it reads as one, else text.</summary>
    private static string LiteralOf(string value, FormFieldType? type)
    {
        var text = value.Trim();
        var isNumber = decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number);
        return type switch
        {
            FormFieldType.Number when isNumber => number.ToString(CultureInfo.InvariantCulture),
            FormFieldType.Boolean or null when text is "true" or "false" => text,
            null when isNumber => number.ToString(CultureInfo.InvariantCulture),
            FormFieldType.Text => Quote(value),
            _ => Quote(text),
        };
    }

    /// <summary>
    /// The rows an expression is made of, when it is one the builder can show (simple comparisons joined by only
    /// <c>&amp;&amp;</c> or only <c>||</c>); null otherwise. An empty expression is no rows.
    /// </summary>
    public static (IReadOnlyList<ConditionRow> Rows, bool All)? TryRead(string? expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            return ([], true);
        }

        if (Split(expression.Trim()) is not { } split)
        {
            return null;
        }

        var rows = new List<ConditionRow>();
        foreach (var part in split.Parts)
        {
            if (ReadRow(part.Trim()) is not { } row)
            {
                return null;
            }

            rows.Add(row);
        }

        return (rows, split.All);
    }

    private static ConditionRow? ReadRow(string text)
    {
        if (Empty.Match(text) is { Success: true } empty)
        {
            return new(empty.Groups["name"].Value, ConditionOperator.IsEmpty);
        }

        if (NotEmpty.Match(text) is { Success: true } notEmpty)
        {
            return new(notEmpty.Groups["name"].Value, ConditionOperator.IsNotEmpty);
        }

        if (Includes.Match(text) is { Success: true } includes)
        {
            return ValueOf(includes.Groups["value"].Value) is { } contained ? new(includes.Groups["name"].Value, ConditionOperator.Contains, contained) : null;
        }

        if (Comparison.Match(text) is not { Success: true } comparison || ValueOf(comparison.Groups["value"].Value) is not { } value)
        {
            return null;
        }

        var op = comparison.Groups["op"].Value switch
        {
            "===" or "==" => ConditionOperator.Equal,
            "!==" or "!=" => ConditionOperator.NotEqual,
            "<" => ConditionOperator.Less,
            "<=" => ConditionOperator.LessOrEqual,
            ">" => ConditionOperator.Greater,
            _ => ConditionOperator.GreaterOrEqual,
        };
        return new(comparison.Groups["name"].Value, op, value);
    }

    /// <summary>A literal's value as the input holds it; null for <c>null</c> (not something the builder writes).</summary>
    private static string? ValueOf(string literal)
    {
        if (literal == "null")
        {
            return null;
        }

        if (literal[0] == '\'')
        {
            // 'text' as "text": swap the quotes' escaping, then read it as JSON
            literal = "\"" + literal[1..^1].Replace("\\'", "'", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
        }

        try
        {
            return literal[0] == '"' ? JsonSerializer.Deserialize<string>(literal) : literal;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The parts between top-level <c>&amp;&amp;</c> or <c>||</c> (outside quotes and parentheses); null when both appear.</summary>
    private static (List<string> Parts, bool All)? Split(string expression)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        bool? all = null;
        var depth = 0;
        char? quote = null;
        for (var i = 0; i < expression.Length; i++)
        {
            var c = expression[i];
            if (quote is { } q)
            {
                current.Append(c);
                if (c == '\\' && i + 1 < expression.Length)
                {
                    current.Append(expression[++i]);
                }
                else if (c == q)
                {
                    quote = null;
                }

                continue;
            }

            if (c is '"' or '\'' or '`')
            {
                quote = c;
            }
            else if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                depth--;
            }
            else if (depth == 0 && i + 1 < expression.Length && ((c == '&' && expression[i + 1] == '&') || (c == '|' && expression[i + 1] == '|')))
            {
                var isAll = c == '&';
                if (all is { } seen && seen != isAll)
                {
                    return null;
                }

                all = isAll;
                parts.Add(current.ToString());
                current.Clear();
                i++;
                continue;
            }

            current.Append(c);
        }

        parts.Add(current.ToString());
        return quote is null && depth == 0 ? (parts, all ?? true) : null;
    }
}
