using CrmBpm.Engine.Runtime;

namespace CrmBpm.EntityFrameworkCore.Entities;

/// <summary>A row of <c>history</c>: one <see cref="HistoryEntry"/>; (instance, sequence) is unique.</summary>
public sealed class HistoryEntity
{
    /// <summary>See <see cref="HistoryEntry.Id"/>.</summary>
    public Guid Id { get; set; }

    /// <summary>See <see cref="HistoryEntry.InstanceId"/>.</summary>
    public Guid InstanceId { get; set; }

    /// <summary>See <see cref="HistoryEntry.Sequence"/>.</summary>
    public long Sequence { get; set; }

    /// <summary>See <see cref="HistoryEntry.At"/>.</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>See <see cref="HistoryEntry.Kind"/>.</summary>
    public HistoryKind Kind { get; set; }

    /// <summary>See <see cref="HistoryEntry.Actor"/>.</summary>
    public string? Actor { get; set; }

    /// <summary>See <see cref="HistoryEntry.OnBehalfOf"/>.</summary>
    public string? OnBehalfOf { get; set; }

    /// <summary>See <see cref="HistoryEntry.PointId"/>.</summary>
    public string? PointId { get; set; }

    /// <summary>See <see cref="HistoryEntry.FromPointId"/>.</summary>
    public string? FromPointId { get; set; }

    /// <summary>See <see cref="HistoryEntry.FlowId"/>.</summary>
    public string? FlowId { get; set; }

    /// <summary>See <see cref="HistoryEntry.TaskId"/>.</summary>
    public Guid? TaskId { get; set; }

    /// <summary>See <see cref="HistoryEntry.Details"/>.</summary>
    public string? Details { get; set; }
}
