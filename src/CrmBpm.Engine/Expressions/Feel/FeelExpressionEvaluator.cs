using System.Text.Json;

namespace CrmBpm.Engine.Expressions.Feel;

/// <summary>
/// FEEL, the expression language of Camunda 8 (Zeebe), which writes an expression as <c>=</c> followed by FEEL
/// (<c>= reviewResult = "approved"</c>): the subset real process files use, with FEEL's rules — <c>=</c> is equality,
/// a missing variable is null, values of different kinds compare to null. It never calls into .NET.
/// </summary>
public sealed class FeelExpressionEvaluator : IExpressionEvaluator
{
    private readonly ExpressionLimits _limits;
    private readonly ParsedExpressionCache<FeelNode, FeelSyntaxException> _parsed = new(FeelParser.Parse);

    /// <summary>Creates the evaluator; <see cref="ExpressionLimits.MaxStringLength"/> and <see cref="ExpressionLimits.MaxArrayLength"/> bound what it builds.</summary>
    public FeelExpressionEvaluator(ExpressionLimits limits) => _limits = limits;

    /// <summary>Whether <paramref name="expression"/> is written as FEEL: it starts with <c>=</c>, blanks before allowed.</summary>
    public static bool IsFeel(string? expression) => expression.AsSpan().TrimStart().StartsWith('=');

    /// <inheritdoc />
    public JsonElement Evaluate(string expression, IReadOnlyDictionary<string, JsonElement> variables)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(variables);
        var parsed = _parsed.Parse(expression, out var syntaxError)
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

        return _parsed.Parse(expression, out var syntaxError) is null ? $"it is not a FEEL expression CrmBpm can run: {syntaxError}" : null;
    }
}
