namespace CrmBpm.Engine.Definitions;

/// <summary>
/// Waits for time: BPMN's intermediate timer catch event (<c>intermediateCatchEvent</c> with a <c>timerEventDefinition</c>).
/// The token waits here while a persisted timer, committed with the command that brought it, is due; the timer service
/// fires it and the token leaves by its outgoing flows. A <see cref="TimerDefinitionKind.Date"/> already past fires at the
/// next poll, never inside the command that arrived (see the engine README, "Timer events").
/// </summary>
public sealed record TimerWaitPoint : Point
{
    /// <inheritdoc />
    public override string KindName => "Wait for time";

    /// <summary>When it fires; null only on a map being drawn (validation refuses it).</summary>
    public TimerDefinition? Timer { get; init; }
}
