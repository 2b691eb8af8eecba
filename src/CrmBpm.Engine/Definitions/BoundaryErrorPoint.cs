using System.Text.Json.Serialization;

namespace CrmBpm.Engine.Definitions;

/// <summary>
/// Catches a business error on the border of an activity: BPMN's <c>boundaryEvent</c> with an <c>errorEventDefinition</c>,
/// attached (<see cref="AttachedToId"/>) to an Automatic step, an Action or a Nested process. Always interrupting, as BPMN
/// says: when the activity's handler throws a <see cref="Jobs.BusinessErrorException"/> (or a worker reports a BPMN error,
/// or the nested instance reaches an error end event) whose code it catches, the activity is cancelled and the token leaves
/// by the boundary's flows. A boundary whose <see cref="Error"/> names a code catches that code; one with no error, or an
/// error without a code, catches every business error the activity throws (a catch-all), after the boundaries naming the code.
/// </summary>
public sealed record BoundaryErrorPoint : Point, IBoundaryEvent
{
    /// <summary>The point kinds an error boundary can be attached to: those that can throw a business error while a token waits.</summary>
    public static bool CanCarry(Point activity) => activity is ServicePoint or ActionPoint or NestedProcessPoint or SubProcessPoint { TriggeredByEvent: false };

    /// <inheritdoc />
    public override string KindName => "Error boundary";

    /// <inheritdoc />
    public string AttachedToId { get; init; } = "";

    /// <summary>Always true: an error boundary event always interrupts its activity (BPMN 2.0 §10.5.4).</summary>
    [JsonIgnore]
    public bool CancelsActivity => true;

    /// <summary>The error it catches (BPMN's <c>errorRef</c>); null catches every business error.</summary>
    public ErrorDefinition? Error { get; init; }

    /// <summary>The variable set to the caught error's code (Camunda's <c>camunda:errorCodeVariable</c>); null for none.</summary>
    public string? CodeVariable { get; init; }

    /// <summary>The variable set to the caught error's message (Camunda's <c>camunda:errorMessageVariable</c>); null for none.</summary>
    public string? MessageVariable { get; init; }

    /// <summary>True when it catches an error with <paramref name="code"/> by name (not as a catch-all).</summary>
    public bool CatchesByCode(string? code) => Error?.Code is { } own && string.Equals(own, code, StringComparison.Ordinal);

    /// <summary>True when it catches every business error (no error, or an error without a code).</summary>
    [JsonIgnore]
    public bool CatchesAll => Error?.Code is null;
}
