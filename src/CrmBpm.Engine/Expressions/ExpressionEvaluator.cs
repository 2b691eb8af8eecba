using System.Text.Json;
using CrmBpm.Engine.Expressions.Feel;
using CrmBpm.Engine.Expressions.Juel;

namespace CrmBpm.Engine.Expressions;

/// <summary>
/// The engine's evaluator: an expression written as <c>${…}</c> or <c>#{…}</c> is JUEL, as in the Camunda and Flowable
/// files it came from, and is evaluated with JUEL's rules (<see cref="JuelExpressionEvaluator"/>); one that starts with
/// <c>=</c> is FEEL, as Camunda 8 (Zeebe) writes it (<see cref="FeelExpressionEvaluator"/>); anything else is JavaScript
/// (<see cref="JintExpressionEvaluator"/>). They never overlap: no JavaScript expression starts with <c>${</c> or <c>=</c>.
/// </summary>
public sealed class ExpressionEvaluator : IExpressionEvaluator
{
    private readonly JuelExpressionEvaluator _juel;
    private readonly FeelExpressionEvaluator _feel;
    private readonly JintExpressionEvaluator _javaScript;

    /// <summary>Creates the three evaluators with the same limits.</summary>
    public ExpressionEvaluator(ExpressionLimits limits)
    {
        _juel = new JuelExpressionEvaluator(limits);
        _feel = new FeelExpressionEvaluator(limits);
        _javaScript = new JintExpressionEvaluator(limits);
    }

    /// <inheritdoc />
    public JsonElement Evaluate(string expression, IReadOnlyDictionary<string, JsonElement> variables) => For(expression).Evaluate(expression, variables);

    /// <inheritdoc />
    public string? FindSyntaxError(string expression) => For(expression).FindSyntaxError(expression);

    private IExpressionEvaluator For(string expression) =>
        JuelExpressionEvaluator.IsJuel(expression) ? _juel
        : FeelExpressionEvaluator.IsFeel(expression) ? _feel
        : _javaScript;
}
