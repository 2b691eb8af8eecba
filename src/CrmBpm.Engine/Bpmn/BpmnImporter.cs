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

        return new BpmnImportResult(maps, context.Locations, [.. context.Notes.OrderBy(n => n.Line)]);
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
        var processElements = new List<XElement>();
        var diagrams = new List<XElement>();
        var kept = new List<string>();
        var collaborations = new Dictionary<string, XElement>(StringComparer.Ordinal);
        foreach (var element in root.Elements())
        {
            if (IsBpmn(element, "process"))
            {
                context.CurrentMapKey = Id(element);
                var map = new BpmnProcessReader(context, element).Read();
                context.CurrentMapKey = null;
                if (map is not null)
                {
                    if (!processes.TryAdd(map.Key, maps.Count))
                    {
                        context.Problem(element, map.Key, $"{Describe(element)}: two processes have the id '{map.Key}'.");
                        continue;
                    }

                    maps.Add(map);
                    processElements.Add(element);
                }
            }
            else if (element.Name == BpmnDiNs + "BPMNDiagram")
            {
                diagrams.Add(element);
            }
            else
            {
                // Pools, messages, errors, signals, item definitions, imports…: nothing a route map runs, all written back.
                kept.Add(context.Canonical(element));
                if (IsBpmn(element, "collaboration") && Id(element) is { } collaborationId)
                {
                    collaborations.TryAdd(collaborationId, element);
                }
            }
        }

        if (maps.Count == 0 && context.Problems.Count == 0)
        {
            context.Problem(root, null, "The file contains no <bpmn:process>.");
        }

        // Every map carries the file's own content, so that a map exported alone keeps its pool and the messages it names;
        // exporting several maps writes each piece once.
        if (definitionsAttributes.Count > 0 || kept.Count > 0)
        {
            for (var i = 0; i < maps.Count; i++)
            {
                maps[i] = maps[i] with { Foreign = (maps[i].Foreign ?? new ForeignBpmn()) with { DefinitionsAttributes = definitionsAttributes, DefinitionsElements = kept } };
            }
        }

        ReadDiagrams(context, diagrams, maps, processes, processElements, collaborations);
        return maps;
    }

    /// <summary>
    /// A plane draws one process, or a collaboration: then its shapes are shared out among the maps of the pools, each
    /// map taking the shapes of its own elements and of its pool; what belongs to no process (message flows, the pools
    /// of processes that are not maps) goes to the first map drawn there. Every drawing is completed for points and
    /// flows it misses, so that export and import agree.
    /// </summary>
    private static void ReadDiagrams(
        BpmnReadContext context, List<XElement> diagrams, List<RouteMap> maps, Dictionary<string, int> processes, List<XElement> processElements,
        Dictionary<string, XElement> collaborations)
    {
        var diagramReader = new BpmnDiagramReader(context);
        Dictionary<string, int>? owner = null;
        foreach (var diagram in diagrams)
        {
            foreach (var plane in diagram.Elements(BpmnDiNs + "BPMNPlane"))
            {
                var target = Text(plane, "bpmnElement");
                if (target is not null && processes.TryGetValue(target, out var index) && maps[index].Diagram is null)
                {
                    maps[index] = Complete(maps[index] with { Diagram = diagramReader.Read(diagram, plane, maps[index], _ => true) });
                }
                else if (target is not null && collaborations.TryGetValue(target, out var collaboration))
                {
                    owner ??= OwnersOf(processElements, processes);
                    foreach (var participant in BpmnChildren(collaboration, "participant"))
                    {
                        if (Id(participant) is { } participantId && Text(participant, "processRef") is { } processRef && processes.TryGetValue(processRef, out var pool))
                        {
                            owner[participantId] = pool;
                        }
                    }

                    int? OwnerOf(XElement shape) => Text(shape, "bpmnElement") is { } drawn && owner.TryGetValue(drawn, out var o) ? o : null;
                    var drawnHere = plane.Elements().Select(OwnerOf).OfType<int>().Where(i => maps[i].Diagram is null).Distinct().Order().ToList();
                    var first = drawnHere.Count > 0 ? drawnHere[0] : (maps.Count > 0 && maps[0].Diagram is null ? 0 : -1);
                    var sharing = drawnHere.Append(first).Where(i => i >= 0).Distinct().ToList();
                    if (sharing.Count == 0)
                    {
                        continue;
                    }

                    // Export writes the shared diagram and plane with the ids of the first map drawn there (its default
                    // ids when the file gives none): every map says so, so that a round trip reads the same ids back.
                    var lead = maps[sharing.Min()].Key;
                    var diagramId = Id(diagram) ?? lead + "_diagram";
                    var planeId = Id(plane) ?? lead + "_plane";
                    foreach (var i in sharing)
                    {
                        var read = diagramReader.Read(diagram, plane, maps[i], shape => (OwnerOf(shape) ?? first) == i);
                        maps[i] = Complete(maps[i] with
                        {
                            Diagram = read with
                            {
                                Id = diagramId == maps[i].Key + "_diagram" ? null : diagramId,
                                PlaneId = planeId == maps[i].Key + "_plane" ? null : planeId,
                                PlaneElement = target,
                            },
                        });
                    }
                }
                else if (target is not null && (owner ??= OwnersOf(processElements, processes)).TryGetValue(target, out var holder)
                    && diagram.Elements(BpmnDiNs + "BPMNPlane").Count() == 1)
                {
                    // The drawing of a collapsed sub-process's inside: kept whole with the map that holds the sub-process.
                    var foreign = maps[holder].Foreign ?? new ForeignBpmn();
                    maps[holder] = maps[holder] with { Foreign = foreign with { Diagrams = [.. foreign.Diagrams, context.Canonical(diagram)] } };
                }
            }
        }
    }

    /// <summary>Which map every element id inside a process belongs to.</summary>
    private static Dictionary<string, int> OwnersOf(List<XElement> processElements, Dictionary<string, int> processes)
    {
        var owner = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var process in processElements)
        {
            var index = processes[Id(process)!];
            foreach (var id in process.Descendants().Select(Id).OfType<string>())
            {
                owner.TryAdd(id, index);
            }
        }

        return owner;
    }

    // Completed at once (edges naming elements that are not there, points not drawn), so that export and import agree.
    private static RouteMap Complete(RouteMap map) => map with { Diagram = AutoLayout.Complete(map) };
}
