namespace CrmBpm.Engine.Definitions;

/// <summary>
/// Consumes the token that reaches it. The instance completes when no token is left.
/// May carry a result (e.g. a deal is Won or Lost) that becomes the instance result.
/// </summary>
public sealed record EndPoint : Point
{
    /// <inheritdoc />
    public override string KindName => "End";

    /// <summary>Optional result recorded on the instance when this end is reached.</summary>
    public string? Result { get; init; }

    /// <summary>
    /// A terminate end (BPMN <c>terminateEventDefinition</c>): reaching it ends the whole instance at once, removing every
    /// other token and cancelling the open tasks and running nested instances.
    /// </summary>
    public bool Terminates { get; init; }

    /// <summary>
    /// An error end (BPMN <c>errorEventDefinition</c>): reaching it throws this business error. In a nested instance it ends
    /// the instance and is caught by an error boundary on the calling Nested process; uncaught, it is an incident here.
    /// </summary>
    public ErrorDefinition? Error { get; init; }

    /// <summary>A signal end (BPMN's end event with a <c>signalEventDefinition</c>): reaching it broadcasts this signal; null for none.</summary>
    public string? SignalName { get; init; }

    /// <summary>
    /// An escalation end (BPMN's end event with an <c>escalationEventDefinition</c>): reaching it throws this escalation up to the
    /// first catch (see <see cref="EscalationThrowPoint"/>) and ends the token, caught or not; null for none.
    /// </summary>
    public EscalationDefinition? Escalation { get; init; }
}
