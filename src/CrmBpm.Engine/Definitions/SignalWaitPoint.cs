namespace CrmBpm.Engine.Definitions;

/// <summary>
/// Waits for a signal: BPMN's intermediate signal catch event. The token waits under a persisted signal subscription until a
/// signal of that name is broadcast (<see cref="Runtime.IProcessEngine.BroadcastSignalAsync"/>, or a signal thrown by any
/// map); every waiting subscription is reached, not one.
/// </summary>
public sealed record SignalWaitPoint : Point
{
    /// <inheritdoc />
    public override string KindName => "Wait for signal";

    /// <summary>The signal's name (BPMN's <c>signal name</c>); empty only on a map being drawn.</summary>
    public string SignalName { get; init; } = "";
}
