namespace CrmBpm.Engine.Definitions;

/// <summary>
/// Waits for a message: BPMN's intermediate message catch event (<c>intermediateCatchEvent</c> with a
/// <c>messageEventDefinition</c>) and <c>receiveTask</c>. The token waits here under a persisted message subscription
/// (committed with the command that brought it) until <see cref="Runtime.IProcessEngine.CorrelateAsync"/> delivers a message of
/// that name to this instance; the message's variables are set and the token leaves by its outgoing flows.
/// </summary>
public sealed record MessageWaitPoint : Point
{
    /// <inheritdoc />
    public override string KindName => "Wait for message";

    /// <summary>The message's name (BPMN's <c>message name</c>); empty only on a map being drawn (validation refuses it).</summary>
    public string MessageName { get; init; } = "";

    /// <summary>
    /// An expression giving the key a message must carry to reach this wait (Zeebe's <c>correlationKey="=orderId"</c>),
    /// evaluated when the token arrives; null when the message is matched by business key and variables alone.
    /// </summary>
    public string? CorrelationKey { get; init; }

    /// <summary>Read from (and written back as) a <c>receiveTask</c> rather than an intermediate catch event.</summary>
    public bool IsReceiveTask { get; init; }
}
