namespace CrmBpm.Engine.Bpmn;

/// <summary>
/// One reason a BPMN file cannot be imported: where it is (1-based line and column; 0 when unknown),
/// the element id when there is one, and a sentence saying what is wrong.
/// </summary>
public sealed record BpmnProblem(int Line, int Column, string? ElementId, string Message)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"line {Line}, column {Column}: " + (ElementId is null ? Message : $"[{ElementId}] {Message}");
}
