using System.Globalization;

namespace CrmBpm.NodeHost;

/// <summary>The node's command line: <c>deploy|run --connection "Host=..." [options]</c> (see README.md).</summary>
internal sealed record NodeArguments
{
    public required string Command { get; init; }

    public required string ConnectionString { get; init; }

    public string NodeId { get; init; } = $"node-{Environment.ProcessId}";

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(2);

    public bool RunTimers { get; init; } = true;

    public int Workers { get; init; } = 2;

    public IReadOnlyList<string> Actors { get; init; } = ["worker-1", "worker-2", "worker-3"];

    /// <summary>A worker starts a new sale when it sees fewer open tasks than this.</summary>
    public int MinVisibleTasks { get; init; } = 10;

    /// <summary>How often the node starts a watched instance (a task nobody completes, with a deadline and a reminder); zero: never.</summary>
    public TimeSpan WatchEvery { get; init; } = TimeSpan.Zero;

    /// <summary>Stops on its own after this long (a safety net: an orphaned node never runs for ever).</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Stops when standard input says <c>stop</c> or closes.</summary>
    public bool StdinControl { get; init; }

    /// <summary>Writes one line per leased timer to this file.</summary>
    public string? LeaseLog { get; init; }

    /// <summary>How often the node starts an instance of the automatic-step map; zero: never.</summary>
    public TimeSpan AutoEvery { get; init; } = TimeSpan.Zero;

    /// <summary>Writes one line per handler run to this file (see <see cref="NodeBillHandler"/>).</summary>
    public string? HandlerLog { get; init; }

    /// <summary>Fault injection: the first leased reminders are never fired (see <see cref="NodeFaults"/>).</summary>
    public bool DropLeasedReminders { get; init; }

    /// <summary>Fault injection: after the reminders are dropped, the next handler run never returns (see <see cref="NodeFaults"/>).</summary>
    public bool HangInHandler { get; init; }

    public static NodeArguments Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0] is not ("deploy" or "run"))
        {
            throw new ArgumentException("usage: CrmBpm.NodeHost deploy|run --connection <npgsql connection string> [options]");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Count; i++)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Unexpected argument '{name}'.");
            }

            if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                values[name] = args[++i];
            }
            else
            {
                flags.Add(name);
            }
        }

        string? Value(string name) => values.GetValueOrDefault(name);
        int? Int(string name) => Value(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;
        TimeSpan? Milliseconds(string name) => Int(name) is { } ms ? TimeSpan.FromMilliseconds(ms) : null;

        var defaults = new NodeArguments { Command = args[0], ConnectionString = "" };
        return defaults with
        {
            ConnectionString = Value("--connection") ?? throw new ArgumentException("--connection is required."),
            NodeId = Value("--node-id") ?? defaults.NodeId,
            PollInterval = Milliseconds("--poll-ms") ?? defaults.PollInterval,
            LeaseDuration = Milliseconds("--lease-ms") ?? defaults.LeaseDuration,
            RunTimers = !flags.Contains("--no-timers"),
            Workers = Int("--workers") ?? defaults.Workers,
            Actors = Value("--actors")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? defaults.Actors,
            MinVisibleTasks = Int("--min-visible") ?? defaults.MinVisibleTasks,
            WatchEvery = Milliseconds("--watch-every-ms") ?? defaults.WatchEvery,
            Duration = Int("--duration-s") is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            StdinControl = flags.Contains("--stdin-control"),
            LeaseLog = Value("--lease-log"),
            AutoEvery = Milliseconds("--auto-every-ms") ?? defaults.AutoEvery,
            HandlerLog = Value("--handler-log"),
            DropLeasedReminders = flags.Contains("--drop-leased-reminders"),
            HangInHandler = flags.Contains("--hang-in-handler"),
        };
    }
}
