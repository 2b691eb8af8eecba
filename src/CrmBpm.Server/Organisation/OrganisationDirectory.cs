using CrmBpm.Server.Identity;
using Microsoft.EntityFrameworkCore;

namespace CrmBpm.Server.Organisation;

/// <summary>
/// Questions about the structure the engine and the views ask: who heads a department, whether a pool has anyone in it,
/// which departments a Head's team spans. Reads only; the catalogue is changed through <see cref="OrganisationAdministration"/>.
/// </summary>
public sealed class OrganisationDirectory(CrmBpmIdentityDbContext db)
{
    /// <summary>
    /// The head of <paramref name="addressingObject"/> (a user name): of the department itself or, if it has none, of the nearest
    /// ancestor that has one; null when the object is unknown, not a department, or nobody up the tree heads one.
    /// </summary>
    public async Task<string?> HeadOfAsync(string addressingObject, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(addressingObject);
        var all = await db.AddressingObjects.AsNoTracking().ToListAsync(cancellationToken);
        var current = all.FirstOrDefault(o => string.Equals(o.Name, addressingObject.Trim(), StringComparison.OrdinalIgnoreCase));
        var seen = new HashSet<long>();
        while (current is { Kind: AddressingObjectKind.Department } && seen.Add(current.Id))
        {
            if (!string.IsNullOrWhiteSpace(current.HeadUserName))
            {
                return current.HeadUserName;
            }

            current = current.ParentId is { } parent ? all.FirstOrDefault(o => o.Id == parent) : null;
        }

        return null;
    }

    /// <summary>
    /// The pools of <see cref="HeadOfDepartment.Role"/>: for every department, its head or the nearest head above it, when that
    /// user is active. Computed from the structure each time, so a new head takes over at once.
    /// </summary>
    public async Task<IReadOnlyList<(string UserName, string Department)>> HeadPoolsAsync(CancellationToken cancellationToken = default)
    {
        var active = (await db.Users.AsNoTracking().Where(u => u.DeactivatedAt == null).Select(u => u.UserName).ToListAsync(cancellationToken))
            .OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. (await NearestHeadsAsync(cancellationToken)).Where(p => active.Contains(p.UserName))];
    }

    /// <summary>
    /// The departments whose Head of department pool <paramref name="userName"/> is in (those they head, and those below without
    /// a head of their own). Reads the departments only: it is asked on every request of a signed-in, so active, user.
    /// </summary>
    public async Task<IReadOnlyList<string>> DepartmentsHeadedByAsync(string userName, CancellationToken cancellationToken = default) =>
        [.. (await NearestHeadsAsync(cancellationToken)).Where(p => string.Equals(p.UserName, userName, StringComparison.OrdinalIgnoreCase)).Select(p => p.Department)];

    /// <summary>Every department with its own head or, when it has none, the nearest head above it.</summary>
    private async Task<List<(string UserName, string Department)>> NearestHeadsAsync(CancellationToken cancellationToken)
    {
        var departments = await db.AddressingObjects.AsNoTracking().Where(o => o.Kind == AddressingObjectKind.Department).ToListAsync(cancellationToken);
        var byId = departments.ToDictionary(d => d.Id);
        var pools = new List<(string, string)>();
        foreach (var department in departments)
        {
            var seen = new HashSet<long>();
            var current = department;
            while (current is not null && string.IsNullOrWhiteSpace(current.HeadUserName) && seen.Add(current.Id))
            {
                current = current.ParentId is { } parent ? byId.GetValueOrDefault(parent) : null;
            }

            if (current?.HeadUserName is { } head)
            {
                pools.Add((head, department.Name));
            }
        }

        return pools;
    }

    /// <summary>
    /// True when an active user is in the pool a task addressed to <paramref name="role"/> (and <paramref name="addressingObject"/>)
    /// would land in: for a role alone every member of the role, for a role and an object the members serving that object.
    /// Compared exactly, as the engine compares them.
    /// </summary>
    public async Task<bool> HasMembersAsync(string role, string? addressingObject, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(role);
        var memberships = await MembershipsAsync(activeOnly: true, cancellationToken);
        return memberships.Any(m => string.Equals(m.Role, role, StringComparison.Ordinal) &&
            (addressingObject is null || string.Equals(m.AddressingObject, addressingObject, StringComparison.Ordinal)));
    }

    /// <summary>
    /// <paramref name="department"/> and every department below it, by name: a Head's team. A department the catalogue does not
    /// know (an old claim) is just itself.
    /// </summary>
    public async Task<IReadOnlySet<string>> DepartmentAndSubDepartmentsAsync(string department, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(department);
        var departments = await db.AddressingObjects.AsNoTracking().Where(o => o.Kind == AddressingObjectKind.Department).ToListAsync(cancellationToken);
        var names = new HashSet<string>(StringComparer.Ordinal) { department };
        var root = departments.FirstOrDefault(d => string.Equals(d.Name, department, StringComparison.Ordinal));
        if (root is null)
        {
            return names;
        }

        var ids = new HashSet<long> { root.Id };
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var child in departments.Where(d => d.ParentId is { } parent && ids.Contains(parent) && !ids.Contains(d.Id)))
            {
                ids.Add(child.Id);
                names.Add(child.Name);
                grew = true;
            }
        }

        return names;
    }

    /// <summary>Both catalogues, read once (for pickers and checks).</summary>
    public Task<OrganisationCatalogue> CatalogueAsync(CancellationToken cancellationToken = default) => OrganisationCatalogue.LoadAsync(db, cancellationToken);

    /// <summary>Every membership of every user (or only of active users), as the pool claims hold them.</summary>
    public async Task<IReadOnlyList<Membership>> MembershipsAsync(bool activeOnly = false, CancellationToken cancellationToken = default)
    {
        var rows = await (from c in db.UserClaims
                          join u in db.Users on c.UserId equals u.Id
                          where c.ClaimType == CrmBpmClaims.Pool && (!activeOnly || u.DeactivatedAt == null)
                          select new { u.UserName, u.DisplayName, u.DeactivatedAt, c.ClaimValue }).AsNoTracking().ToListAsync(cancellationToken);
        return [.. rows.Select(r =>
        {
            var pool = CurrentUser.ParseMemberships([r.ClaimValue ?? ""]).Single();
            return new Membership(r.UserName ?? "", string.IsNullOrWhiteSpace(r.DisplayName) ? r.UserName ?? "" : r.DisplayName, pool.Role, pool.AddressingObject, r.DeactivatedAt is null);
        }).OrderBy(m => m.DisplayName, StringComparer.CurrentCultureIgnoreCase).ThenBy(m => m.AddressingObject, StringComparer.Ordinal)];
    }
}
