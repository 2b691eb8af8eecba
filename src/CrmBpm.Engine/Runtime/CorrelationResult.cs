namespace CrmBpm.Engine.Runtime;

/// <summary>Where a message went (<see cref="IProcessEngine.CorrelateAsync"/>).</summary>
public sealed record CorrelationResult
{
    /// <summary>The instances whose waits it reached, in the order reached; empty when it started an instance instead.</summary>
    public required IReadOnlyList<Guid> ReachedInstanceIds { get; init; }

    /// <summary>The instance its message start started, when no waiting instance took it; null otherwise.</summary>
    public Guid? StartedInstanceId { get; init; }
}
