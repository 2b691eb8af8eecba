namespace CrmBpm.Designer.Model;

/// <summary>What a diagram element is in route-map terms: one of the point kinds, a flow, or something else.</summary>
public enum PointKind
{
    /// <summary>Not a route-map element (e.g. something another modeler drew).</summary>
    Other,

    /// <summary>startEvent.</summary>
    Start,

    /// <summary>endEvent.</summary>
    End,

    /// <summary>userTask.</summary>
    Action,

    /// <summary>exclusiveGateway with a yes/no expression.</summary>
    Condition,

    /// <summary>exclusiveGateway whose outgoing flows carry the cases.</summary>
    Choice,

    /// <summary>parallelGateway fanning out.</summary>
    Split,

    /// <summary>parallelGateway joining.</summary>
    Merge,

    /// <summary>callActivity.</summary>
    NestedProcess,

    /// <summary>serviceTask naming a handler (also sendTask and businessRuleTask from other modelers' files).</summary>
    AutomaticStep,

    /// <summary>intermediateCatchEvent with a timerEventDefinition.</summary>
    TimerWait,

    /// <summary>boundaryEvent with a timerEventDefinition, on the edge of an Action or a Nested process.</summary>
    BoundaryTimer,

    /// <summary>scriptTask in JavaScript.</summary>
    Script,

    /// <summary>sequenceFlow.</summary>
    Flow,

    /// <summary>intermediateCatchEvent with a messageEventDefinition (also a receiveTask): "Wait for a message".</summary>
    MessageWait,

    /// <summary>intermediateCatchEvent with a signalEventDefinition: "Wait for a signal".</summary>
    SignalWait,

    /// <summary>intermediateThrowEvent with a signalEventDefinition: "Send a signal".</summary>
    SignalSend,

    /// <summary>boundaryEvent with a messageEventDefinition: a message on the edge of an activity.</summary>
    BoundaryMessage,

    /// <summary>boundaryEvent with a signalEventDefinition: a signal on the edge of an activity.</summary>
    BoundarySignal,

    /// <summary>boundaryEvent with an errorEventDefinition: "Catch an error" on the edge of an activity.</summary>
    BoundaryError,

    /// <summary>inclusiveGateway: "One or more paths" (every flow whose condition holds).</summary>
    Inclusive,

    /// <summary>eventBasedGateway: "Wait for the first event" of those it leads to.</summary>
    EventGateway,

    /// <summary>intermediateThrowEvent with a linkEventDefinition: "Go to link" (the token jumps to the Link target of its name).</summary>
    LinkThrow,

    /// <summary>intermediateCatchEvent with a linkEventDefinition: "Link target" (no flow in; its Go to link points lead here).</summary>
    LinkCatch,

    /// <summary>intermediateThrowEvent with an escalationEventDefinition: "Raise an escalation" (up to the first catch, then goes on).</summary>
    EscalationThrow,

    /// <summary>boundaryEvent with an escalationEventDefinition: "Escalation on the edge" of an Action or a Nested process.</summary>
    BoundaryEscalation,
}
