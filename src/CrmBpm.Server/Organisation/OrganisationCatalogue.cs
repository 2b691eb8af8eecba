using CrmBpm.Server.Identity;
using Microsoft.EntityFrameworkCore;

namespace CrmBpm.Server.Organisation;

/// <summary>
/// The performer roles and addressing objects as read once, for checking many names against them (a user's memberships, a
/// whole import). Names match case-insensitively and resolve to the catalogue's own spelling, which is what claims store.
/// </summary>
public sealed class OrganisationCatalogue
{
    private readonly Dictionary<string, PerformerRole> _roles;
    private readonly Dictionary<string, AddressingObject> _objects;

    private OrganisationCatalogue(IEnumerable<PerformerRole> roles, IEnumerable<AddressingObject> objects)
    {
        _roles = roles.ToDictionary(r => r.Name, StringComparer.OrdinalIgnoreCase);
        _objects = objects.ToDictionary(o => o.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Reads both catalogues.</summary>
    public static async Task<OrganisationCatalogue> LoadAsync(CrmBpmIdentityDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return new OrganisationCatalogue(
            await db.PerformerRoles.AsNoTracking().ToListAsync(cancellationToken),
            await db.AddressingObjects.AsNoTracking().ToListAsync(cancellationToken));
    }

    /// <summary>Every performer role, by name.</summary>
    public IReadOnlyList<PerformerRole> Roles => [.. _roles.Values.OrderBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase)];

    /// <summary>Every addressing object, by kind and name.</summary>
    public IReadOnlyList<AddressingObject> Objects => [.. _objects.Values.OrderBy(o => o.Kind).ThenBy(o => o.Name, StringComparer.CurrentCultureIgnoreCase)];

    /// <summary>The addressing objects still offered for new memberships, claims and maps (not deactivated), by kind and name.</summary>
    public IReadOnlyList<AddressingObject> ActiveObjects => [.. Objects.Where(o => o.IsActive)];

    /// <summary>The role named <paramref name="name"/> (any case), or null.</summary>
    public PerformerRole? FindRole(string? name) => name is not null && _roles.TryGetValue(name.Trim(), out var role) ? role : null;

    /// <summary>The addressing object named <paramref name="name"/> (any case), or null.</summary>
    public AddressingObject? FindObject(string? name) => name is not null && _objects.TryGetValue(name.Trim(), out var found) ? found : null;

    /// <summary>The department named <paramref name="name"/> (any case), or null (also when the object is of another kind).</summary>
    public AddressingObject? FindDepartment(string? name) => FindObject(name) is { Kind: AddressingObjectKind.Department } department ? department : null;
}
