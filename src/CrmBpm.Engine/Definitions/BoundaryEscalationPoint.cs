using System.Text.Json.Serialization;

namespace CrmBpm.Engine.Definitions;

/// <summary>
/// Catches an escalation on the border of a Sub-process, a Nested process or an Action: BPMN's <c>boundaryEvent</c> with an
/// <c>escalationEventDefinition</c>. When an escalation thrown inside the activity (by an escalation throw or end event, in the
/// activity's child instance or further down; or raised by the performer of an Action's task) reaches it and it catches the code, a token leaves by its flows; interrupting
/// (<see cref="CancelsActivity"/>, the default) cancels the activity first, non-interrupting lets it and the thrower go on. One
/// whose <see cref="Escalation"/> names a code catches that code; one with no escalation, or one without a code, catches every
/// escalation, after the boundaries naming the code.
/// </summary>
public sealed record BoundaryEscalationPoint : Point, IBoundaryEvent
{
    /// <summary>
    /// The point kinds an escalation boundary can be attached to: those whose child instance can throw an escalation, and an
    /// Action, whose performer can raise one (<see cref="Tasks.ITaskService.ThrowEscalationAsync"/>).
    /// </summary>
    public static bool CanCarry(Point activity) => activity is NestedProcessPoint or SubProcessPoint { TriggeredByEvent: false } or ActionPoint;

    /// <inheritdoc />
    public override string KindName => "Escalation boundary";

    /// <inheritdoc />
    public string AttachedToId { get; init; } = "";

    /// <summary>Interrupting (BPMN's <c>cancelActivity</c>, true by default): catching cancels the activity.</summary>
    public bool CancelsActivity { get; init; } = true;

    /// <summary>The escalation it catches (BPMN's <c>escalationRef</c>); null catches every escalation.</summary>
    public EscalationDefinition? Escalation { get; init; }

    /// <summary>The variable set to the caught escalation's code (Camunda's <c>camunda:escalationCodeVariable</c>); null for none.</summary>
    public string? CodeVariable { get; init; }

    /// <summary>True when it catches every escalation (no escalation, or one without a code).</summary>
    [JsonIgnore]
    public bool CatchesAll => Escalation?.Code is null;
}
