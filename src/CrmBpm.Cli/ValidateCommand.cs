namespace CrmBpm.Cli;

/// <summary><c>crmbpm validate file.bpmn...</c>: every problem of every map, for people and CI.</summary>
internal static class ValidateCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        if (args.Length == 0 || args.Any(a => a.StartsWith('-')))
        {
            await output.WriteLineAsync("Usage: crmbpm validate <file.bpmn>...");
            return CliApp.Usage;
        }

        var missing = args.Where(a => !File.Exists(a)).ToList();
        foreach (var path in missing)
        {
            await output.WriteLineAsync($"crmbpm: file not found: {path}");
        }

        if (missing.Count > 0)
        {
            return CliApp.Usage;
        }

        var files = MapFiles.Read(args);
        var (errors, warnings) = files.Validate();
        var problems = files.Problems.Concat(errors).ToList();
        foreach (var problem in problems.Concat(warnings))
        {
            await output.WriteLineAsync(problem);
        }

        // Warnings do not fail the command: the maps may be published, as the server would.
        var summary = $"{args.Length} file(s), {files.Maps.Count} map(s): ";
        var warned = warnings.Count == 0 ? "" : $" {warnings.Count} warning(s).";
        await output.WriteLineAsync(summary + (problems.Count == 0 ? "all valid." : $"{problems.Count} problem(s).") + warned);
        return problems.Count == 0 ? CliApp.Ok : CliApp.Problems;
    }
}
