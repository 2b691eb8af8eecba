using System.Collections.Concurrent;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Errors;
using CrmBpm.Engine.Persistence;

namespace CrmBpm.Engine.Runtime;

/// <summary>Finds published route maps for execution; published versions are immutable, so they are cached compiled.</summary>
internal sealed class RouteMapCatalog(IWorkflowStore store)
{
    private readonly ConcurrentDictionary<(string Key, int Version), CompiledRouteMap> _compiled = new();

    public async Task<CompiledRouteMap> GetAsync(string key, int version, CancellationToken cancellationToken)
    {
        if (_compiled.TryGetValue((key, version), out var cached))
        {
            return cached;
        }

        var map = await store.FindRouteMapAsync(key, version, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("routemap.not-found", $"Route map '{key}' version {version} does not exist.");
        if (map.Status != RouteMapStatus.Published)
        {
            throw new ConflictException("routemap.not-published", $"Route map '{key}' version {version} is a draft; only published versions run.");
        }

        return _compiled.GetOrAdd((key, version), _ => new CompiledRouteMap(map));
    }

    public async Task<RouteMap?> FindLatestPublishedAsync(string key, CancellationToken cancellationToken)
    {
        var versions = await store.GetRouteMapVersionsAsync(key, cancellationToken).ConfigureAwait(false);
        return versions.Where(v => v.Status == RouteMapStatus.Published).MaxBy(v => v.Version);
    }
}
