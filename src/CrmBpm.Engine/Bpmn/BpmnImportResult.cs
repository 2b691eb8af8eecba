using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Bpmn;

/// <summary>The route maps of one BPMN file, with the line each process, point and flow came from.</summary>
public sealed class BpmnImportResult
{
    private readonly IReadOnlyDictionary<(string MapKey, string ElementId), SourceLocation> _locations;

    internal BpmnImportResult(
        IReadOnlyList<RouteMap> maps, IReadOnlyDictionary<(string MapKey, string ElementId), SourceLocation> locations, IReadOnlyList<BpmnNote> notes)
    {
        Maps = maps;
        _locations = locations;
        Notes = notes;
        LossReport = BpmnNoteGroup.Of(notes);
    }

    /// <summary>One map per process, in document order; the process id is the map key.</summary>
    public IReadOnlyList<RouteMap> Maps { get; }

    /// <summary>
    /// The loss report, one note per element or attribute: what is kept but will not run (warnings) and what the import
    /// decided for the reader (information), in document order. Never a reason to refuse the file.
    /// </summary>
    public IReadOnlyList<BpmnNote> Notes { get; }

    /// <summary>The notes grouped by kind and counted, warnings first ("3 task listeners (camunda:taskListener) will not run: lines 40, 52, 77").</summary>
    public IReadOnlyList<BpmnNoteGroup> LossReport { get; }

    /// <summary>The loss report of one map: its own notes and those of the file (pools, messages), grouped and counted.</summary>
    public IReadOnlyList<BpmnNoteGroup> LossReportOf(string mapKey) =>
        BpmnNoteGroup.Of(Notes.Where(n => n.MapKey is null || string.Equals(n.MapKey, mapKey, StringComparison.Ordinal)));

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
