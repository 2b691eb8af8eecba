using System.Text.Json;

namespace CrmBpm.Engine.Runtime;

/// <summary>The stored form of a <see cref="ProcessInstance"/>; persistence providers save and load this.</summary>
public sealed record InstanceSnapshot
{
    /// <summary>See <see cref="ProcessInstance.Id"/>.</summary>
    public required Guid Id { get; init; }

    /// <summary>See <see cref="ProcessInstance.MapKey"/>.</summary>
    public required string MapKey { get; init; }

    /// <summary>See <see cref="ProcessInstance.MapVersion"/>.</summary>
    public required int MapVersion { get; init; }

    /// <summary>See <see cref="ProcessInstance.Status"/>.</summary>
    public InstanceStatus Status { get; init; }

    /// <summary>See <see cref="ProcessInstance.ParentInstanceId"/>.</summary>
    public Guid? ParentInstanceId { get; init; }

    /// <summary>See <see cref="ProcessInstance.ParentTokenId"/>.</summary>
    public Guid? ParentTokenId { get; init; }

    /// <summary>See <see cref="ProcessInstance.RootInstanceId"/>.</summary>
    public Guid RootInstanceId { get; init; }

    /// <summary>See <see cref="ProcessInstance.Subject"/>.</summary>
    public SubjectReference? Subject { get; init; }

    /// <summary>See <see cref="ProcessInstance.BusinessKey"/>.</summary>
    public string? BusinessKey { get; init; }

    /// <summary>See <see cref="ProcessInstance.Result"/>.</summary>
    public string? Result { get; init; }

    /// <summary>See <see cref="ProcessInstance.IncidentMessage"/>.</summary>
    public string? IncidentMessage { get; init; }

    /// <summary>See <see cref="ProcessInstance.IncidentCode"/>.</summary>
    public string? IncidentCode { get; init; }

    /// <summary>See <see cref="ProcessInstance.StartedBy"/>.</summary>
    public string? StartedBy { get; init; }

    /// <summary>See <see cref="ProcessInstance.StartedAt"/>.</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>See <see cref="ProcessInstance.EndedAt"/>.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>See <see cref="ProcessInstance.Version"/>.</summary>
    public long Version { get; init; }

    /// <summary>See <see cref="ProcessInstance.HistoryCount"/>.</summary>
    public long HistoryCount { get; init; }

    /// <summary>See <see cref="ProcessInstance.Tokens"/>.</summary>
    public IReadOnlyList<Token> Tokens { get; init; } = [];

    /// <summary>See <see cref="ProcessInstance.Variables"/>.</summary>
    public IReadOnlyDictionary<string, JsonElement> Variables { get; init; } = new Dictionary<string, JsonElement>();
}
