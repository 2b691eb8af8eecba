using CrmBpm.Benchmarks;
using CrmBpm.Benchmarks.Scenarios;
using CrmBpm.Engine.DependencyInjection;

// Usage: dotnet run -c Release --project tests/CrmBpm.Benchmarks -- [--quick] [--out docs] [--data artifacts/bench-data] [--only name,name]
// Scenarios: throughput, throughput-sqlite, peer, durable, mytasks, memory, nodes, automatic. Those on PostgreSQL run when
// CRMBPM_TEST_POSTGRES is set (export CRMBPM_TEST_POSTGRES="$(bash build/postgres.sh start)"). docs/benchmarks.md explains each.
var quick = args.Contains("--quick");
var outFolder = ArgValue("--out") ?? "docs";
var dataFolder = Path.GetFullPath(ArgValue("--data") ?? Path.Combine("artifacts", "bench-data"));
var only = ArgValue("--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
bool Runs(string name) => only is null || only.Contains(name);
string? ArgValue(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

var report = new Report();
var runs = quick ? 3 : 7;
var postgres = BenchmarkDatabase.PostgresAdmin is not null;
// Recorded as given (relative), so the report names no machine path.
report.Machine["data folder"] = ArgValue("--data") ?? Path.Combine("artifacts", "bench-data");
report.Machine["postgresql"] = postgres ? "reachable (CRMBPM_TEST_POSTGRES)" : "not configured; PostgreSQL scenarios skipped";

if (Runs("throughput") || Runs("peer") || Runs("throughput-sqlite"))
{
    Console.WriteLine("In-process throughput (sale-shaped map, tasks completed as they open)");
    var cpu = new List<double>();
    var ours = await InProcessThroughput.MeasureAsync(b => b.UseInMemoryStore(), quick ? 1_000 : 10_000, runs, cpu);
    report.Add("throughput", "CrmBpm, in-memory store", ours.Median, "instances/s", stats: ours);
    report.Print(report.Last);
    report.Add("throughput", "CrmBpm, in-memory store, per CPU second", Stats.Of(cpu).Median, "instances/CPU-s", "process CPU time incl. GC");
    report.Print(report.Last);

    if (Runs("throughput-sqlite"))
    {
        await using var file = BenchmarkDatabase.SqliteFile(dataFolder, "throughput");
        var onFile = await InProcessThroughput.MeasureAsync(file.Attach, quick ? 100 : 300, runs);
        report.Add("throughput", "CrmBpm, SQLite file (WAL)", onFile.Median, "instances/s", "5 commands = 5 commits per instance", onFile);
        report.Print(report.Last);
        report.Add("throughput", "SQLite file ÷ in-memory", onFile.Median / ours.Median, "×");
        report.Print(report.Last);
    }

    if (Runs("throughput-sqlite") && postgres)
    {
        await using var database = await BenchmarkDatabase.PostgresAsync("throughput");
        var onPostgres = await InProcessThroughput.MeasureAsync(database.Attach, quick ? 100 : 300, runs);
        report.Add("throughput", "CrmBpm, PostgreSQL", onPostgres.Median, "instances/s", "5 commands = 5 commits per instance", onPostgres);
        report.Print(report.Last);
    }

    if (Runs("peer"))
    {
        var (peer, version) = await PeerBpmnEngine.MeasureAsync(quick ? 100 : 500, runs);
        report.Add("throughput", $"bpmn-engine {version} (node)", peer.Median, "instances/s", stats: peer);
        report.Print(report.Last);
        report.Add("throughput", "CrmBpm in-memory ÷ bpmn-engine", ours.Median / peer.Median, "×", "target ≥ 100×");
        report.Print(report.Last);
    }
}

if (Runs("durable"))
{
    var completions = quick ? 200 : 5_000;
    await Durable("SQLite file (WAL, synchronous=NORMAL)", () => Task.FromResult(BenchmarkDatabase.SqliteFile(dataFolder, "durable")), () => Task.FromResult(BenchmarkDatabase.SqliteFile(dataFolder, "raw")));
    if (postgres)
    {
        await Durable("PostgreSQL", () => BenchmarkDatabase.PostgresAsync("durable"), () => BenchmarkDatabase.PostgresAsync("raw"));
    }

    async Task Durable(string name, Func<Task<BenchmarkDatabase>> engineDatabase, Func<Task<BenchmarkDatabase>> rawDatabase)
    {
        Console.WriteLine($"Durable completion on {name}: {completions:N0} single completions, then as many raw single-row insert transactions");
        await using var database = await engineDatabase();
        await using var raw = await rawDatabase();
        var result = await DurableCompletion.MeasureAsync(database, raw, completions, Progress.Bar("preparing instances"));
        report.Add("durable", $"completions on {name}", result.CompletionsPerSecond, "completions/s", $"latency p50 {result.LatencyMs.Median:0.##} ms, p99 {result.LatencyMs.P99:0.##} ms");
        report.Print(report.Last);
        report.Add("durable", $"completion latency on {name}", result.LatencyMs.Median, "ms", stats: result.LatencyMs);
        report.Print(report.Last);
        report.Add("durable", $"raw single-row insert transactions on {name}", result.RawInsertsPerSecond, "inserts/s", "same disk and settings");
        report.Print(report.Last);
        report.Add("durable", $"completions ÷ raw inserts on {name}", result.CompletionsPerSecond / result.RawInsertsPerSecond * 100, "%", "target ≥ 50 %");
        report.Print(report.Last);
        report.Add("durable", $"WAL written per completion on {name}", result.WalBytesPerCompletion, "bytes", "instance, task, new tasks, history, their indexes, counters");
        report.Print(report.Last);
        report.Add("durable", $"WAL written per raw insert on {name}", result.WalBytesPerRawInsert, "bytes", "one row");
        report.Print(report.Last);
        report.Add("durable", $"WAL per completion ÷ WAL per raw insert on {name}", result.WalBytesPerCompletion / result.WalBytesPerRawInsert, "×");
        report.Print(report.Last);
    }
}

if (Runs("mytasks"))
{
    var size = quick ? new MyTasksAtScale.Size(20_000, 1_000, 200, 50, 200) : new MyTasksAtScale.Size(1_000_000, 10_000, 200, 50, 2_000);
    await MyTasks(() => Task.FromResult(BenchmarkDatabase.SqliteFile(dataFolder, "mytasks")));
    if (postgres)
    {
        await MyTasks(() => BenchmarkDatabase.PostgresAsync("mytasks"));
    }

    async Task MyTasks(Func<Task<BenchmarkDatabase>> create)
    {
        await using var database = await create();
        Console.WriteLine($"My tasks at scale on {database.Provider}: {size.Tasks:N0} open tasks, {size.Users:N0} users, {size.Roles} roles, {size.AddressingObjects} addressing objects");
        var result = await MyTasksAtScale.MeasureAsync(database, size, Progress.Bar("seeding tasks"));
        var note = $"{size.Tasks:N0} tasks, {size.Users:N0} users; seeded in {result.SeedSeconds:0.#} s; {result.AverageVisible:N0} tasks visible per user on average; target p95 ≤ 5 ms";
        report.Add("mytasks", $"My tasks first page on {database.Provider}, p95", result.LatencyMs.P95, "ms", note, result.LatencyMs);
        report.Print(report.Last);
    }
}

if (Runs("memory"))
{
    var count = quick ? 10_000 : 100_000;
    Console.WriteLine($"Memory at {count:N0} active instances");
    var (perInstance, perTask) = await MemoryPerInstance.MeasureAsync(count, Progress.Bar("memory"));
    report.Add("memory", "bytes per active instance (with its open task)", perInstance, "bytes", $"{count:N0} instances, in-memory store");
    report.Print(report.Last);
    report.Add("memory", "bytes per further open task", perTask, "bytes", $"{count:N0} instances, in-memory store");
    report.Print(report.Last);
}

if (Runs("nodes"))
{
    if (!postgres)
    {
        Console.WriteLine("Several nodes: skipped (CRMBPM_TEST_POSTGRES is not set)");
    }
    else
    {
        var window = TimeSpan.FromSeconds(quick ? 5 : 30);
        Console.WriteLine($"Several node processes on one PostgreSQL database: completions over {window.TotalSeconds:0} s");
        double? single = null;
        foreach (var nodes in new[] { 1, 2, 3 })
        {
            var rate = await MultiNodeThroughput.MeasureAsync(nodes, window);
            single ??= rate;
            report.Add("nodes", $"{nodes} node process{(nodes == 1 ? "" : "es")}", rate, "completions/s", nodes == 1 ? "2 workers per node" : $"{rate / single.Value:0.##}× one node");
            report.Print(report.Last);
        }
    }
}

if (Runs("automatic"))
{
    var sequential = quick ? 50 : 300;
    var burst = quick ? 200 : 2_000;
    await Automatic("SQLite file (WAL)", () => Task.FromResult(BenchmarkDatabase.SqliteFile(dataFolder, "automatic")));
    if (postgres)
    {
        await Automatic("PostgreSQL", () => BenchmarkDatabase.PostgresAsync("automatic"));
    }

    async Task Automatic(string name, Func<Task<BenchmarkDatabase>> database)
    {
        Console.WriteLine($"Automatic steps on {name}: {sequential} one at a time, then a burst of {burst}");
        await using var db = await database();
        var (delay, perSecond) = await AutomaticStepLatency.MeasureAsync(db.Attach, sequential, burst);
        report.Add("automatic", $"start call to handler start on {name}", delay.Median, "ms", $"p99 {delay.P99:0.##} ms; the job's commit wakes the timer service (poll 1 s)", delay);
        report.Print(report.Last);
        report.Add("automatic", $"automatic steps on {name}", perSecond, "steps/s", $"{burst} instances started one after another, until the last ended; jobs run one after another on one node");
        report.Print(report.Last);
    }
}

report.Write(outFolder, "dotnet run -c Release --project tests/CrmBpm.Benchmarks -- " + string.Join(' ', args));
Console.WriteLine($"Results written to {Path.GetFullPath(outFolder)}/benchmarks.md and benchmarks.json");
