using CrmBpm.Crm.Catalogues;
using CrmBpm.Designer.Model;
using CrmBpm.Engine.Definitions;
using CrmBpm.Server.Identity;
using CrmBpm.Server.Organisation;

namespace CrmBpm.Server.RouteMaps;

/// <summary>
/// What the designer's pickers offer: users, the organisation's performer roles and addressing objects, deal stages and the
/// published maps a Nested process may run.
/// </summary>
public sealed record DesignerChoices(
    IReadOnlyList<DesignerUser> Users, IReadOnlyList<string> Roles, IReadOnlyList<DesignerAddressingObject> AddressingObjects,
    IReadOnlyList<string> Stages, IReadOnlyList<PublishedMapInfo> PublishedMaps)
{
    /// <summary>
    /// Reads the choices: Identity users; performer roles and addressing objects from the organisation (Administration →
    /// Performer roles, Structure: the one source of them, so a map addresses only pools an Administrator can fill); the
    /// sales-stage catalogue; published maps. A role or object a map already names but the organisation lacks is still shown
    /// by the picker as the map's current value.
    /// </summary>
    public static async Task<DesignerChoices> LoadAsync(
        UserDirectory directory, OrganisationDirectory organisation, CatalogueService catalogues, IRouteMapService maps, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(catalogues);
        ArgumentNullException.ThrowIfNull(maps);
        var users = await directory.ListAsync(cancellationToken);
        var structure = await organisation.CatalogueAsync(cancellationToken);
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

        // Active departments in tree order, then regions and business directions by name.
        var objects = DepartmentTree.Order(structure.ActiveObjects).Select(d => d.Department)
            .Concat(structure.ActiveObjects.Where(o => o.Kind != AddressingObjectKind.Department))
            .Select(o => new DesignerAddressingObject(o.Name, KindName(o.Kind)));
        return new DesignerChoices(
            [.. users.OrderBy(u => u.DisplayName, StringComparer.CurrentCulture).Select(u => new DesignerUser(u.Id, u.DisplayName))],
            [.. structure.Roles.Select(r => r.Name).Append(HeadOfDepartment.Role).Distinct(StringComparer.OrdinalIgnoreCase)],
            [.. objects],
            [.. stages.OrderBy(s => s.Order).Select(s => s.Name)],
            published);
    }

    private static string KindName(AddressingObjectKind kind) => kind switch
    {
        AddressingObjectKind.Department => "department",
        AddressingObjectKind.Region => "region",
        AddressingObjectKind.BusinessDirection => "business direction",
        _ => kind.ToString(),
    };
}
