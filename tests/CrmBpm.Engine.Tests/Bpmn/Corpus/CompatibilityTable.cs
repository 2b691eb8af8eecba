using System.Text;

namespace CrmBpm.Engine.Tests.Bpmn.Corpus;

/// <summary>
/// Writes the corpus results into <c>docs/bpmn-compatibility.md</c> between <c>&lt;!-- corpus:begin --&gt;</c> and
/// <c>&lt;!-- corpus:end --&gt;</c>; the rest of the file (other generated sections, prose) is left as it is.
/// </summary>
internal static class CompatibilityTable
{
    public const string Begin = "<!-- corpus:begin -->";
    public const string End = "<!-- corpus:end -->";

    public static void Write(string documentPath, IReadOnlyList<CorpusFileResult> results)
    {
        var section = Section(results);
        var text = File.Exists(documentPath) ? File.ReadAllText(documentPath).ReplaceLineEndings("\n") : "# BPMN compatibility\n\n";
        var begin = text.IndexOf(Begin, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        text = begin >= 0 && end > begin
            ? text[..begin] + section + text[(end + End.Length)..]
            : text.TrimEnd('\n') + "\n\n" + section + "\n";
        Directory.CreateDirectory(Path.GetDirectoryName(documentPath)!);
        File.WriteAllText(documentPath, text);
    }

    private static string Section(IReadOnlyList<CorpusFileResult> results)
    {
        var s = new StringBuilder();
        s.Append(Begin).Append('\n');
        s.Append("## Real files (generated)\n\n");
        var collected = results.Count(r => r.Source.EndsWith(BpmnCorpus.CollectedMark, StringComparison.Ordinal));
        s.Append("Written by `Opening_every_file_of_the_corpus` (tests/CrmBpm.Engine.Tests/Bpmn/Corpus) from the ")
            .Append(results.Count - collected).Append(" files of `../shared/bpmn-corpus/files` and the ").Append(collected)
            .Append(" files collected into `tests/CrmBpm.Engine.Tests/Bpmn/Corpus/Collected/files` (their sources marked *")
            .Append(BpmnCorpus.CollectedMark.Trim()).Append("*; `SOURCES.tsv` beside each folder names the repository, path and commit of every file): ")
            .Append("each is imported, its maps validated, exported ")
            .Append("together and read back, and the model read back compared with the one imported (points, flows, conditions, ")
            .Append("performers, forms, diagram, kept content of other tools). **clean**: imports and validates without a problem; ")
            .Append("**warnings**: only warnings (publishable); **errors**: imports, but a map has a validation error; **refused**: ")
            .Append("the importer refuses the file. *Problems* counts validation problems and loss-report warnings (or import ")
            .Append("problems for a refused file); *main reasons* are the most frequent problem kinds.\n\n");
        s.Append("| source | files | clean | warnings | errors | refused |\n|---|---:|---:|---:|---:|---:|\n");
        foreach (var group in results.GroupBy(r => r.Source).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            AppendTotals(s, group.Key, [.. group]);
        }

        AppendTotals(s, "**all**", results);
        s.Append("\nMost frequent reasons of refused files (files):\n\n");
        foreach (var (reason, files) in TopReasons(results.Where(r => r.Outcome == CorpusOutcome.Refused), 15))
        {
            s.Append("- `").Append(reason).Append("`: ").Append(files).Append('\n');
        }

        s.Append("\n| file | source | outcome | problems | main reasons |\n|---|---|---|---:|---|\n");
        foreach (var r in results)
        {
            s.Append("| ").Append(Escape(r.File)).Append(" | ").Append(r.Source).Append(" | ").Append(r.Outcome.ToString().ToLowerInvariant())
                .Append(" | ").Append(r.Problems).Append(" | ")
                .Append(Escape(string.Join(", ", r.Reasons.GroupBy(x => x).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(4)
                    .Select(g => g.Count() == 1 ? g.Key : $"{g.Key} ×{g.Count()}"))))
                .Append(" |\n");
        }

        s.Append(End);
        return s.ToString();
    }

    public static IEnumerable<(string Reason, int Files)> TopReasons(IEnumerable<CorpusFileResult> results, int count) =>
        results.SelectMany(r => r.Reasons.Distinct())
            .GroupBy(x => x)
            .Select(g => (g.Key, g.Count()))
            .OrderByDescending(x => x.Item2)
            .ThenBy(x => x.Key, StringComparer.Ordinal)
            .Take(count);

    private static void AppendTotals(StringBuilder s, string source, IReadOnlyCollection<CorpusFileResult> results)
    {
        int Count(CorpusOutcome outcome) => results.Count(r => r.Outcome == outcome);
        s.Append("| ").Append(source).Append(" | ").Append(results.Count)
            .Append(" | ").Append(Count(CorpusOutcome.Clean))
            .Append(" | ").Append(Count(CorpusOutcome.Warnings))
            .Append(" | ").Append(Count(CorpusOutcome.Errors))
            .Append(" | ").Append(Count(CorpusOutcome.Refused)).Append(" |\n");
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
