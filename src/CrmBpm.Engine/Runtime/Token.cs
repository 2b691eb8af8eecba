namespace CrmBpm.Engine.Runtime;

/// <summary>A marker of where an instance currently is. Immutable: a move replaces the token.</summary>
public sealed record Token
{
    /// <summary>Identifier, stable while the token waits at one point.</summary>
    public required Guid Id { get; init; }

    /// <summary>The point the token is at.</summary>
    public required string PointId { get; init; }

    /// <summary>What the token is doing there.</summary>
    public TokenState State { get; init; } = TokenState.Ready;

    /// <summary>The flow it arrived by (null at the start point); merges count tokens per incoming flow.</summary>
    public string? ArrivedViaFlowId { get; init; }

    /// <summary>At a multi-instance action: how many of its tasks are still open.</summary>
    public int PendingTasks { get; init; }

    /// <summary>At a nested process: the child instance the token waits for.</summary>
    public Guid? ChildInstanceId { get; init; }

    /// <summary>At a multi-instance activity that starts child instances: its runs so far (see <see cref="MultiInstanceLoop"/>).</summary>
    public MultiInstanceLoop? Loop { get; init; }

    /// <summary>
    /// At a sub-process: a fingerprint of every variable its child instance started with (see <see cref="SubProcessVariables"/>),
    /// so that at its end only what the sub-process set or changed is written back. Null elsewhere.
    /// </summary>
    public IReadOnlyDictionary<string, string>? VariablesAtChildStart { get; init; }

    /// <summary>
    /// The point's work is done (its tasks completed, its nested instance finished) and the token is choosing its outgoing
    /// flows. Set only on a token stuck while leaving, so that a retry evaluates the flows again instead of redoing the work.
    /// </summary>
    public bool Leaving { get; init; }

    /// <summary>Why the token is stuck, when <see cref="State"/> is <see cref="TokenState.Incident"/>.</summary>
    public string? IncidentMessage { get; init; }

    /// <summary>What kind of incident the token has (one of <see cref="IncidentCodes"/>), when <see cref="State"/> is <see cref="TokenState.Incident"/>.</summary>
    public string? IncidentCode { get; init; }
}
