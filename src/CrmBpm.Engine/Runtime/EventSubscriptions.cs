using System.Text.Json;
using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Timers;

namespace CrmBpm.Engine.Runtime;

/// <summary>
/// Message and signal subscriptions: persisted waits in the one timer table (<see cref="TimerKind.MessageSubscription"/>,
/// <see cref="TimerKind.SignalSubscription"/>), never due, so the timer service never takes them; a correlation or a broadcast
/// fires them, and, like every wait of a token, they are removed when the token leaves or the instance ends.
/// </summary>
internal static class EventSubscriptions
{
    /// <summary>A subscription of the token <paramref name="tokenId"/> (at the wait, or beside its activity for the boundary <paramref name="boundaryId"/>).</summary>
    public static TimerRecord New(ProcessInstance instance, Guid tokenId, TimerKind kind, string eventName, string? correlationKey, string? boundaryId, int attempt = 1) => new()
    {
        InstanceId = instance.Id,
        TaskId = tokenId,
        PointId = boundaryId,
        Kind = kind,
        EventName = eventName,
        CorrelationKey = correlationKey,
        DueAt = DateTimeOffset.MaxValue,
        Attempt = attempt,
    };

    /// <summary>
    /// The key a message must carry: the value of <paramref name="expression"/> now, as text; null without an expression.
    /// False (with the reason) when the expression fails or gives nothing to compare.
    /// </summary>
    public static bool TryCorrelationKey(string? expression, IReadOnlyDictionary<string, JsonElement> variables, IExpressionEvaluator expressions, out string? key, out string? error)
    {
        key = null;
        error = null;
        if (string.IsNullOrWhiteSpace(expression))
        {
            return true;
        }

        try
        {
            var value = expressions.Evaluate(expression, variables);
            if (value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
            {
                error = $"its correlation key '{expression}' gave no value.";
                return false;
            }

            key = Variables.ToText(value);
            return true;
        }
        catch (ExpressionException ex)
        {
            error = $"its correlation key '{expression}' failed: {ex.Message}";
            return false;
        }
    }

    /// <summary>Whether <paramref name="instance"/> is the one a message names: its business key and correlation variables.</summary>
    public static bool Matches(ProcessInstance instance, string? businessKey, IReadOnlyDictionary<string, JsonElement> correlationVariables)
    {
        if (businessKey is not null && !string.Equals(instance.BusinessKey, businessKey, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var (name, expected) in correlationVariables)
        {
            if (!instance.Variables.TryGetValue(name, out var actual) || !JsonElement.DeepEquals(actual, expected))
            {
                return false;
            }
        }

        return true;
    }
}
