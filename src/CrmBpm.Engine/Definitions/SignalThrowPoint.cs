namespace CrmBpm.Engine.Definitions;

/// <summary>
/// Broadcasts a signal and goes on: BPMN's intermediate signal throw event. Every signal subscription of that name waiting
/// when the token arrives (in any instance, this one included) is reached inside the same command.
/// </summary>
public sealed record SignalThrowPoint : Point
{
    /// <inheritdoc />
    public override string KindName => "Send signal";

    /// <summary>The signal's name; empty only on a map being drawn.</summary>
    public string SignalName { get; init; } = "";
}
