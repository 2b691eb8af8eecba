using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Xml.Linq;
using CrmBpm.Engine.Bpmn;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Validation;
using Xunit.Abstractions;

namespace CrmBpm.Engine.Tests.Bpmn;

/// <summary>
/// Files may come from anyone: thousands of mutated copies of the samples and of real files from other tools either import
/// (and then validate; and when valid, export and read back as the same map) or are refused with a
/// <see cref="BpmnImportException"/> — nothing else escapes, a DTD is never accepted, and no file takes over 2 seconds.
/// Seeded: a failure names its case, seed file and mutations; set CRMBPM_FUZZ_CASE to the case number to run only it.
/// </summary>
public sealed class Fuzzing_the_importer(ITestOutputHelper output)
{
    private const int RunSeed = 20_250_601;
    private const int Cases = 10_000;
    private static readonly TimeSpan CaseLimit = TimeSpan.FromSeconds(2);

    private readonly BpmnImporter _importer = new();
    private readonly BpmnExporter _exporter = new();
    private readonly RouteMapValidator _validator = new();
    private readonly ExpressionEvaluator _expressions = new(new ExpressionLimits());

    private enum Outcome
    {
        Refused,
        ImportedWithProblems,
        ImportedValidRoundTripped,
    }

    [Fact]
    public void Mutated_files_import_or_are_refused_cleanly_and_none_takes_over_two_seconds()
    {
        var seeds = Seeds();
        var only = Environment.GetEnvironmentVariable("CRMBPM_FUZZ_CASE");
        var cases = only is null ? Enumerable.Range(0, Cases) : [int.Parse(only, CultureInfo.InvariantCulture)];
        var counts = new Dictionary<Outcome, int>();
        var failures = new List<string>();
        var maps = 0;
        var slowest = (Case: -1, Time: TimeSpan.Zero, Description: "");
        // The first file through the importer, Jint and the exporter pays for JIT compilation: not a property of the input.
        foreach (var (_, document) in seeds)
        {
            Run(Encoding.UTF8.GetBytes(document.ToString()), injectedDoctype: false);
        }

        var total = Stopwatch.StartNew();
        foreach (var index in cases)
        {
            var seed = unchecked(RunSeed + (index * 7_919));
            var random = new Random(seed);
            var (name, document) = seeds[random.Next(seeds.Count)];
            var mutator = new BpmnMutator(random);
            var bytes = mutator.Mutate(document);
            var description = $"case {index} (seed {seed}): {name}, mutations: {string.Join("; ", mutator.Applied)}";

            var watch = Stopwatch.StartNew();
            var (outcome, failure, mapCount) = Run(bytes, mutator.InjectedDoctype);
            watch.Stop();

            maps += mapCount;
            counts[outcome] = counts.GetValueOrDefault(outcome) + 1;
            if (failure is not null && failures.Count < 10)
            {
                failures.Add($"{description}\n    → {failure}");
            }

            if (watch.Elapsed > slowest.Time)
            {
                slowest = (index, watch.Elapsed, description);
            }
        }

        total.Stop();
        output.WriteLine($"Inputs tried: {cases.Count():N0} in {total.Elapsed.TotalSeconds:N1} s (run seed {RunSeed}).");
        output.WriteLine($"Imported, valid and round-tripped: {counts.GetValueOrDefault(Outcome.ImportedValidRoundTripped):N0}");
        output.WriteLine($"Imported with validation problems: {counts.GetValueOrDefault(Outcome.ImportedWithProblems):N0}");
        output.WriteLine($"Refused (BpmnImportException):     {counts.GetValueOrDefault(Outcome.Refused):N0}");
        output.WriteLine($"Maps imported in all:              {maps:N0}");
        output.WriteLine($"Slowest: {slowest.Time.TotalMilliseconds:N0} ms, {slowest.Description}");

        failures.ShouldBeEmpty($"{failures.Count} case(s) ended otherwise than importing or a clean refusal:\n" + string.Join("\n", failures));
        slowest.Time.ShouldBeLessThan(CaseLimit, $"The slowest case took {slowest.Time.TotalMilliseconds:N0} ms: {slowest.Description}");
    }

    private (Outcome Outcome, string? Failure, int Maps) Run(byte[] bytes, bool injectedDoctype)
    {
        IReadOnlyList<RouteMap> maps;
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            maps = _importer.Read(stream).Maps;
        }
        catch (BpmnImportException ex)
        {
            return ex.Problems.Count == 0
                ? (Outcome.Refused, "refused without naming a problem", 0)
                : (Outcome.Refused, null, 0);
        }
#pragma warning disable CA1031 // anything else escaping the importer is the finding
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return (Outcome.Refused, $"the importer threw {ex.GetType().Name}: {ex.Message}\n{ex.StackTrace}", 0);
        }

        if (injectedDoctype)
        {
            return (Outcome.ImportedWithProblems, "a file declaring a DTD was imported", maps.Count);
        }

        // The other processes of the file stand in for published maps, so that nested processes can be checked.
        var context = new ValidationContext(_expressions, key => maps.FirstOrDefault(m => m.Key == key));
        var outcome = Outcome.ImportedValidRoundTripped;
        foreach (var map in maps)
        {
            var step = "validating";
            try
            {
                if (_validator.Validate(map, context).Count > 0)
                {
                    outcome = Outcome.ImportedWithProblems;
                    continue;
                }

                step = "exporting";
                var xml = _exporter.Export(map);
                step = "re-importing the export";
                var again = _importer.ImportXml(xml).ShouldHaveSingleItem();
                if ((MapComparison.FirstDifference(map, again) ?? MapComparison.DrawingLost(map, again)) is { } difference)
                {
                    return (outcome, $"map '{map.Key}' read back differently from its export: {difference}", maps.Count);
                }
            }
#pragma warning disable CA1031 // an exception from a valid map's validation, export or re-import is the finding
            catch (Exception ex)
#pragma warning restore CA1031
            {
                return (outcome, $"{step} map '{map.Key}' threw {ex.GetType().Name}: {ex.Message}\n{ex.StackTrace}", maps.Count);
            }
        }

        return (outcome, null, maps.Count);
    }

    private static List<(string Name, XDocument Document)> Seeds()
    {
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Samples"), "*.bpmn")
            .Concat(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Bpmn", "FuzzSeeds")).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .ToList();
        files.Count.ShouldBeGreaterThanOrEqualTo(12);
        return [.. files.Select(f => (Path.GetFileName(f), XDocument.Parse(File.ReadAllText(f, Encoding.UTF8), LoadOptions.PreserveWhitespace)))];
    }
}
