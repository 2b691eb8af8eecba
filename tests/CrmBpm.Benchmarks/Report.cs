using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace CrmBpm.Benchmarks;

/// <summary>Collects results and writes them as JSON and as a short markdown table.</summary>
internal sealed class Report
{
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
        md.AppendLine("# Benchmarks").AppendLine();
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
