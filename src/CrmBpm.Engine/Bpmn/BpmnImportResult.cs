using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Bpmn;

/// <summary>The route maps of one BPMN file, with the line each process, point and flow came from.</summary>
public sealed class BpmnImportResult
{
    private readonly IReadOnlyDictionary<(string MapKey, string ElementId), SourceLocation> _locations;

    internal BpmnImportResult(IReadOnlyList<RouteMap> maps, IReadOnlyDictionary<(string MapKey, string ElementId), SourceLocation> locations)
    {
        Maps = maps;
        _locations = locations;
    }

    /// <summary>One map per process, in document order; the process id is the map key.</summary>
    public IReadOnlyList<RouteMap> Maps { get; }

    /// <summary>
    /// Where <paramref name="elementId"/> (a point or flow of map <paramref name="mapKey"/>) was written;
    /// the process itself when <paramref name="elementId"/> is null or unknown; null when the map is unknown.
    /// </summary>
    public SourceLocation? Locate(string mapKey, string? elementId = null)
    {
        if (elementId is not null && _locations.TryGetValue((mapKey, elementId), out var element))
        {
            return element;
        }

        return _locations.TryGetValue((mapKey, mapKey), out var process) ? process : null;
    }
}
