using System.Text.Json;
using CrmBpm.Engine.Expressions.Juel;

namespace CrmBpm.Engine.Expressions;

/// <summary>
/// The engine's evaluator: an expression written as <c>${…}</c> or <c>#{…}</c> is JUEL, as in the Camunda and Flowable
/// files it came from, and is evaluated with JUEL's rules (<see cref="JuelExpressionEvaluator"/>); anything else is
/// JavaScript (<see cref="JintExpressionEvaluator"/>). The two never overlap: no JavaScript expression starts with <c>${</c>.
/// </summary>
public sealed class ExpressionEvaluator : IExpressionEvaluator
{
    private readonly JuelExpressionEvaluator _juel;
    private readonly JintExpressionEvaluator _javaScript;

    /// <summary>Creates both evaluators with the same limits.</summary>
    public ExpressionEvaluator(ExpressionLimits limits)
    {
        _juel = new JuelExpressionEvaluator(limits);
        _javaScript = new JintExpressionEvaluator(limits);
    }

    /// <inheritdoc />
    public JsonElement Evaluate(string expression, IReadOnlyDictionary<string, JsonElement> variables) =>
        JuelExpressionEvaluator.IsJuel(expression) ? _juel.Evaluate(expression, variables) : _javaScript.Evaluate(expression, variables);

    /// <inheritdoc />
    public string? FindSyntaxError(string expression) =>
        JuelExpressionEvaluator.IsJuel(expression) ? _juel.FindSyntaxError(expression) : _javaScript.FindSyntaxError(expression);
}
