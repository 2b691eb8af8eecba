using CrmBpm.Engine.Bpmn;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Validation;

namespace CrmBpm.Server.RouteMaps;

/// <summary>
/// What the route-map pages do with BPMN the designer (or a file) hands them: import it with the engine's
/// <see cref="BpmnImporter"/>, save drafts, publish. Kept out of the components so each path is testable without a browser;
/// refusals are returned as data (<see cref="RouteMapEditResult"/>), because the page shows them rather than failing.
/// </summary>
public sealed class RouteMapEditing(IRouteMapService maps)
{
    /// <summary>Saves the one map of <paramref name="xml"/> as the draft of its key; <paramref name="key"/>, when given, must be that key.</summary>
    public async Task<RouteMapEditResult> SaveDraftAsync(string xml, string? key = null, CancellationToken cancellationToken = default)
    {
        var (map, refused) = ImportOne(xml, key);
        if (map is null)
        {
            return refused!;
        }

        var draft = await maps.SaveDraftAsync(map, cancellationToken);
        return RouteMapEditResult.Saved(draft, await maps.ValidateAsync(draft, cancellationToken));
    }

    /// <summary>
    /// Saves <paramref name="xml"/> as the draft and publishes it. When the draft has problems nothing is published:
    /// the draft stays saved and the result carries the problem list.
    /// </summary>
    public async Task<RouteMapEditResult> PublishAsync(string xml, string? key = null, CancellationToken cancellationToken = default)
    {
        var saved = await SaveDraftAsync(xml, key, cancellationToken);
        if (saved.Map is null)
        {
            return saved;
        }

        try
        {
            // Warnings do not stop publishing; they stay with the result so the consultant still sees them.
            return RouteMapEditResult.Saved(await maps.PublishAsync(saved.Map.Key, cancellationToken), saved.Problems.Warnings());
        }
        catch (RouteMapValidationException refused)
        {
            return RouteMapEditResult.Refused(saved.Map, refused.Problems);
        }
    }

    /// <summary>Imports a .bpmn file: every process becomes the draft of its key. Nothing is saved when the file does not import.</summary>
    public async Task<IReadOnlyList<RouteMapEditResult>> ImportAsync(string xml, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<RouteMap> imported;
        try
        {
            imported = new BpmnImporter().ImportXml(xml);
        }
        catch (BpmnImportException exception)
        {
            return [RouteMapEditResult.NotImported(exception.Problems)];
        }

        if (imported.Count == 0)
        {
            return [RouteMapEditResult.NotImported([new BpmnProblem(0, 0, null, "The file contains no process.")])];
        }

        var results = new List<RouteMapEditResult>(imported.Count);
        foreach (var map in imported)
        {
            var draft = await maps.SaveDraftAsync(map, cancellationToken);
            results.Add(RouteMapEditResult.Saved(draft, await maps.ValidateAsync(draft, cancellationToken)));
        }

        return results;
    }

    private static (RouteMap? Map, RouteMapEditResult? Refused) ImportOne(string xml, string? key)
    {
        IReadOnlyList<RouteMap> imported;
        try
        {
            imported = new BpmnImporter().ImportXml(xml);
        }
        catch (BpmnImportException exception)
        {
            return (null, RouteMapEditResult.NotImported(exception.Problems));
        }

        if (imported.Count != 1)
        {
            return (null, RouteMapEditResult.NotImported([new BpmnProblem(0, 0, null, $"The designer must hold exactly one process; it holds {imported.Count}.")]));
        }

        var map = imported[0];
        return key is not null && !string.Equals(map.Key, key, StringComparison.Ordinal)
            ? (null, RouteMapEditResult.NotImported([new BpmnProblem(0, 0, map.Key, $"The process id is '{map.Key}'; this page edits '{key}'. Keep the id, or import the file as a new map.")]))
            : (map, null);
    }
}
