using CrmBpm.Engine.Validation;

namespace CrmBpm.Engine.Definitions;

/// <summary>Drafts, validation, publishing and lookup of route maps.</summary>
public interface IRouteMapService
{
    /// <summary>
    /// Saves a draft: replaces the current draft of the key, or opens a new version after the latest published one.
    /// Returns the stored draft with its version.
    /// </summary>
    Task<RouteMap> SaveDraftAsync(RouteMap map, CancellationToken cancellationToken = default);

    /// <summary>Every problem of a map (draft or not), at once.</summary>
    Task<IReadOnlyList<ValidationProblem>> ValidateAsync(RouteMap map, CancellationToken cancellationToken = default);

    /// <summary>Validates and freezes the current draft of <paramref name="key"/>.</summary>
    /// <exception cref="RouteMapValidationException">The draft has problems; nothing was published.</exception>
    Task<RouteMap> PublishAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves <paramref name="map"/> as the draft and publishes it: the one call embedders usually need. A map with errors is
    /// refused before anything is saved, so a failed deploy leaves no draft behind.
    /// </summary>
    /// <exception cref="RouteMapValidationException">The map has errors; nothing was saved.</exception>
    Task<RouteMap> DeployAsync(RouteMap map, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deploys several maps as one unit (the processes of one file, a caller with the maps it calls), in any order: each is
    /// validated as if the others were already published, and either all are published (called maps first) or, when any has
    /// errors, none is saved.
    /// </summary>
    /// <exception cref="RouteMapValidationException">The first map with errors (the message names every map that has some); nothing was saved.</exception>
    Task<IReadOnlyList<RouteMap>> DeployAsync(IReadOnlyList<RouteMap> maps, CancellationToken cancellationToken = default);

    /// <summary>A specific version, or null.</summary>
    Task<RouteMap?> GetAsync(string key, int version, CancellationToken cancellationToken = default);

    /// <summary>The latest published version, or null.</summary>
    Task<RouteMap?> GetLatestPublishedAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>All versions of a key, newest first.</summary>
    Task<IReadOnlyList<RouteMap>> GetVersionsAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>The newest version of every map.</summary>
    Task<IReadOnlyList<RouteMap>> ListAsync(CancellationToken cancellationToken = default);
}
