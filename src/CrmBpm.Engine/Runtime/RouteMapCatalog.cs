using System.Collections.Concurrent;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Errors;
using CrmBpm.Engine.Persistence;

namespace CrmBpm.Engine.Runtime;

/// <summary>Finds published route maps for execution; published versions are immutable, so they are cached compiled.</summary>
internal sealed class RouteMapCatalog(IWorkflowStore store)
{
    private readonly ConcurrentDictionary<(string Key, int Version), CompiledRouteMap> _compiled = new();

    /// <summary>
    /// The compiled map instances of <paramref name="key"/> run: a stored map's process level, or, for a derived key
    /// (<see cref="RouteMap.ScopeKey"/>), the inside of one of its sub-processes, of the same version.
    /// </summary>
    public async Task<CompiledRouteMap> GetAsync(string key, int version, CancellationToken cancellationToken)
    {
        if (_compiled.TryGetValue((key, version), out var cached))
        {
            return cached;
        }

        var (storedKey, scopeId) = RouteMap.SplitScopeKey(key);
        var map = await store.FindRouteMapAsync(storedKey, version, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("routemap.not-found", $"Route map '{key}' version {version} does not exist.");
        if (map.Status != RouteMapStatus.Published)
        {
            throw new ConflictException("routemap.not-published", $"Route map '{key}' version {version} is a draft; only published versions run.");
        }

        if (scopeId is not null && map.FindPoint(scopeId) is not SubProcessPoint)
        {
            throw new NotFoundException("routemap.not-found", $"Route map '{storedKey}' version {version} has no sub-process '{scopeId}'.");
        }

        var scope = scopeId is null ? map.Scope(null) : map.Scope(scopeId) with { Key = key };
        return _compiled.GetOrAdd((key, version), _ => new CompiledRouteMap(scope, map));
    }

    /// <summary>The latest published version of every map whose Start is a signal start of <paramref name="signalName"/>, by key.</summary>
    public async Task<IReadOnlyList<CompiledRouteMap>> FindSignalStartsAsync(string signalName, CancellationToken cancellationToken)
    {
        var found = new List<CompiledRouteMap>();
        foreach (var latest in (await store.ListLatestRouteMapsAsync(cancellationToken).ConfigureAwait(false)).OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            // The latest version is mostly the published one: only a draft on top needs the versions read.
            var published = latest.Status == RouteMapStatus.Published ? latest : await FindLatestPublishedAsync(latest.Key, cancellationToken).ConfigureAwait(false);
            if (published is { Start.SignalName: { } name } && name == signalName)
            {
                found.Add(await GetAsync(published.Key, published.Version, cancellationToken).ConfigureAwait(false));
            }
        }

        return found;
    }

    public async Task<RouteMap?> FindLatestPublishedAsync(string key, CancellationToken cancellationToken)
    {
        var versions = await store.GetRouteMapVersionsAsync(key, cancellationToken).ConfigureAwait(false);
        return versions.Where(v => v.Status == RouteMapStatus.Published).MaxBy(v => v.Version);
    }
}
