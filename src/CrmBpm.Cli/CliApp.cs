namespace CrmBpm.Cli;

/// <summary>The <c>crmbpm</c> command line, callable in-process (tests) with any reader and writer.</summary>
public static class CliApp
{
    /// <summary>Success: every map valid, a run ended normally, a backup written.</summary>
    public const int Ok = 0;

    /// <summary>Some file or map has problems, or a backup failed.</summary>
    public const int Problems = 1;

    /// <summary>The command line itself is wrong (unknown command, missing file, ...).</summary>
    public const int Usage = 2;

    /// <summary>The help text.</summary>
    public const string HelpText = """
        crmbpm — CrmBpm route maps and databases on the command line

        Usage:
          crmbpm validate <file.bpmn>...
              Checks every map in the files (maps in the files given resolve each other's nested
              processes). Prints file(line): [point] message for each problem. Exit code 0 when all
              maps are valid, 1 when there are problems, 2 for usage errors.
          crmbpm run <file.bpmn>... [--map <key>] [--var name=value]... [--as <user>]
              Starts a map (default: the first one of the first file) on a throw-away in-memory engine
              and lets you work its tasks. Commands (read from standard input, so it can be scripted):
                tasks                          list open tasks, numbered
                complete <n> [outcome] [name=value]...
                accept <n>                     take a task that requires acceptance into work
                set name=value...              change process variables
                run [n] [name=value]...        run the automatic steps waiting now with a stand-in for their
                                               handlers; step n (default 1) returns the variables given
                advance <duration>             move the simulated time on (ISO 8601: PT4H, P3D) and fire
                                               what is due: timer events, boundary timers, deadlines, reminders
                time                           show the simulated time
                retry                          retry the tokens stuck at an incident (after 'set')
                vars | tokens | history        show variables, where the tokens are, the history
                help | quit
              Values are JSON when they parse as JSON (5000, true, ["a","b"], "text"), else text.
          crmbpm backup <source.db> <target.db> [--overwrite]
              Copies a SQLite database consistently while a server keeps writing to it (SQLite's
              online backup), checks the copy's integrity, then moves it into place. An existing
              target is refused unless --overwrite is given. Exit code 0 on success, 1 when the copy
              fails, 2 for usage errors (missing source, existing target, ...).
          crmbpm help
        """;

    /// <summary>Runs one command line; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        if (args.Length == 0)
        {
            await output.WriteLineAsync(HelpText);
            return Usage;
        }

        switch (args[0])
        {
            case "help" or "--help" or "-h" or "-?":
                await output.WriteLineAsync(HelpText);
                return Ok;
            case "validate":
                return await ValidateCommand.RunAsync(args[1..], output);
            case "run":
                return await RunCommand.RunAsync(args[1..], input, output, cancellationToken);
            case "backup":
                return await BackupCommand.RunAsync(args[1..], output, cancellationToken);
            default:
                await output.WriteLineAsync($"crmbpm: unknown command '{args[0]}'. Try 'crmbpm help'.");
                return Usage;
        }
    }
}
