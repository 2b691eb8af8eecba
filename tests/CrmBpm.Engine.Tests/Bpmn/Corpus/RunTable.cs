using System.Text;

namespace CrmBpm.Engine.Tests.Bpmn.Corpus;

/// <summary>
/// Writes the corpus runs into <c>docs/bpmn-compatibility.md</c> between <c>&lt;!-- corpus-run:begin --&gt;</c> and
/// <c>&lt;!-- corpus-run:end --&gt;</c> (added at the end the first time); the rest of the file is left as it is.
/// </summary>
internal static class RunTable
{
    public const string Begin = "<!-- corpus-run:begin -->";
    public const string End = "<!-- corpus-run:end -->";

    public static void Write(string documentPath, IReadOnlyList<CorpusRunResult> runs, int files)
    {
        var section = Section(runs, files);
        var text = File.ReadAllText(documentPath).ReplaceLineEndings("\n");
        var begin = text.IndexOf(Begin, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        text = begin >= 0 && end > begin
            ? text[..begin] + section + text[(end + End.Length)..]
            : text.TrimEnd('\n') + "\n\n" + section + "\n";
        File.WriteAllText(documentPath, text);
    }

    private static string Section(IReadOnlyList<CorpusRunResult> runs, int files)
    {
        var s = new StringBuilder();
        s.Append(Begin).Append('\n');
        s.Append("## Real files run (generated)\n\n");
        s.Append("Written by `Running_every_file_that_publishes` (tests/CrmBpm.Engine.Tests/Bpmn/Corpus): of the ").Append(files)
            .Append(" files above, the ").Append(runs.Count).Append(" whose maps publish are run as `crmbpm run` runs them, with nobody at the keyboard: ")
            .Append("deployed on a throw-away engine with a stand-in for every handler they name, the first map no other map calls ")
            .Append("started with no variables, then the first open task completed again and again (its first outcome, every form field ")
            .Append("filled with its default or a plain value of its type), automatic steps and timers run, and the simulated time moved on ")
            .Append("when nothing is due. **ran to its end**: every token reached an end; **incident**: a token stopped with an incident ")
            .Append("(mostly a condition on a variable no form sets, which a person would set at the start); **waits**: nothing due ")
            .Append("within a year (a message or signal nobody sends); **still running**: it loops on the answers given.\n\n");
        s.Append("| source | run | ran to its end | incident | waits | still running | not started |\n|---|---:|---:|---:|---:|---:|---:|\n");
        foreach (var group in runs.GroupBy(r => r.Source).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            AppendTotals(s, group.Key, [.. group]);
        }

        AppendTotals(s, "**all**", runs);
        s.Append("\n| file | map | outcome | steps | detail |\n|---|---|---|---:|---|\n");
        foreach (var r in runs.OrderBy(r => r.File, StringComparer.Ordinal))
        {
            s.Append("| ").Append(Escape(r.File)).Append(" | ").Append(Escape(r.MapKey)).Append(" | ").Append(Name(r.Outcome))
                .Append(" | ").Append(r.Steps).Append(" | ").Append(Escape(Shorten(r.Detail ?? ""))).Append(" |\n");
        }

        s.Append(End);
        return s.ToString();
    }

    private static void AppendTotals(StringBuilder s, string source, IReadOnlyCollection<CorpusRunResult> runs)
    {
        int Count(CorpusRunOutcome outcome) => runs.Count(r => r.Outcome == outcome);
        s.Append("| ").Append(source).Append(" | ").Append(runs.Count)
            .Append(" | ").Append(Count(CorpusRunOutcome.RanToItsEnd))
            .Append(" | ").Append(Count(CorpusRunOutcome.Incident))
            .Append(" | ").Append(Count(CorpusRunOutcome.Waits))
            .Append(" | ").Append(Count(CorpusRunOutcome.StillRunning))
            .Append(" | ").Append(Count(CorpusRunOutcome.NotStarted)).Append(" |\n");
    }

    private static string Name(CorpusRunOutcome outcome) => outcome switch
    {
        CorpusRunOutcome.RanToItsEnd => "ran to its end",
        CorpusRunOutcome.Incident => "incident",
        CorpusRunOutcome.Waits => "waits",
        CorpusRunOutcome.StillRunning => "still running",
        _ => "not started",
    };

    private static string Shorten(string text) => text.Length <= 140 ? text : text[..137] + "…";

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
