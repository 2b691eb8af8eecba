namespace CrmBpm.Cli.Tests;

/// <summary>Runs the CLI in-process and captures what it prints.</summary>
internal static class Cli
{
    public static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "Samples", name);

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static async Task<(int ExitCode, string Output)> RunAsync(string input, params string[] args)
    {
        using var reader = new StringReader(input);
        using var writer = new StringWriter();
        var code = await CliApp.RunAsync(args, reader, writer);
        return (code, writer.ToString());
    }

    /// <summary>A temporary .bpmn file with the given process content.</summary>
    public static string TempMap(string processes)
    {
        var path = Path.Combine(Path.GetTempPath(), $"crmbpm-{Guid.NewGuid():N}.bpmn");
        File.WriteAllText(path, $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:crm="https://crmbpm.dev/schema/bpmn">
            {processes}
            </bpmn:definitions>
            """);
        return path;
    }
}
