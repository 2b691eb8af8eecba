namespace CrmBpm.Engine.Definitions;

/// <summary>Where every instance begins. Exactly one per map; no incoming flow; one outgoing.</summary>
public sealed record StartPoint : Point
{
    /// <inheritdoc />
    public override string KindName => "Start";

    /// <summary>
    /// A timer start event's schedule (BPMN's <c>timerEventDefinition</c> on the start event): while this version is the latest
    /// published one, instances start on it by themselves (a date once, an ISO 8601 cycle, a cron expression); null for a
    /// start by hand only. An instance may still be started by hand either way.
    /// </summary>
    public TimerDefinition? Timer { get; init; }

    /// <summary>
    /// A message start (BPMN's start event with a <c>messageEventDefinition</c>): a message of this name that no waiting
    /// instance takes starts the latest published version of the map; null for a plain start.
    /// </summary>
    public string? MessageName { get; init; }

    /// <summary>
    /// True for a message start drawn as a <c>receiveTask</c> with <c>instantiate="true"</c> at the beginning of the process (no
    /// flow leads into it): BPMN's other way to start a process on a message, run as a message start whose task is done as the
    /// message arrives, and written back as the receive task it was.
    /// </summary>
    public bool IsReceiveTask { get; init; }

    /// <summary>
    /// The variable that receives the id of the user who started the instance (Camunda's, Flowable's and Activiti's
    /// <c>initiator</c> attribute, kept as written); null for none. A start variable of that name given by the caller wins.
    /// </summary>
    public string? InitiatorVariable { get; init; }

    /// <summary>
    /// A signal start (BPMN's start event with a <c>signalEventDefinition</c>): every broadcast of this signal starts one
    /// instance of the latest published version of the map (at the process level) or runs the event sub-process it starts
    /// (inside one); null for none.
    /// </summary>
    public string? SignalName { get; init; }

    /// <summary>
    /// For the start of an event sub-process: the business error it catches (BPMN's error start event; an error without a
    /// code catches every error); null otherwise.
    /// </summary>
    public ErrorDefinition? Error { get; init; }

    /// <summary>
    /// For the start of an event sub-process: the escalation it catches (BPMN's escalation start event; one without a code
    /// catches every escalation) when it travels up through the scope; null otherwise.
    /// </summary>
    public EscalationDefinition? Escalation { get; init; }

    /// <summary>For the message start of an event sub-process: the key a message must carry, an expression over the scope's variables; null for none.</summary>
    public string? CorrelationKey { get; init; }

    /// <summary>
    /// For the start of an event sub-process: whether its trigger cancels everything else in the scope (BPMN's
    /// <c>isInterrupting</c>, true by default) or starts it beside what runs.
    /// </summary>
    public bool Interrupting { get; init; } = true;

    /// <summary>Whether a trigger (a timer, message, signal, error or escalation) starts it rather than a caller.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool HasTrigger => Timer is not null || MessageName is not null || SignalName is not null || Error is not null || Escalation is not null;
}
