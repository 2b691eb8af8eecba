using CrmBpm.Engine.Errors;
using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Persistence;
using CrmBpm.Engine.Tasks;
using CrmBpm.Engine.Validation;
using CrmBpm.Engine.Validation.Rules;

namespace CrmBpm.Engine.Definitions;

/// <summary>Default <see cref="IRouteMapService"/> over an <see cref="IWorkflowStore"/>.</summary>
internal sealed class RouteMapService(IWorkflowStore store, IExpressionEvaluator expressions, IEnumerable<IPerformerDirectory> directories, Jobs.ServiceTaskHandlerRegistry handlers) : IRouteMapService
{
    private static readonly RouteMapValidator Validator = new();
    private readonly SemaphoreSlim _publishing = new(1, 1);

    public async Task<RouteMap> SaveDraftAsync(RouteMap map, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(map);
        if (string.IsNullOrWhiteSpace(map.Key))
        {
            throw new InputException("routemap.key-missing", "key", "A route map needs a key.");
        }

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
            return published;
        }
        finally
        {
            _publishing.Release();
        }
    }

    public async Task<RouteMap> DeployAsync(RouteMap map, CancellationToken cancellationToken = default)
    {
        var draft = await SaveDraftAsync(map, cancellationToken).ConfigureAwait(false);
        return await PublishAsync(draft.Key, cancellationToken).ConfigureAwait(false);
    }

    public Task<RouteMap?> GetAsync(string key, int version, CancellationToken cancellationToken = default) =>
        store.FindRouteMapAsync(key, version, cancellationToken);

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
