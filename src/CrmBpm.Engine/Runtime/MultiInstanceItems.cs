using System.Globalization;
using System.Text.Json;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Expressions;

namespace CrmBpm.Engine.Runtime;

/// <summary>
/// What a multi-instance activity runs over and when it is done: its items (taken once, when it starts), the variables
/// each run sees, and its completion condition with BPMN's built-in counters.
/// </summary>
internal static class MultiInstanceItems
{
    /// <summary>
    /// The runs of <paramref name="multi"/>: the items of its list, or as many nulls as its cardinality says. False, with an
    /// incident code and message, when the list is missing or no list, the cardinality no whole number, or there would be
    /// more than <paramref name="maxRuns"/> runs (checked before any list of that size is made).
    /// </summary>
    public static bool TryResolve(MultiInstance multi, string activity, IReadOnlyDictionary<string, JsonElement> variables, IExpressionEvaluator expressions,
        int maxRuns, out List<JsonElement?> items, out string code, out string error)
    {
        items = [];
        (code, error) = ("", "");
        if (multi.HasCollection)
        {
            JsonElement list;
            var source = multi.CollectionVariable ?? multi.CollectionExpression!;
            if (!string.IsNullOrWhiteSpace(multi.CollectionVariable))
            {
                variables.TryGetValue(multi.CollectionVariable, out list);
            }
            else
            {
                try
                {
                    list = expressions.Evaluate(multi.CollectionExpression!, variables);
                }
                catch (ExpressionException ex)
                {
                    (code, error) = (IncidentCodes.ExpressionFailed, $"The collection '{source}' of {activity}: {ex.Message}");
                    return false;
                }
            }

            if (list.ValueKind != JsonValueKind.Array)
            {
                var what = (multi.CollectionVariable is null, list.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null) switch
                {
                    (false, true) => "that variable is missing",
                    (false, false) => "that variable is not a list",
                    (true, true) => "that expression gave nothing",
                    (true, false) => $"that expression gave {list.GetRawText()}, not a list",
                };
                (code, error) = (IncidentCodes.CollectionNotAList, $"{Capital(activity)} runs once per item of '{source}', but {what}.");
                return false;
            }

            if (list.GetArrayLength() > maxRuns)
            {
                (code, error) = TooManyRuns(activity, $"'{source}' has {list.GetArrayLength()} items", maxRuns);
                return false;
            }

            items = [.. list.EnumerateArray().Select(e => (JsonElement?)e.Clone())];
            return true;
        }

        var cardinality = multi.LoopCardinality?.Trim() ?? "";
        if (int.TryParse(cardinality, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            if (count > maxRuns)
            {
                (code, error) = TooManyRuns(activity, $"its loop cardinality is {count}", maxRuns);
                return false;
            }

            items = [.. Enumerable.Repeat<JsonElement?>(null, count)];
            return true;
        }

        JsonElement value;
        try
        {
            value = cardinality.Length == 0 ? default : expressions.Evaluate(cardinality, variables);
        }
        catch (ExpressionException ex)
        {
            (code, error) = (IncidentCodes.LoopCardinalityInvalid, $"The loop cardinality '{cardinality}' of {activity}: {ex.Message}");
            return false;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && number >= 0 && number == Math.Floor(number))
        {
            if (number > maxRuns)
            {
                (code, error) = TooManyRuns(activity, $"its loop cardinality '{cardinality}' gave {value.GetRawText()}", maxRuns);
                return false;
            }

            items = [.. Enumerable.Repeat<JsonElement?>(null, (int)number)];
            return true;
        }

        (code, error) = (IncidentCodes.LoopCardinalityInvalid, cardinality.Length == 0
            ? $"{Capital(activity)} is a multi-instance with neither a collection nor a loop cardinality."
            : $"The loop cardinality '{cardinality}' of {activity} gave {(value.ValueKind == JsonValueKind.Undefined ? "nothing" : value.GetRawText())}, not a whole number from 0 up.");
        return false;
    }

    private static (string Code, string Error) TooManyRuns(string activity, string why, int maxRuns) =>
        (IncidentCodes.TooManyRuns, $"{Capital(activity)} cannot run: {why}, more than the {maxRuns} runs one multi-instance may have ({nameof(CrmBpmOptions.MaxMultiInstanceRuns)}).");

    /// <summary>BPMN's name for a run's index, set on every run.</summary>
    public const string LoopCounter = "loopCounter";

    /// <summary>The variables one run sees beside the others: its item (when it has one) and its <c>loopCounter</c> (0-based, as Camunda's).</summary>
    public static Dictionary<string, JsonElement> RunVariables(MultiInstance multi, int index, JsonElement? item)
    {
        var variables = new Dictionary<string, JsonElement>(StringComparer.Ordinal) { [LoopCounter] = JsonSerializer.SerializeToElement(index) };
        if (item is { } value)
        {
            variables[multi.ElementVariable] = value;
        }

        return variables;
    }

    /// <summary>
    /// Evaluates the completion condition after a run completed, with BPMN's counters beside <paramref name="variables"/>:
    /// whether it holds (false without one), or, when it fails or gives no boolean, an incident code and message.
    /// </summary>
    public static (bool Met, string? Code, string? Error) CompletionReached(MultiInstance multi, string activity, IReadOnlyDictionary<string, JsonElement> variables,
        int total, int completed, int active, IExpressionEvaluator expressions)
    {
        if (string.IsNullOrWhiteSpace(multi.CompletionCondition))
        {
            return (false, null, null);
        }

        var scope = new Dictionary<string, JsonElement>(variables, StringComparer.Ordinal);
        foreach (var (name, value) in new[]
        {
            ("nrOfInstances", total), ("nrOfCompletedInstances", completed), ("nrOfActiveInstances", active),
            ("numberOfInstances", total), ("numberOfCompletedInstances", completed), ("numberOfActiveInstances", active),
        })
        {
            scope[name] = JsonSerializer.SerializeToElement(value);
        }

        try
        {
            var result = expressions.Evaluate(multi.CompletionCondition, scope);
            return result.ValueKind switch
            {
                JsonValueKind.True => (true, null, null),
                JsonValueKind.False => (false, null, null),
                _ => (false, IncidentCodes.ConditionNotBoolean, $"The completion condition '{multi.CompletionCondition}' of {activity} must give true or false, but gave {result.GetRawText()}."),
            };
        }
        catch (ExpressionException ex)
        {
            return (false, IncidentCodes.ExpressionFailed, $"The completion condition '{multi.CompletionCondition}' of {activity}: {ex.Message}");
        }
    }

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
