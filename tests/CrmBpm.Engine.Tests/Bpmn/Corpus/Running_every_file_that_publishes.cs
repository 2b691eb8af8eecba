namespace CrmBpm.Engine.Tests.Bpmn.Corpus;

/// <summary>
/// Every corpus file whose maps publish is run as <c>crmbpm run</c> would run it with nobody at the keyboard
/// (<see cref="CorpusRun"/>); the results are written to docs/bpmn-compatibility.md. A run may end in an incident — a real
/// file's condition often reads a variable its start form would set — but it never crashes the engine, and the runs that
/// reach their end may only grow.
/// </summary>
[Collection(CompatibilityDocument.Name)]
public sealed class Running_every_file_that_publishes
{
    /// <summary>Ratchet: files that run to their end with the answers the run gives (76 of 84 when it was written, 77 of 87 once messages, signals, error events and inclusive gateways ran, 78 once the initiator was set, 81 of 90 once sub-processes ran, 82 of 96 once escalation boundaries on user tasks ran: Camunda's invoice example). Raise it when a change makes more run.</summary>
    private const int MinRanToTheirEnd = 82;

    private static readonly Lazy<Task<IReadOnlyList<CorpusRunResult>>> Runs = new(async () =>
    {
        var files = Opening_every_file_of_the_corpus.AllFiles();
        var runs = new List<CorpusRunResult>();
        foreach (var (path, source) in files)
        {
            if (await CorpusRun.RunAsync(path, source) is { } run)
            {
                runs.Add(run);
            }
        }

        RunTable.Write(Path.Combine(BpmnCorpus.RepositoryRoot(), "docs", "bpmn-compatibility.md"), runs, files.Count);
        return runs;
    });

    [Fact]
    public async Task Every_file_that_publishes_is_run_and_none_crashes_the_engine()
    {
        var runs = await Runs.Value;

        runs.ShouldNotBeEmpty();
        runs.Where(r => r.Detail?.Contains("Exception", StringComparison.Ordinal) == true).Select(r => $"{r.File}: {r.Detail}").ShouldBeEmpty();
    }

    [Fact]
    public async Task No_fewer_files_run_to_their_end_than_the_ratchet_allows()
    {
        var ran = (await Runs.Value).Count(r => r.Outcome == CorpusRunOutcome.RanToItsEnd);

        ran.ShouldBeGreaterThanOrEqualTo(MinRanToTheirEnd, "files run to their end; the others are listed in docs/bpmn-compatibility.md");
    }
}
