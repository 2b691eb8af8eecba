using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Encodings.Web;

namespace CrmBpm.Engine.Runtime;

/// <summary>
/// A sub-process shares its parent's variables (BPMN has one scope): its child instance starts with a copy of all of them,
/// and at its end only the variables it set or changed go back. Comparing with what the parent holds then would write a
/// stale copy over a change a parallel branch of the parent made meanwhile; so the values the child started with are
/// remembered, as short fingerprints on the parent's waiting token (not copies: variables may be large).
/// </summary>
internal static class SubProcessVariables
{
    private static readonly JsonSerializerOptions Canonical = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A fingerprint of every variable, to remember at the child's start.</summary>
    public static Dictionary<string, string> Fingerprints(IReadOnlyDictionary<string, JsonElement> variables) =>
        variables.ToDictionary(v => v.Key, v => Fingerprint(v.Value), StringComparer.Ordinal);

    /// <summary>The child's variables that are new or whose value differs from the one it started with.</summary>
    public static Dictionary<string, JsonElement> Changed(IReadOnlyDictionary<string, JsonElement> child, IReadOnlyDictionary<string, string>? atStart)
    {
        var changed = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (name, value) in child)
        {
            if (atStart is null || !atStart.TryGetValue(name, out var before) || before != Fingerprint(value))
            {
                changed[name] = value;
            }
        }

        return changed;
    }

    /// <summary>SHA-256 of the value written canonically (a stored and read-back value gives the same), cut to 16 bytes.</summary>
    private static string Fingerprint(JsonElement value) =>
        Convert.ToBase64String(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(value, Canonical)).AsSpan(0, 16));
}
