using CrmBpm.Engine.Tasks;

namespace CrmBpm.EntityFrameworkCore.Entities;

/// <summary>A row of <c>tasks</c>: every field of a <see cref="WorkTask"/>; lists and the item as JSON.</summary>
public sealed class TaskEntity
{
    /// <summary>Surrogate key in insertion order: tasks created by one command share a clock reading.</summary>
    public long Seq { get; set; }

    /// <summary>See <see cref="WorkTask.Id"/>.</summary>
    public Guid Id { get; set; }

    /// <summary>See <see cref="WorkTask.InstanceId"/>.</summary>
    public Guid InstanceId { get; set; }

    /// <summary>See <see cref="WorkTask.RootInstanceId"/>.</summary>
    public Guid RootInstanceId { get; set; }

    /// <summary>See <see cref="WorkTask.MapKey"/>.</summary>
    public required string MapKey { get; set; }

    /// <summary>See <see cref="WorkTask.MapVersion"/>.</summary>
    public int MapVersion { get; set; }

    /// <summary>See <see cref="WorkTask.PointId"/>.</summary>
    public required string PointId { get; set; }

    /// <summary>See <see cref="WorkTask.PointName"/>.</summary>
    public string PointName { get; set; } = "";

    /// <summary>See <see cref="WorkTask.TokenId"/>.</summary>
    public Guid TokenId { get; set; }

    /// <summary>See <see cref="WorkTask.ItemIndex"/>.</summary>
    public int? ItemIndex { get; set; }

    /// <summary>See <see cref="WorkTask.Item"/>, as JSON.</summary>
    public string? Item { get; set; }

    /// <summary>See <see cref="WorkTask.Title"/>.</summary>
    public required string Title { get; set; }

    /// <summary>See <see cref="WorkTask.Description"/>.</summary>
    public string Description { get; set; } = "";

    /// <summary>See <see cref="WorkTask.PerformerUserId"/>.</summary>
    public string? PerformerUserId { get; set; }

    /// <summary>See <see cref="WorkTask.PerformerRole"/>.</summary>
    public string? PerformerRole { get; set; }

    /// <summary>See <see cref="WorkTask.PerformerAddressingObject"/>.</summary>
    public string? PerformerAddressingObject { get; set; }

    /// <summary>See <see cref="WorkTask.AssigneeId"/>.</summary>
    public string? AssigneeId { get; set; }

    /// <summary>See <see cref="WorkTask.Status"/>.</summary>
    public WorkTaskStatus Status { get; set; }

    /// <summary>See <see cref="WorkTask.RequiresAcceptance"/>.</summary>
    public bool RequiresAcceptance { get; set; }

    /// <summary>See <see cref="WorkTask.Outcomes"/>, as a JSON array.</summary>
    public required string Outcomes { get; set; }

    /// <summary>See <see cref="WorkTask.FormFields"/>, as a JSON array.</summary>
    public required string FormFields { get; set; }

    /// <summary>See <see cref="WorkTask.Stage"/>.</summary>
    public string? Stage { get; set; }

    /// <summary>Type of <see cref="WorkTask.Subject"/>.</summary>
    public string? SubjectType { get; set; }

    /// <summary>Id of <see cref="WorkTask.Subject"/>.</summary>
    public string? SubjectId { get; set; }

    /// <summary>See <see cref="WorkTask.CreatedAt"/>.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>See <see cref="WorkTask.DueAt"/>.</summary>
    public DateTimeOffset? DueAt { get; set; }

    /// <summary>See <see cref="WorkTask.PostponedUntil"/>.</summary>
    public DateTimeOffset? PostponedUntil { get; set; }

    /// <summary>See <see cref="WorkTask.AcceptedAt"/>.</summary>
    public DateTimeOffset? AcceptedAt { get; set; }

    /// <summary>See <see cref="WorkTask.ClosedAt"/>.</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>See <see cref="WorkTask.CompletedBy"/>.</summary>
    public string? CompletedBy { get; set; }

    /// <summary>See <see cref="WorkTask.Outcome"/>.</summary>
    public string? Outcome { get; set; }

    /// <summary>See <see cref="WorkTask.Comment"/>.</summary>
    public string? Comment { get; set; }

    /// <summary>Sort key of My tasks: the deadline in UTC ticks, or <see cref="long.MaxValue"/> without one (undated tasks last), so an index can serve the order.</summary>
    public long DueSort { get; set; }

    /// <summary>True while the task is Open or Accepted; leads the My tasks indexes so closed tasks are never scanned.</summary>
    public bool Active { get; set; }

    /// <summary>
    /// Raised by every write of the task's state; a concurrency token, so a command that read the task before
    /// another command changed it cannot overwrite that change (for example complete it a second time).
    /// </summary>
    public long RowVersion { get; set; }
}
