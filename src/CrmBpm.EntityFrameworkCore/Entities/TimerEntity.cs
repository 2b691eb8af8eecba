using CrmBpm.Engine.Timers;

namespace CrmBpm.EntityFrameworkCore.Entities;

/// <summary>
/// A row of <c>timers</c>: one <see cref="TimerRecord"/>. <see cref="FiredAt"/> is a concurrency token, so a timer is
/// marked fired only while it is still unfired.
/// </summary>
public sealed class TimerEntity
{
    /// <summary>See <see cref="TimerRecord.Id"/>.</summary>
    public Guid Id { get; set; }

    /// <summary>See <see cref="TimerRecord.InstanceId"/>.</summary>
    public Guid InstanceId { get; set; }

    /// <summary>See <see cref="TimerRecord.TaskId"/>.</summary>
    public Guid TaskId { get; set; }

    /// <summary>See <see cref="TimerRecord.Kind"/>.</summary>
    public TimerKind Kind { get; set; }

    /// <summary>See <see cref="TimerRecord.Attempt"/>.</summary>
    public int Attempt { get; set; }

    /// <summary>See <see cref="TimerRecord.PointId"/>.</summary>
    public string? PointId { get; set; }

    /// <summary>See <see cref="TimerRecord.MapKey"/>.</summary>
    public string? MapKey { get; set; }

    /// <summary>See <see cref="TimerRecord.MapVersion"/>.</summary>
    public int? MapVersion { get; set; }

    /// <summary>See <see cref="TimerRecord.Topic"/>.</summary>
    public string? Topic { get; set; }

    /// <summary>See <see cref="TimerRecord.Retries"/>.</summary>
    public int? Retries { get; set; }

    /// <summary>See <see cref="TimerRecord.EventName"/>.</summary>
    public string? EventName { get; set; }

    /// <summary>See <see cref="TimerRecord.CorrelationKey"/>.</summary>
    public string? CorrelationKey { get; set; }

    /// <summary>See <see cref="TimerRecord.DueAt"/>.</summary>
    public DateTimeOffset DueAt { get; set; }

    /// <summary>See <see cref="TimerRecord.LeaseOwner"/>.</summary>
    public string? LeaseOwner { get; set; }

    /// <summary>See <see cref="TimerRecord.LeaseUntil"/>.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }

    /// <summary>See <see cref="TimerRecord.FiredAt"/>.</summary>
    public DateTimeOffset? FiredAt { get; set; }
}
