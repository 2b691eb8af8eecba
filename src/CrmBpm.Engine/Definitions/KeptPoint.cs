namespace CrmBpm.Engine.Definitions;

/// <summary>
/// A flow node of another modeler's file that the engine cannot run yet (a service task, a sub-process, a boundary or
/// intermediate event, an event-based gateway, a looped task…): kept with its attributes and children in
/// <see cref="Point.Foreign"/> and written back as it was, so the file opens, is drawn and round-trips. Validation gives
/// every one an error naming it, so a map holding one cannot be published; it never passes a token on silently.
/// </summary>
public sealed record KeptPoint : Point
{
    /// <summary>The BPMN elements a kept point can be, each with what it is called in a sentence.</summary>
    public static IReadOnlyDictionary<string, string> Kinds { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["serviceTask"] = "service task",
        ["scriptTask"] = "script task",
        ["businessRuleTask"] = "business rule task",
        ["sendTask"] = "send task",
        ["receiveTask"] = "receive task",
        ["task"] = "task",
        ["manualTask"] = "manual task",
        ["userTask"] = "user task",
        ["callActivity"] = "call activity",
        ["subProcess"] = "sub-process",
        ["adHocSubProcess"] = "ad-hoc sub-process",
        ["transaction"] = "transaction",
        ["boundaryEvent"] = "boundary event",
        ["intermediateCatchEvent"] = "intermediate catch event",
        ["intermediateThrowEvent"] = "intermediate throw event",
        ["eventBasedGateway"] = "event-based gateway",
        ["complexGateway"] = "complex gateway",
    };

    /// <inheritdoc />
    public override string KindName => Kinds.TryGetValue(Element, out var kind) ? char.ToUpperInvariant(kind[0]) + kind[1..] : Element;

    /// <summary>The BPMN element it was read from and is written as, one of <see cref="Kinds"/> (e.g. <c>serviceTask</c>).</summary>
    public string Element { get; init; } = "task";

    /// <summary>
    /// True for what BPMN draws outside the sequence flow: a boundary event (triggered on its activity, no flow leads in)
    /// and an event sub-process (no flow in or out); reachability does not apply to them.
    /// </summary>
    public bool IsOutsideTheFlow() =>
        Element == "boundaryEvent"
        || (Element is "subProcess" or "adHocSubProcess" or "transaction"
            && Foreign?.Attributes.Any(a => a.Namespace.Length == 0 && a.LocalName == "triggeredByEvent" && a.Value.Trim() == "true") == true);
}
