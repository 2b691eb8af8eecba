namespace CrmBpm.Engine.Definitions;

/// <summary>
/// BPMN's embedded <c>subProcess</c>: a scope of its own inside the map. Its inner points and flows stand in the same map,
/// each naming it as their <see cref="Point.ScopeId"/>. A token reaching it starts a child instance running that scope
/// (<see cref="RouteMap.Scope"/>) and waits for it, as a Nested process does; the child starts with all the parent's
/// variables and, when it completes, writes back the ones it set or changed; the token then leaves like an Action's.
/// With <see cref="TriggeredByEvent"/> it is an event sub-process: no flow enters or leaves it; its start event's trigger
/// (a timer, message, signal or error) starts it while the scope around it runs.
/// A (not event) sub-process may be multi-instance: one child instance of its scope per item, as a Nested process's runs.
/// </summary>
public sealed record SubProcessPoint : Point, IHasDefaultFlow, IStartsChildInstances
{
    /// <inheritdoc />
    public override string KindName => TriggeredByEvent ? "Event sub-process" : "Sub-process";

    /// <summary>
    /// An event sub-process (BPMN's <c>triggeredByEvent="true"</c>): started by the trigger of its one start event while the
    /// scope it stands in is active, interrupting that scope or running beside it (<see cref="StartPoint.Interrupting"/>).
    /// </summary>
    public bool TriggeredByEvent { get; init; }

    /// <summary>
    /// Its inside is drawn on a BPMN plane of its own (a collapsed sub-process as bpmn-js draws it; the plane is kept with the
    /// file as it was) rather than in the map's plane around it, where an expanded one holds its inner shapes; so the automatic
    /// layout never draws its inner points a second time. The DI shape's own <c>isExpanded</c> is kept as written.
    /// </summary>
    public bool HasOwnPlane { get; init; }

    /// <summary>The flow taken when no other outgoing flow is (all their conditions are false); optional.</summary>
    public string? DefaultFlowId { get; init; }

    /// <summary>
    /// Runs the sub-process once per item (BPMN multi-instance; never on an event sub-process); null runs it once. Each run
    /// is a child instance with the item and <c>loopCounter</c> of its own; what a run set or changed, but those two, goes
    /// back to the parent when it completes (or into the result collection).
    /// </summary>
    public MultiInstance? MultiInstance { get; init; }
}
