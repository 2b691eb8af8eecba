namespace CrmBpm.Engine.Bpmn;

/// <summary>The notes of one kind in a file, counted, with the lines they are on: one sentence instead of one per element.</summary>
public sealed record BpmnNoteGroup(BpmnNoteSeverity Severity, string Kind, IReadOnlyList<BpmnNote> Notes)
{
    /// <summary>The lines of the notes, in order, each once.</summary>
    public IReadOnlyList<int> Lines => [.. Notes.Select(n => n.Line).Distinct().Order()];

    /// <summary>"3 task listeners (camunda:taskListener) will not run: lines 40, 52, 77".</summary>
    public string Message
    {
        get
        {
            var first = Notes[0];
            var lines = Lines;
            var where = lines.Count == 1 ? $"line {lines[0]}" : "lines " + string.Join(", ", lines);
            return Notes.Count == 1
                ? $"1 {first.Subject} {first.Verdict}: {where}"
                : $"{Notes.Count} {first.SubjectPlural} {first.Verdict}: {where}";
        }
    }

    /// <summary>Groups notes by kind, warnings first, then in order of first appearance.</summary>
    public static IReadOnlyList<BpmnNoteGroup> Of(IEnumerable<BpmnNote> notes) =>
        [.. notes.GroupBy(n => n.Kind, StringComparer.Ordinal)
            .Select(g => new BpmnNoteGroup(g.Max(n => n.Severity), g.Key, [.. g.OrderBy(n => n.Line)]))
            .OrderByDescending(g => g.Severity)
            .ThenBy(g => g.Notes[0].Line)];

    /// <inheritdoc />
    public override string ToString() => (Severity == BpmnNoteSeverity.Warning ? "warning: " : "") + Message;
}
