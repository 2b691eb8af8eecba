namespace CrmBpm.Engine.Runtime;

/// <summary>One recorded step of an instance: a token move, a task action, an operation.</summary>
public sealed record HistoryEntry
{
    /// <summary>Identifier.</summary>
    public Guid Id { get; init; } = Ids.Next();

    /// <summary>The instance it belongs to.</summary>
    public required Guid InstanceId { get; init; }

    /// <summary>Position in the instance's history (1, 2, ...).</summary>
    public required long Sequence { get; init; }

    /// <summary>When it happened.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>What happened.</summary>
    public required HistoryKind Kind { get; init; }

    /// <summary>Who did it (a user id, or <c>system</c>).</summary>
    public string? Actor { get; init; }

    /// <summary>The absent person <see cref="Actor"/> substituted for ("Boris on behalf of Anna"); null when acting for themselves.</summary>
    public string? OnBehalfOf { get; init; }

    /// <summary>The point concerned (the destination of a move).</summary>
    public string? PointId { get; init; }

    /// <summary>For a move: the point left.</summary>
    public string? FromPointId { get; init; }

    /// <summary>For a move: the flow taken.</summary>
    public string? FlowId { get; init; }

    /// <summary>The task concerned.</summary>
    public Guid? TaskId { get; init; }

    /// <summary>Free text: outcome, comment, incident message, ...</summary>
    public string? Details { get; init; }
}
