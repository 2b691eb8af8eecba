using CrmBpm.Benchmarks;
using CrmBpm.Benchmarks.Scenarios;
using CrmBpm.Engine.DependencyInjection;

// Usage: dotnet run -c Release --project tests/CrmBpm.Benchmarks -- [--quick] [--out docs] [--only name,name]
// Scenarios: throughput, peer, memory (and the database scenarios where providers are present).
var quick = args.Contains("--quick");
var outFolder = ArgValue("--out") ?? "docs";
var only = ArgValue("--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
bool Runs(string name) => only is null || only.Contains(name);
string? ArgValue(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

var report = new Report();
var runs = quick ? 3 : 7;

if (Runs("throughput") || Runs("peer"))
{
    Console.WriteLine("In-process throughput (sale-shaped map, tasks completed as they open)");
    var cpu = new List<double>();
    var ours = await InProcessThroughput.MeasureAsync(b => b.UseInMemoryStore(), quick ? 1_000 : 10_000, runs, cpu);
    report.Add("throughput", "CrmBpm, in-memory store", ours.Median, "instances/s", stats: ours);
    report.Print(report.Last);
    report.Add("throughput", "CrmBpm, in-memory store, per CPU second", Stats.Of(cpu).Median, "instances/CPU-s", "process CPU time incl. GC");
    report.Print(report.Last);

    if (Runs("peer"))
    {
        var (peer, version) = await PeerBpmnEngine.MeasureAsync(quick ? 100 : 500, runs);
        report.Add("throughput", $"bpmn-engine {version} (node)", peer.Median, "instances/s", stats: peer);
        report.Print(report.Last);
        report.Add("throughput", "CrmBpm in-memory ÷ bpmn-engine", ours.Median / peer.Median, "×", "target ≥ 100×");
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

report.Write(outFolder, "dotnet run -c Release --project tests/CrmBpm.Benchmarks -- " + string.Join(' ', args));
Console.WriteLine($"Results written to {Path.GetFullPath(outFolder)}/benchmarks.md and benchmarks.json");
