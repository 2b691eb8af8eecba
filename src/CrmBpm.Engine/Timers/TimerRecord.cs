namespace CrmBpm.Engine.Timers;

/// <summary>
/// A timer due in the database. A node leases due timers (owner + expiry) before firing them,
/// so several nodes on one database never fire one twice; a crashed node's lease expires. A job (an automatic step's
/// handler to run, <see cref="TimerKind.Job"/>) is a timer too, due at once: one persisted queue with one lease.
/// </summary>
public sealed class TimerRecord
{
    /// <summary>Identifier.</summary>
    public Guid Id { get; init; } = Runtime.Ids.Next();

    /// <summary>The instance of the task; empty for a <see cref="TimerKind.StartTimer"/>, which belongs to no instance yet.</summary>
    public required Guid InstanceId { get; init; }

    /// <summary>
    /// The task the timer belongs to; for a <see cref="TimerKind.Job"/>, the token waiting at the automatic step; for a
    /// <see cref="TimerKind.StartTimer"/>, the schedule of its map version (<see cref="StartScheduleId"/>).
    /// </summary>
    public required Guid TaskId { get; init; }

    /// <summary>
    /// For a job: which run of the handler it is, 1 for the first, 2 for the first retry, …; for a timer event or a boundary
    /// timer: which firing it is, 1 for the first (a cycle's repetitions count on from it); 0 for other timers.
    /// </summary>
    public int Attempt { get; init; }

    /// <summary>
    /// For a <see cref="TimerKind.BoundaryTimer"/> (or a boundary's subscription): the boundary event it belongs to (<see cref="TaskId"/>
    /// is then the token waiting at the activity it is attached to); for a wait of a token at an event-based gateway, the catch event
    /// it stands for; null for other timers.
    /// </summary>
    public string? PointId { get; init; }

    /// <summary>For a <see cref="TimerKind.StartTimer"/>: the key of the map it starts; null for other timers.</summary>
    public string? MapKey { get; init; }

    /// <summary>For a <see cref="TimerKind.StartTimer"/>: the version of the map it starts; null for other timers.</summary>
    public int? MapVersion { get; init; }


    /// <summary>
    /// For a job of an external step (<see cref="Definitions.ServicePoint.External"/>): the topic external workers fetch it by.
    /// The timer service never leases such a job; a worker does (<see cref="Jobs.IExternalTaskService"/>), holding the lease
    /// under its worker id. Null for every other timer.
    /// </summary>
    public string? Topic { get; init; }

    /// <summary>For an external job retried after a worker's failure: the retries the worker said were left; null before any failure.</summary>
    public int? Retries { get; init; }

    /// <summary>For a message or signal subscription: the name of the message or signal it waits for; null for other timers.</summary>
    public string? EventName { get; init; }

    /// <summary>For a message subscription: the key a message must carry to reach it (its point's correlation key, evaluated); null when none.</summary>
    public string? CorrelationKey { get; init; }

    /// <summary>Whether it is a subscription (message or signal): never due, fired by a correlation or a broadcast.</summary>
    public bool IsSubscription => Kind is TimerKind.MessageSubscription or TimerKind.SignalSubscription;

    /// <summary>Deadline, reminder, job, timer event, boundary timer, start timer, message or signal subscription.</summary>
    public required TimerKind Kind { get; init; }

    /// <summary>When it is due; <see cref="DateTimeOffset.MaxValue"/> for a subscription, which is never due.</summary>
    public required DateTimeOffset DueAt { get; init; }

    /// <summary>The node holding the lease.</summary>
    public string? LeaseOwner { get; set; }

    /// <summary>When the lease ends.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }

    /// <summary>When it fired; null while pending.</summary>
    public DateTimeOffset? FiredAt { get; set; }

    /// <summary>
    /// The schedule of one map version's timer start event: the <see cref="TaskId"/> of its <see cref="TimerKind.StartTimer"/>
    /// timers, derived from the key and version so every node names it the same (and a store query by task finds them).
    /// </summary>
    public static Guid StartScheduleId(string mapKey, int version) =>
        new(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"start-timer\n{mapKey}\n{version}")).AsSpan(0, 16));

    /// <summary>A detached copy.</summary>
    public TimerRecord Clone() => (TimerRecord)MemberwiseClone();
}
