using CrmBpm.Crm.Catalogues;
using CrmBpm.Designer.Model;
using CrmBpm.Engine.Definitions;
using CrmBpm.Server.Identity;

namespace CrmBpm.Server.RouteMaps;

/// <summary>What the designer's pickers offer: users, roles, deal stages and the published maps a Nested process may run.</summary>
public sealed record DesignerChoices(
    IReadOnlyList<DesignerUser> Users, IReadOnlyList<string> Roles, IReadOnlyList<string> Stages, IReadOnlyList<PublishedMapInfo> PublishedMaps)
{
    /// <summary>
    /// The pool roles the standard maps (samples/RouteMaps) address, offered even before any user holds them:
    /// a consultant designs for the organisation, not for today's staff list.
    /// </summary>
    public static IReadOnlyList<string> StandardPoolRoles { get; } =
        ["Sales manager", "Accountant", "Claims officer", "Compliance officer", "Head of customer service", "Warehouse manager"];

    /// <summary>Reads the choices: Identity users, application + pool + catalogue roles, the sales-stage catalogue, published maps.</summary>
    public static async Task<DesignerChoices> LoadAsync(
        UserDirectory directory, CatalogueService catalogues, IRouteMapService maps, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(catalogues);
        ArgumentNullException.ThrowIfNull(maps);
        var users = await directory.ListAsync(cancellationToken);
        var roleCatalogue = await catalogues.ListAsync(CatalogueKind.Role, cancellationToken: cancellationToken);
        var stages = await catalogues.ListAsync(CatalogueKind.SalesStage, cancellationToken: cancellationToken);
        var published = new List<PublishedMapInfo>();
        foreach (var map in (await maps.ListAsync(cancellationToken)).OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            var latest = map.Status == RouteMapStatus.Published ? map : await maps.GetLatestPublishedAsync(map.Key, cancellationToken);
            if (latest is not null)
            {
                published.Add(new PublishedMapInfo(latest.Key, latest.Name));
            }
        }

        var roles = StandardPoolRoles
            .Concat(users.SelectMany(u => u.Memberships).Select(m => m.Role))
            .Concat(roleCatalogue.Select(r => r.Name))
            .Concat(AppRoles.All)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return new DesignerChoices(
            [.. users.OrderBy(u => u.DisplayName, StringComparer.CurrentCulture).Select(u => new DesignerUser(u.Id, u.DisplayName))],
            roles,
            [.. stages.OrderBy(s => s.Order).Select(s => s.Name)],
            published);
    }
}
