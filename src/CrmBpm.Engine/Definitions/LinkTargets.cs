namespace CrmBpm.Engine.Definitions;

/// <summary>
/// Resolves link events: each <see cref="LinkThrowPoint"/> to the <see cref="LinkCatchPoint"/> of the same name in the same
/// scope (<see cref="Point.ScopeId"/>); a link never crosses a sub-process's border. Where a scope has two catches of one name
/// (refused by validation, <c>link.catch-duplicate</c>), the first in map order is taken; a throw with no catch has no entry.
/// </summary>
internal static class LinkTargets
{
    /// <summary>The catch each throw jumps to, by the throw's id.</summary>
    public static Dictionary<string, LinkCatchPoint> Of(IEnumerable<Point> points)
    {
        var list = points as IReadOnlyCollection<Point> ?? [.. points];
        var catches = new Dictionary<(string?, string), LinkCatchPoint>();
        foreach (var link in list.OfType<LinkCatchPoint>())
        {
            catches.TryAdd((link.ScopeId, link.LinkName), link);
        }

        var targets = new Dictionary<string, LinkCatchPoint>(StringComparer.Ordinal);
        if (catches.Count == 0)
        {
            return targets;
        }

        foreach (var link in list.OfType<LinkThrowPoint>())
        {
            if (catches.TryGetValue((link.ScopeId, link.LinkName), out var target))
            {
                targets.TryAdd(link.Id, target);
            }
        }

        return targets;
    }
}
