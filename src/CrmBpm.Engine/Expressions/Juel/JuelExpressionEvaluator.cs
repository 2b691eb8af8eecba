using System.Text.Json;

namespace CrmBpm.Engine.Expressions.Juel;

/// <summary>
/// JUEL, the expression language of Camunda 7 and Flowable, as those engines evaluate conditions: operators, word
/// operators and coercions of Expression Language 2.2, over the instance's variables. It never calls into .NET:
/// only a fixed set of string, list and map methods runs, and <c>execution.getVariable('x')</c> reads a variable.
/// </summary>
public sealed class JuelExpressionEvaluator : IExpressionEvaluator
{
    private readonly ExpressionLimits _limits;
    private readonly ParsedExpressionCache<JuelExpression, JuelSyntaxException> _parsed = new(JuelParser.Parse);

    /// <summary>Creates the evaluator; <see cref="ExpressionLimits.MaxStringLength"/> bounds text it builds.</summary>
    public JuelExpressionEvaluator(ExpressionLimits limits) => _limits = limits;

    /// <summary>Whether <paramref name="expression"/> is written as JUEL: one <c>${…}</c> or <c>#{…}</c>, blanks around allowed.</summary>
    public static bool IsJuel(string? expression)
    {
        var text = expression.AsSpan().Trim();
        return text.Length >= 3 && (text.StartsWith("${", StringComparison.Ordinal) || text.StartsWith("#{", StringComparison.Ordinal)) && text[^1] == '}';
    }

    /// <inheritdoc />
    public JsonElement Evaluate(string expression, IReadOnlyDictionary<string, JsonElement> variables)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(variables);
        var parsed = _parsed.Parse(expression, out var syntaxError)
            ?? throw new ExpressionException(expression, $"it is not a valid JUEL expression ({syntaxError}).");
        try
        {
            return JuelValues.ToJson(new JuelEvaluator(variables, _limits.MaxStringLength).Evaluate(parsed));
        }
        catch (JuelEvaluationException ex)
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

        return _parsed.Parse(expression, out var syntaxError) is null ? syntaxError : null;
    }
}
