using CrmBpm.Crm.Catalogues;
using CrmBpm.Crm.Deals;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Errors;
using CrmBpm.Engine.Runtime;

namespace CrmBpm.Server.Deals;

/// <summary>
/// The stages a deal's stage bar shows. A manual-stage deal: the sales-stage catalogue in its order. A
/// process-controlled deal: the stages of its route map's Actions in the order the map reaches them (resolved through
/// the catalogue as the CRM resolves them). A non-process deal: none. A stage the deal is at or has been at is always
/// shown, even when the catalogue archived it or the map does not name it.
/// </summary>
public static class DealStages
{
    /// <summary>Reads the stages of <paramref name="deal"/>.</summary>
    public static async Task<IReadOnlyList<StageOption>> ForAsync(
        Deal deal, CatalogueService catalogues, IRouteMapService maps, IProcessEngine engine, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(catalogues);
        if (deal.Kind == DealKind.NonProcess)
        {
            return [];
        }

        var catalogue = await catalogues.ListAsync(CatalogueKind.SalesStage, includeArchived: true, cancellationToken);
        var stages = new List<StageOption>();
        if (deal.Kind == DealKind.ProcessControlled)
        {
            var map = await MapOfAsync(deal, maps, engine, cancellationToken);
            stages.AddRange((map is null ? [] : StagesInOrder(map)).Select(stage => Resolve(catalogue, stage)));
        }
        else
        {
            stages.AddRange(catalogue.Where(s => !s.IsArchived).OrderBy(s => s.Order).Select(s => new StageOption(s.Code, s.Name)));
        }

        foreach (var change in deal.StageChanges)
        {
            stages.Add(new StageOption(change.ToStage, change.ToStageName));
        }

        if (deal.Stage is { } current)
        {
            stages.Add(new StageOption(current, deal.StageName ?? current));
        }

        return [.. stages.DistinctBy(s => s.Code, StringComparer.Ordinal)];
    }

    /// <summary>The Action stages of <paramref name="map"/>, breadth first from the start along the flows, then any unreachable ones.</summary>
    public static IReadOnlyList<string> StagesInOrder(RouteMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var ordered = new List<Point>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<Point>(map.Points.OfType<StartPoint>());
        while (queue.TryDequeue(out var point))
        {
            if (!seen.Add(point.Id))
            {
                continue;
            }

            ordered.Add(point);
            foreach (var flow in map.Outgoing(point.Id))
            {
                if (map.FindPoint(flow.TargetId) is { } next)
                {
                    queue.Enqueue(next);
                }
            }
        }

        ordered.AddRange(map.Points.Where(p => !seen.Contains(p.Id)));
        return [.. ordered.OfType<ActionPoint>().Select(a => a.Stage).OfType<string>().Where(s => s.Trim().Length > 0)];
    }

    private static StageOption Resolve(IReadOnlyList<CatalogueItem> catalogue, string stage) =>
        catalogue.FirstOrDefault(s => s.Matches(stage)) is { } item
            ? new StageOption(item.Code, item.Name)
            : new StageOption(CatalogueItem.NormalizeCode(stage), stage.Trim());

    private static async Task<RouteMap?> MapOfAsync(Deal deal, IRouteMapService maps, IProcessEngine engine, CancellationToken cancellationToken)
    {
        if (deal.ProcessInstanceId is { } instanceId)
        {
            try
            {
                var instance = await engine.GetInstanceAsync(instanceId, cancellationToken);
                return await maps.GetAsync(instance.MapKey, instance.MapVersion, cancellationToken);
            }
            catch (NotFoundException)
            {
                // The instance is gone (purged): the map's newest published version is the best guess.
            }
        }

        return deal.RouteMapKey is { } key ? await maps.GetLatestPublishedAsync(key, cancellationToken) : null;
    }
}
