using System.Text.Json;

namespace CrmBpm.Engine.Jobs;

/// <summary>
/// A job of an external step, locked for one worker (Camunda's external task): what the worker needs to do the work and
/// report back. <see cref="Id"/> is the job's id; the lock is the job's lease, held under the worker's id until
/// <see cref="LockExpiresAt"/>, after which another worker may fetch it.
/// </summary>
public sealed record ExternalTask
{
    /// <summary>The job's id: complete, fail or extend the lock by it.</summary>
    public required Guid Id { get; init; }

    /// <summary>The topic the step names.</summary>
    public required string Topic { get; init; }

    /// <summary>The worker holding the lock.</summary>
    public required string WorkerId { get; init; }

    /// <summary>When the lock runs out unless extended.</summary>
    public required DateTimeOffset LockExpiresAt { get; init; }

    /// <summary>The instance's variables when the task was fetched.</summary>
    public required IReadOnlyDictionary<string, JsonElement> Variables { get; init; }

    /// <summary>The instance the step belongs to.</summary>
    public required Guid InstanceId { get; init; }

    /// <summary>The route map key of the instance.</summary>
    public required string MapKey { get; init; }

    /// <summary>The step's point id.</summary>
    public required string PointId { get; init; }

    /// <summary>The instance's business key, if any.</summary>
    public string? BusinessKey { get; init; }

    /// <summary>Which try this is: 1 for the first, 2 after a failure the worker asked to retry, …</summary>
    public required int Attempt { get; init; }

    /// <summary>The retries the worker said were left when it last reported a failure; null before any failure.</summary>
    public int? Retries { get; init; }

    /// <summary>The same for every try of this visit of the step: a worker with effects outside uses it to do them once.</summary>
    public required string IdempotencyKey { get; init; }
}

/// <summary>A worker asking for work: its id, the topics it serves, how many tasks at most, and for how long to lock them.</summary>
public sealed record ExternalTaskFetch(string WorkerId, IReadOnlyList<string> Topics, int MaxTasks, TimeSpan LockDuration);
