namespace CrmBpm.Engine.Runtime;

/// <summary>How to terminate an instance.</summary>
public sealed record TerminateOptions
{
    /// <summary>Why, recorded in the history.</summary>
    public string? Reason { get; init; }

    /// <summary>Who terminates it; null means the engine itself.</summary>
    public string? Actor { get; init; }

    /// <summary>
    /// The caller's own work that must commit with the termination or not at all (see <see cref="StartOptions.JoinedWork"/>),
    /// e.g. a deal released from its process.
    /// </summary>
    public object? JoinedWork { get; init; }
}
