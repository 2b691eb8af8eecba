using System.Text.Json;

namespace CrmBpm.Engine.Expressions;

/// <summary>Evaluates route-map expressions over instance variables.</summary>
public interface IExpressionEvaluator
{
    /// <summary>Evaluates <paramref name="expression"/> with the variables as globals and returns its value as JSON.</summary>
    /// <exception cref="ExpressionException">The expression failed, ran too long, used too much memory or recursed too deep.</exception>
    JsonElement Evaluate(string expression, IReadOnlyDictionary<string, JsonElement> variables);

    /// <summary>Parses without running; returns a message describing the syntax error, or null when the expression is well formed.</summary>
    string? FindSyntaxError(string expression);
}
