namespace CrmBpm.Engine.Definitions;

/// <summary>
/// A message on the border of an activity: BPMN's <c>boundaryEvent</c> with a <c>messageEventDefinition</c>. While a token
/// waits at the activity a message subscription waits beside it; a message correlated to it fires the boundary (see
/// <see cref="BoundaryEventPoint"/>). A non-interrupting one keeps listening until the activity finishes.
/// </summary>
public sealed record BoundaryMessagePoint : BoundaryEventPoint
{
    /// <inheritdoc />
    public override string KindName => "Boundary message";

    /// <summary>The message's name; empty only on a map being drawn.</summary>
    public string MessageName { get; init; } = "";

    /// <summary>An expression giving the key a message must carry (see <see cref="MessageWaitPoint.CorrelationKey"/>); null when none.</summary>
    public string? CorrelationKey { get; init; }
}
