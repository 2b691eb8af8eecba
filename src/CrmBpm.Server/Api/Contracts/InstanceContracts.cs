using System.Text.Json;
using CrmBpm.Engine.Runtime;

namespace CrmBpm.Server.Api.Contracts;

/// <summary>Where a token is; a stuck one says why, for code (<c>IncidentCode</c>, one of the engine's <c>IncidentCodes</c>) and for people.</summary>
public sealed record TokenDto(Guid Id, string PointId, TokenState State, Guid? ChildInstanceId, string? IncidentMessage, string? IncidentCode = null);

/// <summary>An instance's state; with an incident, its stable code (<c>IncidentCode</c>) beside the message.</summary>
public sealed record InstanceDto(
    Guid Id, string MapKey, int MapVersion, InstanceStatus Status, Guid? ParentInstanceId, Guid RootInstanceId,
    SubjectReference? Subject, string? BusinessKey, string? Result, string? IncidentMessage, string? StartedBy,
    DateTimeOffset StartedAt, DateTimeOffset? EndedAt, IReadOnlyList<TokenDto> Tokens, IReadOnlyDictionary<string, JsonElement> Variables,
    string? IncidentCode = null)
{
    /// <summary>Maps an engine instance.</summary>
    public static InstanceDto From(ProcessInstance i) => new(
        i.Id, i.MapKey, i.MapVersion, i.Status, i.ParentInstanceId, i.RootInstanceId, i.Subject, i.BusinessKey, i.Result,
        i.IncidentMessage, i.StartedBy, i.StartedAt, i.EndedAt,
        [.. i.Tokens.Select(t => new TokenDto(t.Id, t.PointId, t.State, t.ChildInstanceId, t.IncidentMessage, t.IncidentCode))], i.Variables,
        i.IncidentCode);
}

/// <summary>Starting an instance.</summary>
public sealed record StartInstanceRequest(string? MapKey, int? Version, Dictionary<string, JsonElement>? Variables, string? SubjectType, string? SubjectId, string? BusinessKey);

/// <summary>Terminating an instance.</summary>
public sealed record TerminateInstanceRequest(string? Reason);

/// <summary>Retrying an incident after fixing variables.</summary>
public sealed record RetryInstanceRequest(Dictionary<string, JsonElement>? Variables);
