using System.Text.Json;
using CrmBpm.Engine.Bpmn;
using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Validation;

/// <summary>
/// The last check before a map counts as valid: it is exported as BPMN and read back. A published map must always
/// download and re-import; any text the exporter cannot write, or writes in a way the importer refuses (a prefix
/// clashing with ours, an id of blanks, a control character), becomes a problem here rather than a 500 later.
/// </summary>
internal static class ExportCheck
{
    private static readonly HashSet<string> Expressions = ["Condition", "Expression", "UserExpression", "RoleExpression", "Source", "Script"];

    public static IReadOnlyList<ValidationProblem> Check(RouteMap map)
    {
        string xml;
        try
        {
            xml = new BpmnExporter().Export(map);
        }
#pragma warning disable CA1031 // any exporter failure on user data is reported as a problem of the map, never thrown
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return [new("map.not-exportable", null, $"The map cannot be written as BPMN: {ex.Message}")];
        }

        try
        {
            var again = new BpmnImporter().ImportXml(xml);
            return again.Count == 1 ? Changes(map, again[0]) : [new("map.not-exportable", null, $"The map's BPMN export reads back as {again.Count} maps.")];
        }
        catch (BpmnImportException ex)
        {
            return [.. ex.Problems.Take(5).Select(p => new ValidationProblem("map.not-exportable", p.ElementId,
                $"The map's BPMN export would not read back: {p.Message}"))];
        }
    }

    /// <summary>
    /// What reads back differently from the map: a value BPMN cannot hold as it is (an outcome or user id with surrounding
    /// blanks, which the importer trims) would otherwise change silently when the map is downloaded and uploaded again.
    /// </summary>
    private static List<ValidationProblem> Changes(RouteMap map, RouteMap again)
    {
        var problems = new List<ValidationProblem>();
        var readBack = again.Points.GroupBy(p => p.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var point in map.Points)
        {
            if (readBack.TryGetValue(point.Id, out var other) && Difference(Meaning(point), Meaning(other)) is { } property)
            {
                problems.Add(new("map.not-exportable", point.Id,
                    $"'{point.DisplayName}' would not read back the same from its BPMN export: {property} changes (BPMN trims blanks around values, and the flows of a Condition carry no condition of their own)."));
            }
        }

        var flowsBack = again.Flows.GroupBy(f => f.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var flow in map.Flows)
        {
            if (flowsBack.TryGetValue(flow.Id, out var other) && Difference(JsonSerializer.SerializeToElement(flow with { Foreign = null }), JsonSerializer.SerializeToElement(other with { Foreign = null })) is { } property)
            {
                problems.Add(new("map.not-exportable", flow.SourceId,
                    $"Flow '{flow.Id}' would not read back the same from its BPMN export: {property} changes (BPMN trims blanks around values, and the flows of a Condition carry no condition of their own).", flow.Id));
            }
        }

        if (map.Name != again.Name)
        {
            problems.Add(new("map.not-exportable", null, "The map's name would not read back the same from its BPMN export (blanks around it are trimmed)."));
        }

        return problems;
    }

    private static JsonElement Meaning(Point point) => JsonSerializer.SerializeToElement(point with { Foreign = null });

    /// <summary>The first property (a dotted path) whose value differs, or null.</summary>
    private static string? Difference(JsonElement expected, JsonElement actual, string path = "")
    {
        if (expected.ValueKind == JsonValueKind.Object && actual.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in expected.EnumerateObject())
            {
                var name = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                if (Expressions.Contains(property.Name))
                {
                    // The importer trims expressions and unwraps a performer's ${...} on purpose, with the same meaning; only their loss counts.
                    if ((property.Value.ValueKind == JsonValueKind.Null) != (!actual.TryGetProperty(property.Name, out var kept) || kept.ValueKind == JsonValueKind.Null))
                    {
                        return name;
                    }

                    continue;
                }

                if (!actual.TryGetProperty(property.Name, out var value))
                {
                    return name;
                }

                if (Difference(property.Value, value, name) is { } inner)
                {
                    return inner;
                }
            }

            return null;
        }

        if (expected.ValueKind == JsonValueKind.Array && actual.ValueKind == JsonValueKind.Array)
        {
            var (e, a) = (expected.EnumerateArray().ToList(), actual.EnumerateArray().ToList());
            for (var i = 0; i < Math.Min(e.Count, a.Count); i++)
            {
                if (Difference(e[i], a[i], $"{path}[{i}]") is { } inner)
                {
                    return inner;
                }
            }

            return e.Count == a.Count ? null : path;
        }

        return expected.GetRawText() == actual.GetRawText() ? null : path;
    }
}
