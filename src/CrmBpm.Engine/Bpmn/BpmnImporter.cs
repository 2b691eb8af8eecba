using System.Text;
using System.Xml.Linq;
using CrmBpm.Engine.Definitions;
using static CrmBpm.Engine.Bpmn.BpmnNamespaces;
using static CrmBpm.Engine.Bpmn.BpmnReadContext;

namespace CrmBpm.Engine.Bpmn;

/// <summary>
/// Reads BPMN 2.0 XML (ours, bpmn.io's, Camunda Modeler's) into route maps: one map per process, with its
/// diagram. Parsing is safe against XXE and entity expansion and bounded in size. Anything that cannot
/// become part of a route map is reported — every problem at once, with line and element id — never dropped.
/// The mapping is described in the engine's <c>Bpmn/README.md</c>.
/// </summary>
public sealed class BpmnImporter
{
    private static readonly HashSet<string> KnownDefinitionsAttributes = ["id", "targetNamespace", "exporter", "exporterVersion", "name"];
    private readonly BpmnImportOptions _options;

    /// <summary>Creates an importer with the given limits (default: 10 MB).</summary>
    public BpmnImporter(BpmnImportOptions? options = null) => _options = options ?? new BpmnImportOptions();

    /// <summary>Reads a file's maps with the line of every element.</summary>
    /// <exception cref="BpmnImportException">The file is unsafe, malformed or contains what a route map cannot hold.</exception>
    public BpmnImportResult Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var context = new BpmnReadContext(_options);
        var document = SafeXmlLoader.Load(stream, _options, context.Problems);
        var maps = document is null ? [] : ReadDefinitions(document, context);
        if (context.Problems.Count > 0)
        {
            throw new BpmnImportException([.. context.Problems.OrderBy(p => p.Line).ThenBy(p => p.Column)]);
        }

        return new BpmnImportResult(maps, context.Locations);
    }

    /// <summary>Reads maps from XML text.</summary>
    /// <exception cref="BpmnImportException">The text is unsafe, malformed or contains what a route map cannot hold.</exception>
    public BpmnImportResult ReadXml(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(xml), writable: false);
        return Read(stream);
    }

    /// <summary>The maps of a BPMN stream, one per process in document order.</summary>
    /// <exception cref="BpmnImportException">The file is unsafe, malformed or contains what a route map cannot hold.</exception>
    public IReadOnlyList<RouteMap> Import(Stream stream) => Read(stream).Maps;

    /// <summary>The maps of BPMN XML text, one per process in document order.</summary>
    /// <exception cref="BpmnImportException">The text is unsafe, malformed or contains what a route map cannot hold.</exception>
    public IReadOnlyList<RouteMap> ImportXml(string xml) => ReadXml(xml).Maps;

    private static List<RouteMap> ReadDefinitions(XDocument document, BpmnReadContext context)
    {
        var root = document.Root!;
        if (!IsBpmn(root, "definitions"))
        {
            context.Problem(root, null, $"This is not a BPMN 2.0 file: the root element is <{root.Name.LocalName}>, not <bpmn:definitions> in namespace {Model}.");
            return [];
        }

        var definitionsAttributes = context.ForeignAttributes(root, null, n => n.Namespace == XNamespace.None && KnownDefinitionsAttributes.Contains(n.LocalName));
        var maps = new List<RouteMap>();
        var processes = new Dictionary<string, int>(StringComparer.Ordinal);
        var diagrams = new List<XElement>();
        foreach (var element in root.Elements())
        {
            if (IsBpmn(element, "process"))
            {
                var map = new BpmnProcessReader(context, element).Read();
                if (map is not null)
                {
                    if (!processes.TryAdd(map.Key, maps.Count))
                    {
                        context.Problem(element, map.Key, $"{Describe(element)}: two processes have the id '{map.Key}'.");
                        continue;
                    }

                    maps.Add(definitionsAttributes.Count == 0
                        ? map
                        : map with { Foreign = (map.Foreign ?? new ForeignBpmn()) with { DefinitionsAttributes = definitionsAttributes } });
                }
            }
            else if (element.Name == BpmnDiNs + "BPMNDiagram")
            {
                diagrams.Add(element);
            }
            else if (!IsBpmn(element, "documentation") && !IsBpmn(element, "extensionElements"))
            {
                context.Problem(element, Id(element), $"{Describe(element)} is not supported{Hints.For(element.Name.LocalName)}; a route-map file holds processes and their diagrams.");
            }
        }

        if (maps.Count == 0 && context.Problems.Count == 0)
        {
            context.Problem(root, null, "The file contains no <bpmn:process>.");
        }

        var diagramReader = new BpmnDiagramReader(context);
        foreach (var diagram in diagrams)
        {
            foreach (var plane in diagram.Elements(BpmnDiNs + "BPMNPlane"))
            {
                var target = Text(plane, "bpmnElement");
                if (target is not null && processes.TryGetValue(target, out var index) && maps[index].Diagram is null)
                {
                    maps[index] = maps[index] with { Diagram = diagramReader.Read(diagram, plane, maps[index]) };
                }
            }
        }

        return maps;
    }
}
