using CrmBpm.Engine.Definitions;

namespace CrmBpm.Server.Deals;

/// <summary>
/// The route maps a deal may follow: the newest published version of every map whose Actions name sales stages (a map
/// without stages, such as the built-in instruction map, cannot move a deal), by name.
/// </summary>
public static class PublishedRouteMaps
{
    /// <summary>Lists them.</summary>
    public static async Task<IReadOnlyList<RouteMap>> ListAsync(IRouteMapService maps, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(maps);
        var published = new List<RouteMap>();
        foreach (var map in await maps.ListAsync(cancellationToken))
        {
            if ((map.Status == RouteMapStatus.Published ? map : await maps.GetLatestPublishedAsync(map.Key, cancellationToken)) is { } latest && DealStages.StagesInOrder(latest).Count > 0)
            {
                published.Add(latest);
            }
        }

        return [.. published.OrderBy(m => m.Name.Length > 0 ? m.Name : m.Key, StringComparer.CurrentCultureIgnoreCase)];
    }
}
