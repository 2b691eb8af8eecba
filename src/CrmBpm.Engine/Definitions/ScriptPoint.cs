namespace CrmBpm.Engine.Definitions;

/// <summary>
/// A script step: JavaScript run in the same sandbox as conditions (no I/O, limited statements, time and memory), reading
/// the instance's variables; the value of its last statement is stored in <see cref="ResultVariable"/>. It runs inside the
/// command that reaches it, as a condition does: a sandboxed script has no side effects to repeat, so it needs no job. A
/// script that fails or runs past the limits is an incident naming the step. Read from a <c>bpmn:scriptTask</c> whose
/// <c>scriptFormat</c> is JavaScript; leaves like an Action.
/// </summary>
public sealed record ScriptPoint : Point, IHasDefaultFlow
{
    /// <summary>The script formats read as JavaScript (compared ignoring case).</summary>
    public static IReadOnlySet<string> JavaScriptFormats { get; } =
        new HashSet<string>(["javascript", "js", "ecmascript", "text/javascript", "application/javascript", "javascript1.8"], StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override string KindName => "Script";

    /// <summary>The JavaScript to run.</summary>
    public string Script { get; init; } = "";

    /// <summary>The <c>scriptFormat</c> as the file wrote it (e.g. <c>javascript</c>), written back unchanged.</summary>
    public string ScriptFormat { get; init; } = "javascript";

    /// <summary>The variable that receives the script's value; null when the value is not kept.</summary>
    public string? ResultVariable { get; init; }

    /// <summary>The flow taken when no other outgoing flow is (all their conditions are false); optional.</summary>
    public string? DefaultFlowId { get; init; }
}
