using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace CrmBpm.Benchmarks;

/// <summary>Collects results and writes them as JSON and as a short markdown table.</summary>
internal sealed class Report
{
    /// <summary>What each scenario measures and how to run it; written above the figures every time.</summary>
    public const string Header = """
        # Benchmarks

        `tests/CrmBpm.Benchmarks` is a console program, run on demand (never by `./test.sh`). Release build, on an otherwise
        idle machine; with `CRMBPM_TEST_POSTGRES` set, the PostgreSQL variants run too:

        ```
        export CRMBPM_TEST_POSTGRES="$(bash build/postgres.sh start)"
        dotnet run -c Release --project tests/CrmBpm.Benchmarks -- [--quick] [--only throughput,throughput-sqlite,peer,durable,mytasks,memory,nodes] [--data <folder>] [--out docs]
        bash build/postgres.sh stop
        ```

        `--quick` shrinks every size (a smoke run, not figures); `--data` is where SQLite files live (default
        `artifacts/bench-data`, on the repository's disk, never the temp folder, which may be in memory).

        | scenario (`--only`) | what it measures |
        |---|---|
        | `throughput` | instances per second of the sale-shaped map (start → action → condition → split of two actions → merge → action → end) run end to end in process, the driver completing each task as soon as its TaskCreated event arrives; in-memory store |
        | `throughput-sqlite` | the same driver on a SQLite file (WAL) and, when reachable, PostgreSQL; printed with its ratio to the in-memory figure. Each instance is 5 commands = 5 commits, so this figure should be bounded by commits |
        | `peer` | the same .bpmn on bpmn-engine (npm, pinned in `bpmn-engine/package-lock.json`, run with node), its user tasks signalled the same way; ratio CrmBpm ÷ bpmn-engine (target ≥ 100×) |
        | `durable` | single task completions one after another (each its own command and transaction) on a SQLite file (WAL, `synchronous=NORMAL`) and on PostgreSQL: completions per second and p50/p99 latency; in the same run, the raw rate of single-row insert transactions on the same disk with the same settings (SQLite: the provider's pragmas, `BEGIN IMMEDIATE` per row; PostgreSQL: one autocommitted prepared INSERT per row); ratio, target ≥ 50 %; then, outside the timing, the write-ahead log a completion and a raw insert each write (SQLite: WAL frames from an emptied WAL; PostgreSQL: the WAL insert position before and after) |
        | `mytasks` | 1 000 000 open tasks over 10 000 users, 200 roles and 50 addressing objects (half held by users, 35 % in role pools, 15 % in role + object pools; deadlines spread, a tenth none, 2 % postponed), bulk-seeded into the store's `tasks` table (SQLite: prepared INSERTs in one transaction; PostgreSQL: binary COPY) after the store created the schema, then `ANALYZE` and the store's `RecountOpenTasksAsync` (the rows bypassed the store, so its My tasks counters are rebuilt; part of the seeding time); p50/p95/p99 of My tasks (first page of 50, by deadline, with its total count) through `ITaskService` for random users with one to three roles, a third also serving an addressing object; target p95 ≤ 5 ms |
        | `memory` | bytes per active instance (with its open task) and per further open task at 100 000 active instances, in-memory store |
        | `nodes` | task completions per second of 1, 2 and 3 `CrmBpm.NodeHost` processes on one PostgreSQL database (two workers each racing for the same pool tasks, timer service on), counted in the database over 30 s once every node is warm |
        """;

    private readonly List<Row> _rows = [];

    public Dictionary<string, string> Machine { get; } = new()
    {
        ["cores"] = Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture),
        ["memory"] = MemoryText(),
        ["os"] = RuntimeInformation.OSDescription,
        ["dotnet"] = RuntimeInformation.FrameworkDescription,
    };

    public void Add(string scenario, string metric, double value, string unit, string? note = null, Stats? stats = null) =>
        _rows.Add(new Row(scenario, metric, value, unit, note, stats));

    public void Print(Row row) => Console.WriteLine($"  {row.Scenario} — {row.Metric}: {Format(row.Value)} {row.Unit}{(row.Note is null ? "" : $" ({row.Note})")}");

    public Row Last => _rows[^1];

    public void Write(string folder, string commandLine)
    {
        Directory.CreateDirectory(folder);
        var json = JsonSerializer.Serialize(new { machine = Machine, commandLine, measuredAt = DateTimeOffset.UtcNow, results = _rows }, new JsonSerializerOptions { WriteIndented = true });
        File.WriteAllText(Path.Combine(folder, "benchmarks.json"), json);

        var md = new StringBuilder();
        md.AppendLine(Header).AppendLine();
        md.AppendLine("## Latest figures").AppendLine();
        md.AppendLine($"Made with `{commandLine}` on {DateTimeOffset.UtcNow:yyyy-MM-dd}; raw figures in `benchmarks.json`.").AppendLine();
        md.AppendLine($"Machine: {string.Join(", ", Machine.Select(kv => $"{kv.Key} {kv.Value}"))}.").AppendLine();
        md.AppendLine("| scenario | metric | value | unit | median / p95 / p99 (runs) | note |");
        md.AppendLine("|---|---|---:|---|---|---|");
        foreach (var row in _rows)
        {
            var spread = row.Stats is { } s ? $"{Format(s.Median)} / {Format(s.P95)} / {Format(s.P99)} ({s.Samples})" : "";
            md.AppendLine($"| {row.Scenario} | {row.Metric} | {Format(row.Value)} | {row.Unit} | {spread} | {row.Note} |");
        }

        File.WriteAllText(Path.Combine(folder, "benchmarks.md"), md.ToString());
    }

    private static string Format(double value) => value >= 100 ? value.ToString("N0", CultureInfo.InvariantCulture) : value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string MemoryText()
    {
        var line = File.Exists("/proc/meminfo") ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) : null;
        return line is null ? "unknown" : $"{long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024 / 1024} GiB";
    }

    internal sealed record Row(string Scenario, string Metric, double Value, string Unit, string? Note, Stats? Stats);
}
