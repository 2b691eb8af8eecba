using System.Text.Json.Serialization;

namespace CrmBpm.Engine.Definitions;

/// <summary>
/// A point of a route map. Each kind is one sealed record; the engine decides what a point does by its kind.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(StartPoint), "start")]
[JsonDerivedType(typeof(EndPoint), "end")]
[JsonDerivedType(typeof(ActionPoint), "action")]
[JsonDerivedType(typeof(ConditionPoint), "condition")]
[JsonDerivedType(typeof(ChoicePoint), "choice")]
[JsonDerivedType(typeof(SplitPoint), "split")]
[JsonDerivedType(typeof(MergePoint), "merge")]
[JsonDerivedType(typeof(InclusivePoint), "inclusive")]
[JsonDerivedType(typeof(NestedProcessPoint), "nested")]
[JsonDerivedType(typeof(PassThroughPoint), "pass")]
[JsonDerivedType(typeof(ServicePoint), "service")]
[JsonDerivedType(typeof(TimerWaitPoint), "timer")]
[JsonDerivedType(typeof(BoundaryTimerPoint), "boundary-timer")]
[JsonDerivedType(typeof(BoundaryErrorPoint), "boundary-error")]
[JsonDerivedType(typeof(ScriptPoint), "script")]
[JsonDerivedType(typeof(MessageWaitPoint), "message")]
[JsonDerivedType(typeof(BoundaryMessagePoint), "boundary-message")]
[JsonDerivedType(typeof(SignalWaitPoint), "signal")]
[JsonDerivedType(typeof(SignalThrowPoint), "signal-throw")]
[JsonDerivedType(typeof(BoundarySignalPoint), "boundary-signal")]
[JsonDerivedType(typeof(EventGatewayPoint), "event-gateway")]
[JsonDerivedType(typeof(SubProcessPoint), "sub-process")]
[JsonDerivedType(typeof(LinkThrowPoint), "link-throw")]
[JsonDerivedType(typeof(LinkCatchPoint), "link-catch")]
[JsonDerivedType(typeof(EscalationThrowPoint), "escalation-throw")]
[JsonDerivedType(typeof(BoundaryEscalationPoint), "boundary-escalation")]
[JsonDerivedType(typeof(KeptPoint), "kept")]
public abstract record Point
{
    /// <summary>Identifier, unique within the map (the BPMN element id).</summary>
    public required string Id { get; init; }

    /// <summary>Name shown on the canvas and in messages.</summary>
    public string Name { get; init; } = "";

    /// <summary>What another BPMN modeler wrote on the element and CrmBpm keeps without interpreting; null when nothing.</summary>
    public ForeignBpmn? Foreign { get; init; }

    /// <summary>The sub-process it stands in (a <see cref="SubProcessPoint"/>'s id); null at the process level.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ScopeId { get; init; }

    /// <summary>The consultant-facing name of this kind of point (Start, Action, ...).</summary>
    [JsonIgnore]
    public abstract string KindName { get; }

    /// <summary>How the point is named in messages: its name when it has one, else its id.</summary>
    [JsonIgnore]
    public string DisplayName => string.IsNullOrWhiteSpace(Name) ? Id : Name;
}
