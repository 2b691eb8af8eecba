using System.Text.Json;
using System.Text.Json.Nodes;
using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Tests.Bpmn;

/// <summary>
/// Compares what a map means when it runs — key, name, points with their kind and every property, flows with their
/// conditions, branches and order — and names the first property that differs (e.g. <c>Points[3].Performer.Role</c>).
/// The drawing and what other tools wrote (kept but never executed) are compared separately where a test needs it.
/// </summary>
internal static class MapComparison
{
    private static readonly JsonSerializerOptions Json = new();

    /// <summary>The map without its drawing and without the other tools' data it keeps: what the engine executes.</summary>
    public static RouteMap Meaning(RouteMap map) => map with
    {
        Version = 1,
        Status = RouteMapStatus.Draft,
        Diagram = null,
        Foreign = null,
        Points = [.. map.Points.Select(p => p with { Foreign = null })],
        Flows = [.. map.Flows.Select(f => f with { Foreign = null })],
    };

    /// <summary>The first property in which the meanings of the two maps differ, or null when they mean the same.</summary>
    public static string? FirstDifference(RouteMap expected, RouteMap actual) =>
        FirstDifference(JsonSerializer.SerializeToNode(Meaning(expected), Json), JsonSerializer.SerializeToNode(Meaning(actual), Json), "map");

    /// <summary>The first shape or edge of <paramref name="expected"/>'s drawing that <paramref name="actual"/> lost or changed, or null.</summary>
    public static string? DrawingLost(RouteMap expected, RouteMap actual)
    {
        if (expected.Diagram is not { } drawn)
        {
            return null;
        }

        if (actual.Diagram is not { } read)
        {
            return "the diagram was lost";
        }

        foreach (var shape in drawn.Shapes)
        {
            if (FirstDifference(JsonSerializer.SerializeToNode(shape, Json), JsonSerializer.SerializeToNode(read.FindShape(shape.ElementId), Json), $"shape of {shape.ElementId}") is { } difference)
            {
                return difference;
            }
        }

        foreach (var edge in drawn.Edges)
        {
            if (FirstDifference(JsonSerializer.SerializeToNode(edge, Json), JsonSerializer.SerializeToNode(read.FindEdge(edge.ElementId), Json), $"edge of {edge.ElementId}") is { } difference)
            {
                return difference;
            }
        }

        return null;
    }

    private static string? FirstDifference(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected, actual)
        {
            case (null, null):
                return null;
            case (JsonObject e, JsonObject a):
                foreach (var (name, value) in e)
                {
                    if (FirstDifference(value, a[name], $"{path}.{name}") is { } difference)
                    {
                        return difference;
                    }
                }

                var extra = a.Select(p => p.Key).FirstOrDefault(k => !e.ContainsKey(k));
                return extra is null ? null : $"{path}.{extra}: not expected but read back as {a[extra]?.ToJsonString() ?? "null"}";
            case (JsonArray e, JsonArray a):
                for (var i = 0; i < Math.Min(e.Count, a.Count); i++)
                {
                    if (FirstDifference(e[i], a[i], $"{path}[{i}]") is { } difference)
                    {
                        return difference;
                    }
                }

                return e.Count == a.Count ? null : $"{path}: expected {e.Count} items but read back {a.Count}";
            default:
                var expectedText = expected?.ToJsonString() ?? "null";
                var actualText = actual?.ToJsonString() ?? "null";
                return expectedText == actualText ? null : $"{path}: expected {expectedText} but read back {actualText}";
        }
    }
}
