using System.Security.Claims;
using CrmBpm.Engine.Errors;
using CrmBpm.Server.Administration;
using CrmBpm.Server.Api;
using CrmBpm.Server.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CrmBpm.Server.Organisation;

/// <summary>
/// What an Administrator does to the structure: performer roles (create, describe, delete, add and remove members) and
/// addressing objects (create, change kind, parent and head, delete). Every change is written to the audit log in the same
/// transaction. Names are keys: running tasks, published route maps and pool claims store them, so neither a role nor an
/// object is ever renamed (delete an unused one and create it anew instead), and nothing in use is deleted.
/// </summary>
public sealed class OrganisationAdministration(
    CrmBpmIdentityDbContext db, UserManager<CrmBpmUser> users, OrganisationDirectory directory, OpenPoolTasks openTasks, AdminAudit audit)
{
    /// <summary>Performer roles whose name or description contains <paramref name="search"/> (case-insensitive), by name.</summary>
    public async Task<(IReadOnlyList<PerformerRoleView> Items, int Total)> ListRolesAsync(string? search, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var catalogue = await OrganisationCatalogue.LoadAsync(db, cancellationToken);
        var term = search?.Trim();
        var matching = catalogue.Roles.Where(r => string.IsNullOrEmpty(term) || Contains(r.Name, term) || Contains(r.Description, term)).ToList();
        var members = await directory.MembershipsAsync(cancellationToken: cancellationToken);
        return ([.. matching.Skip((page - 1) * pageSize).Take(pageSize).Select(r => View(r, members))], matching.Count);
    }

    /// <summary>One performer role with its members; throws <see cref="NotFoundException"/> when unknown.</summary>
    public async Task<PerformerRoleView> GetRoleAsync(string name, CancellationToken cancellationToken = default) =>
        View(await FindRoleAsync(name, cancellationToken), await directory.MembershipsAsync(cancellationToken: cancellationToken));

    /// <summary>Creates a performer role; its name can never change afterwards.</summary>
    public async Task<PerformerRoleView> CreateRoleAsync(string actor, string? name, string? description, CancellationToken cancellationToken = default)
    {
        var check = new Check();
        CheckName(check, name, "name");
        check.MaxLength(description, "description", 1000).ThrowIfAny();
        var key = name!.Trim();
        if (await FindRoleOrNullAsync(key, cancellationToken) is { } existing)
        {
            throw new ConflictException("performer-role.exists", $"A performer role '{existing.Name}' already exists (names are compared regardless of case).");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var role = new PerformerRole { Name = key, Description = Blank(description) };
        db.PerformerRoles.Add(role);
        await db.SaveChangesAsync(cancellationToken);
        var after = View(role, []);
        await audit.RecordAsync(actor, "performer-role.create", role.Name, null, after, cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return after;
    }

    /// <summary>Replaces a role's description (the name is the key and stays).</summary>
    public async Task<PerformerRoleView> UpdateRoleAsync(string actor, string name, string? description, CancellationToken cancellationToken = default)
    {
        new Check().MaxLength(description, "description", 1000).ThrowIfAny();
        var role = await FindRoleAsync(name, cancellationToken);
        var members = await directory.MembershipsAsync(cancellationToken: cancellationToken);
        var before = View(role, members);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        role.Description = Blank(description);
        await db.SaveChangesAsync(cancellationToken);
        var after = View(role, members);
        await audit.RecordAsync(actor, "performer-role.update", role.Name, before, after, cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return after;
    }

    /// <summary>Deletes a role nobody is a member of and no open task is addressed to; otherwise refuses naming them.</summary>
    public async Task DeleteRoleAsync(string actor, string name, CancellationToken cancellationToken = default)
    {
        var role = await FindRoleAsync(name, cancellationToken);
        var before = View(role, await directory.MembershipsAsync(cancellationToken: cancellationToken));
        if (before.Members.Count > 0)
        {
            throw new ConflictException("performer-role.has-members",
                $"Performer role '{role.Name}' still has members: {string.Join(", ", before.Members.Select(Describe))}. Remove them first.");
        }

        if (await openTasks.OfRoleAsync(role.Name, cancellationToken: cancellationToken) is { Count: > 0 } titles)
        {
            throw new ConflictException("performer-role.has-open-tasks",
                $"Open tasks are addressed to performer role '{role.Name}' ({string.Join(", ", titles.Select(t => $"'{t}'"))}); it can be deleted once they are done.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.PerformerRoles.Remove(role);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(actor, "performer-role.delete", role.Name, before, null, cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Makes <paramref name="userName"/> a member of the role, optionally for an addressing object (a pool claim).</summary>
    public async Task<PerformerRoleView> AddMemberAsync(string actor, string role, string? userName, string? addressingObject, CancellationToken cancellationToken = default)
    {
        var (found, user, item) = await ResolveMemberAsync(role, userName, addressingObject, cancellationToken);
        var value = CrmBpmClaims.PoolValue(found.Name, item?.Name);
        var claims = await users.GetClaimsAsync(user);
        if (claims.Any(c => c.Type == CrmBpmClaims.Pool && string.Equals(c.Value, value, StringComparison.Ordinal)))
        {
            throw new ConflictException("performer-role.already-member", $"'{user.UserName}' is already a member of '{value}'.");
        }

        var before = PoolsOf(claims);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        UserAdministration.Require(await users.AddClaimAsync(user, new Claim(CrmBpmClaims.Pool, value)));
        await audit.RecordAsync(actor, "performer-role.add-member", found.Name, new { user.UserName, Pools = before }, new { user.UserName, Pools = before.Append(value) },
            $"{user.UserName} joined {value}", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await GetRoleAsync(found.Name, cancellationToken);
    }

    /// <summary>Ends <paramref name="userName"/>'s membership of the role (for <paramref name="addressingObject"/>, or without an object).</summary>
    public async Task<PerformerRoleView> RemoveMemberAsync(string actor, string role, string? userName, string? addressingObject, CancellationToken cancellationToken = default)
    {
        new Check().Required(userName, "userName", 256).ThrowIfAny();
        var found = await FindRoleAsync(role, cancellationToken);
        var user = await users.FindByNameAsync(userName!.Trim()) ?? throw new NotFoundException("user.not-found", $"There is no user '{userName}'.");
        var claims = await users.GetClaimsAsync(user);
        var wanted = Blank(addressingObject);
        var match = claims.Where(c => c.Type == CrmBpmClaims.Pool).FirstOrDefault(c =>
            CurrentUser.ParseMemberships([c.Value]).Single() is var m && string.Equals(m.Role, found.Name, StringComparison.OrdinalIgnoreCase) &&
            string.Equals(m.AddressingObject, wanted, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            throw new NotFoundException("performer-role.not-a-member",
                $"'{user.UserName}' is not a member of '{CrmBpmClaims.PoolValue(found.Name, wanted)}'.");
        }

        var before = PoolsOf(claims);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        UserAdministration.Require(await users.RemoveClaimAsync(user, match));
        await audit.RecordAsync(actor, "performer-role.remove-member", found.Name, new { user.UserName, Pools = before },
            new { user.UserName, Pools = before.Where(p => !string.Equals(p, match.Value, StringComparison.Ordinal)) }, $"{user.UserName} left {match.Value}", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await GetRoleAsync(found.Name, cancellationToken);
    }

    /// <summary>Addressing objects (optionally of one kind, optionally only active ones) whose name contains <paramref name="search"/>, by kind and name.</summary>
    public async Task<(IReadOnlyList<AddressingObjectView> Items, int Total)> ListObjectsAsync(
        AddressingObjectKind? kind, string? search, int page, int pageSize, bool activeOnly = false, CancellationToken cancellationToken = default)
    {
        var catalogue = await OrganisationCatalogue.LoadAsync(db, cancellationToken);
        var term = search?.Trim();
        var matching = (activeOnly ? catalogue.ActiveObjects : catalogue.Objects).Where(o => (kind is null || o.Kind == kind) && (string.IsNullOrEmpty(term) || Contains(o.Name, term))).ToList();
        return ([.. matching.Skip((page - 1) * pageSize).Take(pageSize).Select(o => View(o, catalogue.Objects))], matching.Count);
    }

    /// <summary>One addressing object; throws <see cref="NotFoundException"/> when unknown.</summary>
    public async Task<AddressingObjectView> GetObjectAsync(string name, CancellationToken cancellationToken = default)
    {
        var found = await FindObjectAsync(name, cancellationToken);
        return View(found, await db.AddressingObjects.AsNoTracking().ToListAsync(cancellationToken));
    }

    /// <summary>Creates an addressing object; its name (unique across kinds) can never change afterwards.</summary>
    public async Task<AddressingObjectView> CreateObjectAsync(string actor, string? name, AddressingObjectChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var check = new Check();
        CheckName(check, name, "name");
        check.ThrowIfAny();
        var key = name!.Trim();
        if (await FindObjectOrNullAsync(key, cancellationToken) is { } existing)
        {
            throw new ConflictException("addressing-object.exists", $"An addressing object '{existing.Name}' ({existing.Kind}) already exists (names are compared regardless of case).");
        }

        var item = new AddressingObject { Name = key };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await ApplyAsync(item, change, cancellationToken);
        db.AddressingObjects.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        var after = View(item, await db.AddressingObjects.AsNoTracking().ToListAsync(cancellationToken));
        await audit.RecordAsync(actor, "addressing-object.create", item.Name, null, after, cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return after;
    }

    /// <summary>Changes an object's kind and, for a department, its parent (no cycles) and head.</summary>
    public async Task<AddressingObjectView> UpdateObjectAsync(string actor, string name, AddressingObjectChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var item = await FindObjectAsync(name, cancellationToken);
        var before = View(item, await db.AddressingObjects.AsNoTracking().ToListAsync(cancellationToken));
        if (item.Kind == AddressingObjectKind.Department && change.Kind is { } kind && kind != AddressingObjectKind.Department)
        {
            await RefuseWhileADepartmentIsUsedAsync(item, $"become a {kind}", cancellationToken);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await ApplyAsync(item, change, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var after = View(item, await db.AddressingObjects.AsNoTracking().ToListAsync(cancellationToken));
        await audit.RecordAsync(actor, "addressing-object.update", item.Name, before, after, cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return after;
    }

    /// <summary>Deletes an object nothing uses: no members serve it, no user is in it, no department is under it, no open task names it.</summary>
    public async Task DeleteObjectAsync(string actor, string name, CancellationToken cancellationToken = default)
    {
        var item = await FindObjectAsync(name, cancellationToken);
        var before = View(item, await db.AddressingObjects.AsNoTracking().ToListAsync(cancellationToken));
        var members = (await directory.MembershipsAsync(cancellationToken: cancellationToken))
            .Where(m => string.Equals(m.AddressingObject, item.Name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (members.Count > 0)
        {
            throw new ConflictException("addressing-object.has-members",
                $"'{item.Name}' is still served by {string.Join(", ", members.Select(m => $"{m.DisplayName} ({m.UserName}) as {m.Role}"))}. Remove these memberships first.");
        }

        if (item.Kind == AddressingObjectKind.Department)
        {
            await RefuseWhileADepartmentIsUsedAsync(item, "be deleted", cancellationToken);
        }

        if (await openTasks.OfObjectAsync(item.Name, cancellationToken: cancellationToken) is { Count: > 0 } titles)
        {
            throw new ConflictException("addressing-object.has-open-tasks",
                $"Open tasks are addressed to '{item.Name}' ({string.Join(", ", titles.Select(t => $"'{t}'"))}); it can be deleted once they are done.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.AddressingObjects.Remove(item);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(actor, "addressing-object.delete", item.Name, before, null, cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The rules every role and object name obeys: it becomes part of a pool claim (<c>Role@Object</c>) and of URLs.</summary>
    internal static void CheckName(Check check, string? name, string field)
    {
        check.Required(name, field).NoControlCharacters(name, field)
            .That(name is null || (!name.Contains('@', StringComparison.Ordinal) && !name.Contains('/', StringComparison.Ordinal)), field,
                $"{field} must not contain '@' (it separates a role from its object) or '/'; '{name}' does.");
    }

    private async Task RefuseWhileADepartmentIsUsedAsync(AddressingObject department, string what, CancellationToken cancellationToken)
    {
        var children = await db.AddressingObjects.AsNoTracking().Where(o => o.ParentId == department.Id).Select(o => o.Name).ToListAsync(cancellationToken);
        if (children.Count > 0)
        {
            throw new ConflictException("addressing-object.has-sub-departments",
                $"Department '{department.Name}' cannot {what}: it has sub-departments ({string.Join(", ", children.Order(StringComparer.CurrentCulture))}). Move or delete them first.");
        }

        var people = await (from c in db.UserClaims join u in db.Users on c.UserId equals u.Id
                            where c.ClaimType == CrmBpmClaims.Department && c.ClaimValue != null
                            select new { u.UserName, c.ClaimValue }).AsNoTracking().ToListAsync(cancellationToken);
        var inIt = people.Where(p => string.Equals(p.ClaimValue!.Trim(), department.Name, StringComparison.OrdinalIgnoreCase)).Select(p => p.UserName).Order(StringComparer.Ordinal).ToList();
        if (inIt.Count > 0)
        {
            throw new ConflictException("addressing-object.has-users",
                $"Department '{department.Name}' cannot {what}: these users are in it: {string.Join(", ", inIt)}. Move them to another department first.");
        }
    }

    private async Task ApplyAsync(AddressingObject item, AddressingObjectChange change, CancellationToken cancellationToken)
    {
        var check = new Check().Present(change.Kind, "kind");
        if (change.Kind is { } kind)
        {
            check.Defined(kind, "kind");
        }

        var isDepartment = change.Kind == AddressingObjectKind.Department;
        check.That(isDepartment || (Blank(change.Parent) is null && Blank(change.Head) is null), "kind",
            "Only a Department has a parent department and a head.");
        check.ThrowIfAny();

        AddressingObject? parent = null;
        if (isDepartment && Blank(change.Parent) is { } parentName)
        {
            parent = await FindObjectOrNullAsync(parentName, cancellationToken);
            check.That(parent is { Kind: AddressingObjectKind.Department }, "parent", $"parent must be a Department; '{parentName}' is not.");
            check.That(parent is null || parent.IsActive || parent.Id == item.ParentId, "parent",
                $"parent: '{parentName}' is deactivated; reactivate it first or choose another department.");
            if (parent is { Kind: AddressingObjectKind.Department } && item.Id != 0)
            {
                var path = await PathUpAsync(parent, cancellationToken);
                check.That(!path.Any(p => p.Id == item.Id), "parent",
                    $"'{parentName}' cannot be the parent of '{item.Name}': the tree would go round ({string.Join(" → ", path.TakeWhile(p => p.Id != item.Id).Select(p => p.Name).Prepend(item.Name).Append(item.Name))}).");
            }
        }

        string? head = null;
        if (isDepartment && Blank(change.Head) is { } headName)
        {
            var user = await users.FindByNameAsync(headName);
            check.That(user is { IsActive: true }, "head", $"head must be an active user; '{headName}' is not.");
            head = user?.UserName;
        }

        var active = change.Active ?? item.IsActive;
        if (!active && item.Id != 0)
        {
            var children = await db.AddressingObjects.AsNoTracking().Where(o => o.ParentId == item.Id && o.IsActive).Select(o => o.Name).ToListAsync(cancellationToken);
            check.That(children.Count == 0, "active",
                $"Department '{item.Name}' cannot be deactivated while its sub-departments are active ({string.Join(", ", children.Order(StringComparer.CurrentCulture))}); deactivate or move them first.");
        }

        check.ThrowIfAny();
        item.Kind = change.Kind!.Value;
        item.ParentId = parent?.Id;
        item.HeadUserName = head;
        item.IsActive = active;
    }

    /// <summary>The departments from <paramref name="start"/> up to the top (stops at a cycle already stored, should one exist).</summary>
    private async Task<IReadOnlyList<AddressingObject>> PathUpAsync(AddressingObject start, CancellationToken cancellationToken)
    {
        var all = await db.AddressingObjects.AsNoTracking().ToDictionaryAsync(o => o.Id, cancellationToken);
        var path = new List<AddressingObject>();
        for (AddressingObject? current = start; current is not null && path.All(p => p.Id != current.Id);)
        {
            path.Add(current);
            current = current.ParentId is { } id && all.TryGetValue(id, out var next) ? next : null;
        }

        return path;
    }

    private async Task<(PerformerRole Role, CrmBpmUser User, AddressingObject? Object)> ResolveMemberAsync(
        string role, string? userName, string? addressingObject, CancellationToken cancellationToken)
    {
        var found = await FindRoleAsync(role, cancellationToken);
        var check = new Check().Required(userName, "userName", 256);
        check.ThrowIfAny();
        var user = await users.FindByNameAsync(userName!.Trim());
        check.That(user is not null, "userName", $"userName must be a user; '{userName}' is not.");
        AddressingObject? item = null;
        if (Blank(addressingObject) is { } objectName)
        {
            item = await FindObjectOrNullAsync(objectName, cancellationToken);
            check.That(item is not null, "addressingObject", $"addressingObject: '{objectName}' is not an addressing object.");
            check.That(item is null || item.IsActive, "addressingObject", $"addressingObject: '{item?.Name}' is deactivated; reactivate it on the Structure page or choose another.");
        }

        check.ThrowIfAny();
        return (found, user!, item);
    }

    private async Task<PerformerRole> FindRoleAsync(string name, CancellationToken cancellationToken) =>
        await FindRoleOrNullAsync(name, cancellationToken) ?? throw new NotFoundException("performer-role.not-found", $"There is no performer role '{name}'.");

    private async Task<PerformerRole?> FindRoleOrNullAsync(string name, CancellationToken cancellationToken)
    {
        var key = name.Trim();
        return (await db.PerformerRoles.ToListAsync(cancellationToken)).FirstOrDefault(r => string.Equals(r.Name, key, StringComparison.OrdinalIgnoreCase));
    }

    private async Task<AddressingObject> FindObjectAsync(string name, CancellationToken cancellationToken) =>
        await FindObjectOrNullAsync(name, cancellationToken) ?? throw new NotFoundException("addressing-object.not-found", $"There is no addressing object '{name}'.");

    private async Task<AddressingObject?> FindObjectOrNullAsync(string name, CancellationToken cancellationToken)
    {
        var key = name.Trim();
        return (await db.AddressingObjects.ToListAsync(cancellationToken)).FirstOrDefault(o => string.Equals(o.Name, key, StringComparison.OrdinalIgnoreCase));
    }

    private static PerformerRoleView View(PerformerRole role, IReadOnlyList<Membership> members) =>
        new(role.Name, role.Description, [.. members.Where(m => string.Equals(m.Role, role.Name, StringComparison.OrdinalIgnoreCase))]);

    private static AddressingObjectView View(AddressingObject item, IReadOnlyList<AddressingObject> all) =>
        new(item.Name, item.Kind, item.ParentId is { } parent ? all.FirstOrDefault(o => o.Id == parent)?.Name : null, item.HeadUserName, item.IsActive);

    private static string Describe(Membership m) => $"{m.DisplayName} ({m.UserName}{(m.AddressingObject is null ? "" : $" for {m.AddressingObject}")})";

    private static List<string> PoolsOf(IEnumerable<Claim> claims) => [.. claims.Where(c => c.Type == CrmBpmClaims.Pool).Select(c => c.Value)];

    private static bool Contains(string? value, string term) => value?.Contains(term, StringComparison.OrdinalIgnoreCase) == true;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
