namespace CrmBpm.Engine.Tests.Bpmn.Corpus;

/// <summary>
/// The shared corpus of real BPMN files (<c>../shared/bpmn-corpus</c> beside the repository): files other tools and
/// people wrote, with <c>SOURCES.tsv</c> naming the repository of each. Found by walking up from the test binaries to
/// the repository root (the folder holding CrmBpm.sln), so it works in any clone that has <c>../shared</c> beside it.
/// </summary>
internal static class BpmnCorpus
{
    /// <summary>How the source of a file collected into the repository ends (see <see cref="CollectedFiles"/>).</summary>
    public const string CollectedMark = " (collected)";

    public static string RepositoryRoot()
    {
        for (var at = new DirectoryInfo(AppContext.BaseDirectory); at is not null; at = at.Parent)
        {
            if (File.Exists(Path.Combine(at.FullName, "CrmBpm.sln")))
            {
                return at.FullName;
            }
        }

        throw new InvalidOperationException($"No CrmBpm.sln above {AppContext.BaseDirectory}; the corpus is found from the repository root.");
    }

    /// <summary>The corpus folder; fails (never skips) when it is missing, naming where it was looked for.</summary>
    public static string Folder()
    {
        var folder = Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "bpmn-corpus"));
        if (!Directory.Exists(Path.Combine(folder, "files")))
        {
            throw new InvalidOperationException(
                $"The BPMN corpus is missing: expected {Path.Combine(folder, "files")} (the shared folder beside the repository). " +
                "Clone or copy ../shared/bpmn-corpus next to the repository to run this test.");
        }

        return folder;
    }

    /// <summary>Every file of the shared corpus, in name order, with the repository it came from (SOURCES.tsv).</summary>
    public static IReadOnlyList<(string Path, string Source)> Files() => FilesOf(Folder(), source => source);

    /// <summary>
    /// The files collected into the repository for issue #13 (Collected/ beside this class: MIWG reference files and tool
    /// exports, Camunda and Flowable files the shared corpus lacks), each with the repository it came from, marked
    /// "(collected)" so that the compatibility table counts them apart from the shared corpus.
    /// </summary>
    public static IReadOnlyList<(string Path, string Source)> CollectedFiles() =>
        FilesOf(Path.Combine(RepositoryRoot(), "tests", "CrmBpm.Engine.Tests", "Bpmn", "Corpus", "Collected"), source => source + CollectedMark);

    private static IReadOnlyList<(string Path, string Source)> FilesOf(string folder, Func<string, string> label)
    {
        var sources = File.ReadLines(Path.Combine(folder, "SOURCES.tsv"))
            .Skip(1)
            .Select(line => line.Split('\t'))
            .Where(fields => fields.Length >= 2)
            .ToDictionary(fields => fields[0], fields => label(fields[1]), StringComparer.Ordinal);
        return [.. Directory.EnumerateFiles(Path.Combine(folder, "files"))
            .Order(StringComparer.Ordinal)
            .Select(path => (path, sources.GetValueOrDefault(Path.GetFileName(path)) ?? "(not in SOURCES.tsv)"))];
    }
}
