using System.Text.Json;
using CrmBpm.Engine.Bpmn;
using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Tests.Bpmn;

/// <summary>Fixture and sample files, and semantic equality of route maps (records compare lists by reference).</summary>
internal static class BpmnTestFiles
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Bpmn", "Fixtures", name);

    public static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "Samples", name);

    public static BpmnImportResult Read(string path, BpmnImportOptions? options = null)
    {
        using var stream = File.OpenRead(path);
        return new BpmnImporter(options).Read(stream);
    }

    public static IReadOnlyList<RouteMap> Import(string path) => Read(path).Maps;

    /// <summary>Everything a map says, as indented JSON: two maps mean the same when these texts are equal.</summary>
    public static string Semantics(RouteMap map) => JsonSerializer.Serialize(map, Json);

    public static void ShouldMeanTheSameAs(this RouteMap actual, RouteMap expected) =>
        Semantics(actual).ShouldBe(Semantics(expected));

    public static void ShouldMeanTheSameAs(this IReadOnlyList<RouteMap> actual, IReadOnlyList<RouteMap> expected)
    {
        actual.Count.ShouldBe(expected.Count);
        for (var i = 0; i < actual.Count; i++)
        {
            actual[i].ShouldMeanTheSameAs(expected[i]);
        }
    }

    public static IReadOnlyList<RouteMap> RoundTrip(IReadOnlyList<RouteMap> maps) => new BpmnImporter().ImportXml(new BpmnExporter().Export(maps));
}
