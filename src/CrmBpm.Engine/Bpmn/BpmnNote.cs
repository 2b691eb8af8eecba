namespace CrmBpm.Engine.Bpmn;

/// <summary>
/// One entry of the loss report: what the import did with an element or attribute it keeps but does not run, or decided
/// for the reader. <see cref="Kind"/> groups notes (e.g. <c>camunda:taskListener</c>); <see cref="Subject"/> and
/// <see cref="SubjectPlural"/> name one or several of them and <see cref="Verdict"/> says what happens, so a group reads
/// "3 task listeners (camunda:taskListener) will not run: lines 40, 52, 77".
/// </summary>
public sealed record BpmnNote(BpmnNoteSeverity Severity, string Kind, string Subject, string SubjectPlural, string Verdict, int Line, string? ElementId)
{
    /// <summary>The map (process) the note is about; null for what belongs to the file (a pool, a message).</summary>
    public string? MapKey { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"line {Line}: " + (ElementId is null ? "" : $"[{ElementId}] ") + $"{Subject} {Verdict}";
}
