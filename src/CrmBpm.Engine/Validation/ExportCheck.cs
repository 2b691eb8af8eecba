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
            new BpmnImporter().ImportXml(xml);
            return [];
        }
        catch (BpmnImportException ex)
        {
            return [.. ex.Problems.Take(5).Select(p => new ValidationProblem("map.not-exportable", p.ElementId,
                $"The map's BPMN export would not read back: {p.Message}"))];
        }
    }
}
