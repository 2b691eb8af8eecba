using CrmBpm.Engine.Errors;
using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Persistence;
using CrmBpm.Engine.Tasks;
using CrmBpm.Engine.Validation;
using CrmBpm.Engine.Validation.Rules;

namespace CrmBpm.Engine.Definitions;

/// <summary>Default <see cref="IRouteMapService"/> over an <see cref="IWorkflowStore"/>.</summary>
internal sealed class RouteMapService(IWorkflowStore store, IExpressionEvaluator expressions, IEnumerable<IPerformerDirectory> directories, Jobs.ServiceTaskHandlerRegistry handlers, Timers.StartTimers startTimers) : IRouteMapService
{
    private static readonly RouteMapValidator Validator = new();
    private readonly SemaphoreSlim _publishing = new(1, 1);

    public async Task<RouteMap> SaveDraftAsync(RouteMap map, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(map);
        EnsureKey(map.Key);
        var versions = await store.GetRouteMapVersionsAsync(map.Key, cancellationToken).ConfigureAwait(false);
        var latest = versions.FirstOrDefault();
        var version = latest is { Status: RouteMapStatus.Draft } ? latest.Version : (latest?.Version ?? 0) + 1;
        var draft = map with { Version = version, Status = RouteMapStatus.Draft };
        await store.SaveRouteMapAsync(draft, cancellationToken).ConfigureAwait(false);
        return draft;
    }

    public async Task<IReadOnlyList<ValidationProblem>> ValidateAsync(RouteMap map, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(map);
        var published = await PublishedMapsAsync(cancellationToken).ConfigureAwait(false);
        var context = new ValidationContext(expressions, key => published.GetValueOrDefault(key))
        {
            PoolsWithoutMembers = await PoolsWithoutMembersAsync(map, cancellationToken).ConfigureAwait(false),
            RegisteredHandlers = handlers.Names,
            HandlerDescriptions = handlers.Handlers.ToDictionary(h => h.Name, h => h.Description, StringComparer.Ordinal),
        };
        return Validator.Validate(map, context);
    }

    public async Task<RouteMap> PublishAsync(string key, CancellationToken cancellationToken = default)
    {
        await _publishing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var versions = await store.GetRouteMapVersionsAsync(key, cancellationToken).ConfigureAwait(false);
            var draft = versions.FirstOrDefault(v => v.Status == RouteMapStatus.Draft)
                ?? throw new NotFoundException("routemap.no-draft", $"Route map '{key}' has no draft to publish.");
            var errors = (await ValidateAsync(draft, cancellationToken).ConfigureAwait(false)).Errors();
            if (errors.Count > 0)
            {
                throw new RouteMapValidationException(key, errors);
            }

            var published = draft with { Status = RouteMapStatus.Published };
            await store.SaveRouteMapAsync(published, cancellationToken).ConfigureAwait(false);
            // A timer start event starts on the new version's schedule from now on, and no longer on the old one's.
            await startTimers.ScheduleAsync(published, versions, cancellationToken).ConfigureAwait(false);
            return published;
        }
        finally
        {
            _publishing.Release();
        }
    }

    public async Task<RouteMap> DeployAsync(RouteMap map, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(map);
        return (await DeployAsync([map], cancellationToken).ConfigureAwait(false))[0];
    }

    public async Task<IReadOnlyList<RouteMap>> DeployAsync(IReadOnlyList<RouteMap> maps, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(maps);
        var byKey = new Dictionary<string, RouteMap>(StringComparer.Ordinal);
        foreach (var map in maps)
        {
            EnsureKey(map.Key);
            if (!byKey.TryAdd(map.Key, map))
            {
                throw new InputException("routemap.key-twice", "key", $"Route map '{map.Key}' is given twice; each map of a unit needs its own key.");
            }
        }

        // Validate every map first, with the others of the unit standing in as published: a failure saves nothing.
        var published = await PublishedMapsAsync(cancellationToken).ConfigureAwait(false);
        var failures = new List<(string Key, IReadOnlyList<ValidationProblem> Errors)>();
        foreach (var map in maps)
        {
            var context = new ValidationContext(expressions, key => byKey.GetValueOrDefault(key) is { } sibling ? sibling with { Status = RouteMapStatus.Published } : published.GetValueOrDefault(key))
            {
                PoolsWithoutMembers = await PoolsWithoutMembersAsync(map, cancellationToken).ConfigureAwait(false),
                RegisteredHandlers = handlers.Names,
                HandlerDescriptions = handlers.Handlers.ToDictionary(h => h.Name, h => h.Description, StringComparer.Ordinal),
            };
            var errors = Validator.Validate(map, context).Errors();
            if (errors.Count > 0)
            {
                failures.Add((map.Key, errors));
            }
        }

        if (failures.Count > 0)
        {
            var others = failures.Count == 1 ? "" : $" (also with errors: {string.Join(", ", failures.Skip(1).Select(f => $"'{f.Key}'"))}; nothing was deployed)";
            throw new RouteMapValidationException(failures[0].Key + others, failures[0].Errors);
        }

        var result = new List<RouteMap>();
        foreach (var map in CalledFirst(maps, byKey))
        {
            var draft = await SaveDraftAsync(map, cancellationToken).ConfigureAwait(false);
            result.Add(await PublishAsync(draft.Key, cancellationToken).ConfigureAwait(false));
        }

        // In the order given, as the caller listed them.
        return [.. maps.Select(m => result.First(r => r.Key == m.Key))];
    }

    /// <summary>The maps with every map a Nested process calls before its caller (a called map outside the unit does not count).</summary>
    private static List<RouteMap> CalledFirst(IReadOnlyList<RouteMap> maps, Dictionary<string, RouteMap> byKey)
    {
        var ordered = new List<RouteMap>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        var visiting = new HashSet<string>(StringComparer.Ordinal);
        void Place(RouteMap map)
        {
            if (placed.Contains(map.Key) || !visiting.Add(map.Key))
            {
                return; // placed already, or a cycle (validation refuses those): keep the given order
            }

            foreach (var called in map.Points.OfType<NestedProcessPoint>().Select(n => byKey.GetValueOrDefault(n.CalledMapKey)).OfType<RouteMap>())
            {
                Place(called);
            }

            placed.Add(map.Key);
            ordered.Add(map);
        }

        foreach (var map in maps)
        {
            Place(map);
        }

        return ordered;
    }

    /// <summary>A stored map, or the derived map a sub-process's instances run (<see cref="RouteMap.ScopeKey"/>), so an instance's map always reads.</summary>
    public async Task<RouteMap?> GetAsync(string key, int version, CancellationToken cancellationToken = default)
    {
        var (storedKey, scopeId) = RouteMap.SplitScopeKey(key);
        var map = await store.FindRouteMapAsync(storedKey, version, cancellationToken).ConfigureAwait(false);
        return scopeId is null || map?.FindPoint(scopeId) is not SubProcessPoint ? (scopeId is null ? map : null) : map.Scope(scopeId) with { Key = key };
    }

    /// <summary>A key must be given, and may not contain <see cref="RouteMap.ScopeSeparator"/>: that joins a map's key to its sub-processes'.</summary>
    private static void EnsureKey(string key)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new InputException("routemap.key-missing", "key", "A route map needs a key.");
        }

        if (key.Contains(RouteMap.ScopeSeparator, StringComparison.Ordinal))
        {
            throw new InputException("routemap.key-separator", "key",
                $"The key '{key}' contains '{RouteMap.ScopeSeparator}', which joins a map's key to its sub-processes' ids (the instances of sub-process 'check' of 'order' run 'order{RouteMap.ScopeSeparator}check'); choose a key without it.");
        }
    }

    public async Task<RouteMap?> GetLatestPublishedAsync(string key, CancellationToken cancellationToken = default)
    {
        var versions = await store.GetRouteMapVersionsAsync(key, cancellationToken).ConfigureAwait(false);
        return versions.FirstOrDefault(v => v.Status == RouteMapStatus.Published);
    }

    public Task<IReadOnlyList<RouteMap>> GetVersionsAsync(string key, CancellationToken cancellationToken = default) =>
        store.GetRouteMapVersionsAsync(key, cancellationToken);

    public Task<IReadOnlyList<RouteMap>> ListAsync(CancellationToken cancellationToken = default) =>
        store.ListLatestRouteMapsAsync(cancellationToken);

    private async Task<IReadOnlySet<RoleMembership>> PoolsWithoutMembersAsync(RouteMap map, CancellationToken cancellationToken)
    {
        var pools = map.Points.OfType<ActionPoint>()
            .Select(a => a.Performer is null ? null : PerformerRule.PoolOf(a.Performer))
            .OfType<RoleMembership>()
            .ToHashSet();
        var empty = new HashSet<RoleMembership>();
        if (pools.Count == 0)
        {
            return empty;
        }

        foreach (var directory in directories)
        {
            empty.UnionWith(await directory.PoolsWithoutMembersAsync(pools, cancellationToken).ConfigureAwait(false));
        }

        return empty;
    }

    private async Task<Dictionary<string, RouteMap>> PublishedMapsAsync(CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, RouteMap>(StringComparer.Ordinal);
        foreach (var latest in await store.ListLatestRouteMapsAsync(cancellationToken).ConfigureAwait(false))
        {
            var published = latest.Status == RouteMapStatus.Published ? latest : await GetLatestPublishedAsync(latest.Key, cancellationToken).ConfigureAwait(false);
            if (published is not null)
            {
                result[published.Key] = published;
            }
        }

        return result;
    }
}
