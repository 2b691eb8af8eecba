using System.Text.Json;

namespace CrmBpm.Server.Api.Contracts;

/// <summary>
/// A message to deliver: its name, whom it is for (business key, correlation key, correlation variables; any of them),
/// the variables it sets, and whether it goes to every matching wait.
/// </summary>
public sealed record CorrelateMessageRequest(
    string? MessageName, string? BusinessKey, string? CorrelationKey, Dictionary<string, JsonElement>? CorrelationVariables,
    Dictionary<string, JsonElement>? Variables, bool All = false);

/// <summary>Where a message went: the instances it reached, or the one its message start started.</summary>
public sealed record CorrelationDto(IReadOnlyList<Guid> ReachedInstanceIds, Guid? StartedInstanceId);

/// <summary>A signal to broadcast, with the variables it sets on every instance it reaches.</summary>
public sealed record BroadcastSignalRequest(string? SignalName, Dictionary<string, JsonElement>? Variables);

/// <summary>The instances a signal reached, then those it started through signal start events (none is not an error).</summary>
public sealed record SignalDto(IReadOnlyList<Guid> ReachedInstanceIds);
