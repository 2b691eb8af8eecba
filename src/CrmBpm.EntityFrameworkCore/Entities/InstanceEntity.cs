using CrmBpm.Engine.Runtime;

namespace CrmBpm.EntityFrameworkCore.Entities;

/// <summary>
/// A row of <c>instances</c>: the scalars of an <see cref="InstanceSnapshot"/> as columns, tokens and variables
/// as JSON. <see cref="Version"/> is the optimistic concurrency token.
/// </summary>
public sealed class InstanceEntity
{
    /// <summary>
    /// Surrogate key in insertion order: instances started by one command share a clock reading, and the engine
    /// lists them in the order they were started.
    /// </summary>
    public long Seq { get; set; }

    /// <summary>See <see cref="ProcessInstance.Id"/>.</summary>
    public Guid Id { get; set; }

    /// <summary>See <see cref="ProcessInstance.MapKey"/>.</summary>
    public required string MapKey { get; set; }

    /// <summary>See <see cref="ProcessInstance.MapVersion"/>.</summary>
    public int MapVersion { get; set; }

    /// <summary>See <see cref="ProcessInstance.Status"/>.</summary>
    public InstanceStatus Status { get; set; }

    /// <summary>See <see cref="ProcessInstance.ParentInstanceId"/>.</summary>
    public Guid? ParentInstanceId { get; set; }

    /// <summary>See <see cref="ProcessInstance.ParentTokenId"/>.</summary>
    public Guid? ParentTokenId { get; set; }

    /// <summary>See <see cref="ProcessInstance.RootInstanceId"/>.</summary>
    public Guid RootInstanceId { get; set; }

    /// <summary>Type of <see cref="ProcessInstance.Subject"/>.</summary>
    public string? SubjectType { get; set; }

    /// <summary>Id of <see cref="ProcessInstance.Subject"/>.</summary>
    public string? SubjectId { get; set; }

    /// <summary>See <see cref="ProcessInstance.BusinessKey"/>.</summary>
    public string? BusinessKey { get; set; }

    /// <summary>See <see cref="ProcessInstance.Result"/>.</summary>
    public string? Result { get; set; }

    /// <summary>See <see cref="ProcessInstance.IncidentMessage"/>.</summary>
    public string? IncidentMessage { get; set; }

    /// <summary>See <see cref="ProcessInstance.IncidentCode"/>.</summary>
    public string? IncidentCode { get; set; }

    /// <summary>See <see cref="ProcessInstance.StartedBy"/>.</summary>
    public string? StartedBy { get; set; }

    /// <summary>See <see cref="ProcessInstance.StartedAt"/>.</summary>
    public DateTimeOffset StartedAt { get; set; }

    /// <summary>See <see cref="ProcessInstance.EndedAt"/>.</summary>
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>See <see cref="ProcessInstance.Version"/>; the concurrency token.</summary>
    public long Version { get; set; }

    /// <summary>See <see cref="ProcessInstance.HistoryCount"/>.</summary>
    public long HistoryCount { get; set; }

    /// <summary>See <see cref="ProcessInstance.Tokens"/>, as a JSON array.</summary>
    public required string Tokens { get; set; }

    /// <summary>See <see cref="ProcessInstance.Variables"/>, as a JSON object.</summary>
    public required string Variables { get; set; }
}
