namespace CrmBpm.Engine.Definitions;

/// <summary>
/// Waits for whichever comes first: BPMN's event-based gateway (<c>eventBasedGateway</c>). Each outgoing flow leads to a Wait
/// for message, Wait for time or Wait for signal; the token waits at the gateway under all their waits at once (one persisted
/// wait each, committed with the command), and the first to fire takes the token through its event and on, removing the others.
/// </summary>
public sealed record EventGatewayPoint : Point
{
    /// <inheritdoc />
    public override string KindName => "Wait for first event";

    /// <summary>The points an event-based gateway may lead to: intermediate catch events.</summary>
    public static bool CanFollow(Point target) => target is TimerWaitPoint or SignalWaitPoint or MessageWaitPoint { IsReceiveTask: false };
}
