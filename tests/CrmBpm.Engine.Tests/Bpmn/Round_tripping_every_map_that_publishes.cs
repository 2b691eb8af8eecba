using CrmBpm.Engine.Bpmn;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Validation;
using CrmBpm.Testing;
using Xunit.Abstractions;

namespace CrmBpm.Engine.Tests.Bpmn;

/// <summary>
/// Every map that would publish (validates without problems) exports to BPMN and reads back meaning exactly the same: key,
/// name, every point with its kind and properties, every flow with its condition, branch and order. Thousands of generated
/// maps and one-change variants of them, seeded; a failure names the seed and the first property that differs.
/// </summary>
public sealed class Round_tripping_every_map_that_publishes(ITestOutputHelper output)
{
    private const int RunSeed = 7_340_033;
    private const int Maps = 2_000;

    [Fact]
    public void Every_generated_map_that_publishes_reads_back_from_its_export_meaning_the_same()
    {
        var validator = new RouteMapValidator();
        var expressions = new ExpressionEvaluator(new ExpressionLimits());
        var importer = new BpmnImporter();
        var exporter = new BpmnExporter();
        var published = new Dictionary<string, RouteMap>(StringComparer.Ordinal);
        var context = new ValidationContext(expressions, key => published.GetValueOrDefault(key));
        var (generated, valid, roundTripped) = (0, 0, 0);
        var failures = new List<string>();

        for (var i = 0; i < Maps; i++)
        {
            var seed = unchecked(RunSeed + (i * 104_729));
            var generator = new RouteMapGenerator(new Random(seed));
            var original = generator.Generate();
            var variant = generator.Mutate(original);
            foreach (var key in generator.CalledKeys)
            {
                published.TryAdd(key, new MapBuilder(key).Start().End().Flow("start", "end").Build() with { Status = RouteMapStatus.Published });
            }

            foreach (var (map, what) in new[] { (original, "generated"), (variant.Map, $"variant ({variant.Change})") })
            {
                generated++;
                if (validator.Validate(map, context).Count > 0)
                {
                    continue;
                }

                valid++;
                string? difference;
                try
                {
                    var again = importer.ImportXml(exporter.Export(map)).ShouldHaveSingleItem();
                    difference = MapComparison.FirstDifference(map, again);
                }
                catch (BpmnImportException ex)
                {
                    difference = $"its export was refused: {ex.Message}";
                }

                if (difference is null)
                {
                    roundTripped++;
                }
                else if (failures.Count < 10)
                {
                    failures.Add($"seed {seed}, {what} map '{map.Key}': {difference}");
                }
            }
        }

        output.WriteLine($"Maps generated: {generated:N0} (run seed {RunSeed}); published (no problems): {valid:N0}; round-tripped unchanged: {roundTripped:N0}.");
        failures.ShouldBeEmpty($"Maps that publish but read back differently from their export:\n{string.Join("\n", failures)}");
        valid.ShouldBeGreaterThan(Maps / 2, "the generator should mostly make maps that publish");
    }
}
