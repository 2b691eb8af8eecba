namespace CrmBpm.Engine.Timers;

/// <summary>
/// A timer due in the database. A node leases due timers (owner + expiry) before firing them,
/// so several nodes on one database never fire one twice; a crashed node's lease expires.
/// </summary>
public sealed class TimerRecord
{
    /// <summary>Identifier.</summary>
    public Guid Id { get; init; } = Runtime.Ids.Next();

    /// <summary>The instance of the task.</summary>
    public required Guid InstanceId { get; init; }

    /// <summary>The task the timer belongs to.</summary>
    public required Guid TaskId { get; init; }

    /// <summary>Deadline or reminder.</summary>
    public required TimerKind Kind { get; init; }

    /// <summary>When it is due.</summary>
    public required DateTimeOffset DueAt { get; init; }

    /// <summary>The node holding the lease.</summary>
    public string? LeaseOwner { get; set; }

    /// <summary>When the lease ends.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }

    /// <summary>When it fired; null while pending.</summary>
    public DateTimeOffset? FiredAt { get; set; }

    /// <summary>A detached copy.</summary>
    public TimerRecord Clone() => (TimerRecord)MemberwiseClone();
}
