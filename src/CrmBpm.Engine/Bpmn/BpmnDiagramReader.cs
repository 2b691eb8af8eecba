using System.Globalization;
using System.Xml.Linq;
using CrmBpm.Engine.Definitions;
using static CrmBpm.Engine.Bpmn.BpmnNamespaces;
using static CrmBpm.Engine.Bpmn.BpmnReadContext;

namespace CrmBpm.Engine.Bpmn;

/// <summary>Reads the <c>bpmndi:BPMNPlane</c> of a process (or the part of a collaboration's plane that is the map's) into a <see cref="MapDiagram"/>.</summary>
internal sealed class BpmnDiagramReader(BpmnReadContext context)
{
    /// <summary>The shapes and edges of <paramref name="plane"/> that <paramref name="belongs"/> says are the map's.</summary>
    public MapDiagram Read(XElement diagram, XElement plane, RouteMap map, Func<XElement, bool> belongs)
    {
        var shapes = new List<DiagramShape>();
        var edges = new List<DiagramEdge>();
        // One drawing per element: with two, which one counts would depend on who reads the list.
        var drawn = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in plane.Elements().Where(belongs))
        {
            var elementId = Text(element, "bpmnElement");
            if (elementId is not null && (element.Name == BpmnDiNs + "BPMNShape" || element.Name == BpmnDiNs + "BPMNEdge") && !drawn.Add(elementId))
            {
                context.Problem(element, elementId, $"The diagram of '{map.Key}' draws '{elementId}' twice (again in <{element.Name.LocalName} id=\"{Id(element)}\">); a point has one shape and a flow one edge.");
                continue;
            }

            if (element.Name == BpmnDiNs + "BPMNShape" && elementId is not null)
            {
                var bounds = ReadBounds(element.Element(DcNs + "Bounds"), elementId);
                if (bounds is { } b)
                {
                    shapes.Add(new DiagramShape
                    {
                        ElementId = elementId,
                        Id = DefaultOrNull(Id(element), elementId + "_di"),
                        Bounds = b,
                        Label = ReadLabel(element, elementId),
                        ForeignAttributes = context.ForeignAttributes(element, elementId, n => n == "id" || n == "bpmnElement"),
                    });
                }
            }
            else if (element.Name == BpmnDiNs + "BPMNEdge" && elementId is not null)
            {
                edges.Add(new DiagramEdge
                {
                    ElementId = elementId,
                    Id = DefaultOrNull(Id(element), elementId + "_di"),
                    Waypoints = [.. element.Elements(DiNs + "waypoint").Select(w => new DiagramPoint(Number(w, "x", elementId), Number(w, "y", elementId)))],
                    Label = ReadLabel(element, elementId),
                    ForeignAttributes = context.ForeignAttributes(element, elementId, n => n == "id" || n == "bpmnElement"),
                });
            }
            else
            {
                context.Problem(element, elementId, $"The diagram of '{map.Key}' contains <{element.Name.LocalName}>, which CrmBpm does not support.");
            }
        }

        return new MapDiagram
        {
            Id = DefaultOrNull(Id(diagram), map.Key + "_diagram"),
            PlaneId = DefaultOrNull(Id(plane), map.Key + "_plane"),
            Shapes = shapes,
            Edges = edges,
        };
    }

    /// <summary>Generated ids are not stored, so a map built in code and one read back from its export are equal.</summary>
    private static string? DefaultOrNull(string? id, string generated) => id == generated ? null : id;

    private DiagramBounds? ReadLabel(XElement element, string elementId)
    {
        var label = element.Element(BpmnDiNs + "BPMNLabel");
        return label is null ? null : ReadBounds(label.Element(DcNs + "Bounds"), elementId);
    }

    private DiagramBounds? ReadBounds(XElement? bounds, string elementId) =>
        bounds is null ? null : new DiagramBounds(Number(bounds, "x", elementId), Number(bounds, "y", elementId), Number(bounds, "width", elementId), Number(bounds, "height", elementId));

    private double Number(XElement element, string name, string elementId)
    {
        var text = Text(element, name);
        if (text is not null && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        context.Problem(element, elementId, $"The diagram of '{elementId}' has <{element.Name.LocalName}> without a valid number for '{name}'.");
        return 0;
    }
}
