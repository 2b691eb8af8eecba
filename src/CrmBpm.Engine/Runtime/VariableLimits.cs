using System.Runtime.InteropServices;
using System.Text.Json;
using CrmBpm.Engine.Errors;

namespace CrmBpm.Engine.Runtime;

/// <summary>
/// Keeps instance variables to the sizes set in <see cref="CrmBpmOptions"/>: every variable's JSON text, all of an
/// instance's together, and how deep JSON values nest. Variables are stored with the instance and served to everyone
/// who reads it, so one oversized value would cost every reader.
/// </summary>
internal sealed class VariableLimits(CrmBpmOptions options)
{
    /// <summary>Throws <see cref="VariableLimitException"/> when <paramref name="incoming"/>, set over <paramref name="current"/>, passes a limit.</summary>
    public void Ensure(IReadOnlyDictionary<string, JsonElement> current, IReadOnlyDictionary<string, JsonElement> incoming)
    {
        if (Find(current, incoming) is { } problem)
        {
            throw problem;
        }
    }

    /// <summary>The first limit <paramref name="incoming"/> set over <paramref name="current"/> would pass; null when within every limit.</summary>
    public VariableLimitException? Find(IReadOnlyDictionary<string, JsonElement> current, IReadOnlyDictionary<string, JsonElement> incoming)
    {
        long total = 0;
        foreach (var (name, value) in current)
        {
            if (!incoming.ContainsKey(name))
            {
                total += Bytes(name, value);
            }
        }

        string? largest = null;
        long largestBytes = -1;
        foreach (var (name, value) in incoming)
        {
            var bytes = Bytes(name, value);
            if (bytes - name.Length > options.MaxVariableBytes)
            {
                return new VariableLimitException("variable.too-large", name, nameof(CrmBpmOptions.MaxVariableBytes), options.MaxVariableBytes, bytes - name.Length,
                    $"Variable '{name}' is {Size(bytes - name.Length)} as JSON; a variable may be at most {Size(options.MaxVariableBytes)} ({nameof(CrmBpmOptions.MaxVariableBytes)}).");
            }

            if (Depth(value) is var depth && depth > options.MaxVariableDepth)
            {
                return new VariableLimitException("variable.too-deep", name, nameof(CrmBpmOptions.MaxVariableDepth), options.MaxVariableDepth, depth,
                    $"Variable '{name}' nests {depth} levels deep; a variable may nest at most {options.MaxVariableDepth} levels ({nameof(CrmBpmOptions.MaxVariableDepth)}).");
            }

            total += bytes;
            if (bytes > largestBytes)
            {
                (largest, largestBytes) = (name, bytes);
            }
        }

        return total > options.MaxInstanceVariablesBytes && largest is not null
            ? new VariableLimitException("variables.too-large", largest, nameof(CrmBpmOptions.MaxInstanceVariablesBytes), options.MaxInstanceVariablesBytes, total,
                $"The instance's variables would take {Size(total)} as JSON with '{largest}' ({Size(largestBytes - largest.Length)}); an instance may hold at most {Size(options.MaxInstanceVariablesBytes)} ({nameof(CrmBpmOptions.MaxInstanceVariablesBytes)}).")
            : null;
    }

    /// <summary>The variable's JSON text in UTF-8 bytes, plus its name (the name is stored too).</summary>
    private static long Bytes(string name, JsonElement value) =>
        name.Length + (value.ValueKind == JsonValueKind.Undefined ? 0 : JsonMarshal.GetRawUtf8Value(value).Length);

    /// <summary>How many arrays and objects nest inside each other; a scalar is 0. Iterative, so any depth is measured safely.</summary>
    private static int Depth(JsonElement value)
    {
        var deepest = 0;
        var pending = new Stack<(JsonElement Element, int Depth)>();
        pending.Push((value, 0));
        while (pending.TryPop(out var item))
        {
            var children = item.Element.ValueKind switch
            {
                JsonValueKind.Object => item.Element.EnumerateObject().Select(p => p.Value),
                JsonValueKind.Array => item.Element.EnumerateArray(),
                _ => null,
            };
            if (children is null)
            {
                continue;
            }

            deepest = Math.Max(deepest, item.Depth + 1);
            foreach (var child in children)
            {
                if (child.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                {
                    pending.Push((child, item.Depth + 1));
                }
            }
        }

        return deepest;
    }

    private static string Size(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MB" : bytes >= 1024 ? $"{bytes / 1024.0:0.#} KB" : $"{bytes} bytes";
}
