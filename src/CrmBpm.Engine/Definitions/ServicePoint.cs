namespace CrmBpm.Engine.Definitions;

/// <summary>
/// An automatic step: calls the .NET handler the embedding application registered under <see cref="Handler"/>
/// (<c>bpm.AddHandler&lt;T&gt;("send-offer")</c>) and sets the variables it returns. It never runs inside the command that
/// reaches it: that command commits a job and the token waits here until the job executor has run the handler (see the
/// engine README, "Automatic steps"). Read from a <c>serviceTask</c>, <c>sendTask</c> or <c>businessRuleTask</c> that names a
/// handler; <see cref="Element"/> keeps which, so the file is written back as it was drawn. Leaves like an Action.
/// </summary>
public sealed record ServicePoint : Point, IHasDefaultFlow
{
    /// <summary>The BPMN elements an automatic step can be, each with what it is called in a sentence.</summary>
    public static IReadOnlyDictionary<string, string> Elements { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["serviceTask"] = "service task",
        ["sendTask"] = "send task",
        ["businessRuleTask"] = "business rule task",
    };

    /// <inheritdoc />
    public override string KindName => "Automatic step";

    /// <summary>The BPMN element it was read from and is written as: <c>serviceTask</c>, <c>sendTask</c> or <c>businessRuleTask</c>.</summary>
    public string Element { get; init; } = "serviceTask";

    /// <summary>The name the handler was registered under.</summary>
    public string Handler { get; init; } = "";

    /// <summary>
    /// How often a failing handler is tried again and how long to wait before each try, as an ISO 8601 repeating interval
    /// (<c>R3/PT5M</c>: three more tries, five minutes apart, Camunda's <c>failedJobRetryTimeCycle</c>); null for
    /// <see cref="RetryCycle.Default"/>. When the tries are spent the step becomes an incident.
    /// </summary>
    public string? Retries { get; init; }

    /// <summary>How long one run of the handler may take (ISO 8601 duration, e.g. <c>PT30S</c>); null for <see cref="RetryCycle.DefaultTimeout"/>. Past it the handler is cancelled and the run counts as failed.</summary>
    public string? Timeout { get; init; }

    /// <summary>
    /// Worked by an external worker, not a .NET handler (Camunda's external task, <c>camunda:type="external"</c>, or
    /// <c>crm:external="true"</c>): <see cref="Handler"/> is then the topic workers fetch by, over the REST API, and the job
    /// executor leaves the job to them.
    /// </summary>
    public bool External { get; init; }

    /// <summary>The flow taken when no other outgoing flow is (all their conditions are false); optional. It has no condition of its own.</summary>
    public string? DefaultFlowId { get; init; }
}
