using System.Collections.Concurrent;
using System.Text.Json;

namespace CrmBpm.Engine.Expressions.Feel;

/// <summary>
/// FEEL, the expression language of Camunda 8 (Zeebe), which writes an expression as <c>=</c> followed by FEEL
/// (<c>= reviewResult = "approved"</c>): the subset real process files use, with FEEL's rules — <c>=</c> is equality,
/// a missing variable is null, values of different kinds compare to null. It never calls into .NET.
/// </summary>
public sealed class FeelExpressionEvaluator : IExpressionEvaluator
{
    // Parsed once per text; bounded so that a stream of distinct texts cannot grow it without end.
    private const int MaxCached = 10_000;

    private readonly ExpressionLimits _limits;
    private readonly ConcurrentDictionary<string, FeelNode> _parsed = new(StringComparer.Ordinal);

    /// <summary>Creates the evaluator; <see cref="ExpressionLimits.MaxStringLength"/> and <see cref="ExpressionLimits.MaxArrayLength"/> bound what it builds.</summary>
    public FeelExpressionEvaluator(ExpressionLimits limits) => _limits = limits;

    /// <summary>Whether <paramref name="expression"/> is written as FEEL: it starts with <c>=</c>, blanks before allowed.</summary>
    public static bool IsFeel(string? expression) => expression.AsSpan().TrimStart().StartsWith('=');

    /// <inheritdoc />
    public JsonElement Evaluate(string expression, IReadOnlyDictionary<string, JsonElement> variables)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(variables);
        var parsed = Parse(expression, out var syntaxError)
            ?? throw new ExpressionException(expression, $"it is not a FEEL expression CrmBpm can run ({syntaxError}).");
        try
        {
            return FeelValues.ToJson(new FeelEvaluator(variables, _limits.MaxStringLength, _limits.MaxArrayLength).Evaluate(parsed));
        }
        catch (FeelEvaluationException ex)
        {
            throw new ExpressionException(expression, ex.Message + ".", ex);
        }
        catch (InsufficientExecutionStackException ex)
        {
            throw new ExpressionException(expression, "it nests too deep to evaluate.", ex);
        }
    }

    /// <inheritdoc />
    public string? FindSyntaxError(string expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            return "the expression is empty";
        }

        return Parse(expression, out var syntaxError) is null ? $"it is not a FEEL expression CrmBpm can run: {syntaxError}" : null;
    }

    private FeelNode? Parse(string expression, out string? syntaxError)
    {
        syntaxError = null;
        var text = expression.Trim();
        if (_parsed.TryGetValue(text, out var cached))
        {
            return cached;
        }

        try
        {
            var parsed = FeelParser.Parse(text);
            if (_parsed.Count >= MaxCached)
            {
                _parsed.Clear();
            }

            _parsed.TryAdd(text, parsed);
            return parsed;
        }
        catch (FeelSyntaxException ex)
        {
            syntaxError = ex.Message;
            return null;
        }
        catch (InsufficientExecutionStackException)
        {
            syntaxError = "it nests too deep to read";
            return null;
        }
    }
}
