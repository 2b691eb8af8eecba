namespace CrmBpm.Engine.Definitions;

/// <summary>
/// Throws an escalation and goes on: BPMN's intermediate throw event with an <c>escalationEventDefinition</c>. The escalation
/// travels up from the scope the token is in, through the sub-processes and Nested processes around it, to the first escalation
/// boundary or escalation event sub-process that catches its code; an interrupting catch cancels what it sits on (this token
/// included), a non-interrupting one lets it go on. Nobody catching it is not an error: the token just goes on.
/// </summary>
public sealed record EscalationThrowPoint : Point
{
    /// <inheritdoc />
    public override string KindName => "Escalate";

    /// <summary>The escalation it throws (BPMN's <c>escalationRef</c>); one with an empty id when the definition references none.</summary>
    public EscalationDefinition Escalation { get; init; } = new("");
}
