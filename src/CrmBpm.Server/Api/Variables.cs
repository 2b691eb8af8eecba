using System.Text.Json;

namespace CrmBpm.Server.Api;

/// <summary>Request variables (JSON values) as the engine takes them.</summary>
internal static class Variables
{
    public static IReadOnlyDictionary<string, object?>? From(Dictionary<string, JsonElement>? variables) =>
        variables?.ToDictionary(kv => kv.Key, kv => (object?)kv.Value, StringComparer.Ordinal);
}
