using System.Security.Claims;
using CrmBpm.Engine.Tasks;
using CrmBpm.Server.Organisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CrmBpm.Server.Identity;

/// <summary>A user as other users see them: id, name, department, pools.</summary>
public sealed record DirectoryUser(string Id, string DisplayName, string? Department, IReadOnlyList<RoleMembership> Memberships, IReadOnlyList<string> Roles)
{
    /// <summary>The engine actor of this user.</summary>
    public Actor ToActor() => new(Id, Memberships);
}

/// <summary>Looks users up in Identity: who exists, who belongs to a department.</summary>
public sealed class UserDirectory(UserManager<CrmBpmUser> users, CrmBpmIdentityDbContext db)
{
    /// <summary>Every user, by user name.</summary>
    public async Task<IReadOnlyList<DirectoryUser>> ListAsync(CancellationToken cancellationToken = default)
    {
        var all = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var claims = await db.UserClaims.AsNoTracking().ToListAsync(cancellationToken);
        var roleNames = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .AsNoTracking().ToListAsync(cancellationToken);
        return [.. all.Select(u => ToDirectoryUser(u,
            [.. claims.Where(c => c.UserId == u.Id).Select(c => new Claim(c.ClaimType ?? "", c.ClaimValue ?? ""))],
            [.. roleNames.Where(r => r.UserId == u.Id).Select(r => r.Name ?? "")]))];
    }

    /// <summary>A user by id (user name), or null.</summary>
    public async Task<DirectoryUser?> FindAsync(string userId, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByNameAsync(userId);
        return user is null ? null : ToDirectoryUser(user, await users.GetClaimsAsync(user), [.. await users.GetRolesAsync(user)]);
    }

    /// <summary>The users of a department and of the departments under it (a Head's team, the Head included).</summary>
    public async Task<IReadOnlyList<DirectoryUser>> TeamAsync(string department, CancellationToken cancellationToken = default)
    {
        var departments = await new OrganisationDirectory(db).DepartmentAndSubDepartmentsAsync(department, cancellationToken);
        return [.. (await ListAsync(cancellationToken)).Where(u => u.Department is { } own && departments.Contains(own))];
    }

    private static DirectoryUser ToDirectoryUser(CrmBpmUser user, IList<Claim> claims, IReadOnlyList<string> roles) => new(
        user.UserName ?? user.Id,
        string.IsNullOrWhiteSpace(user.DisplayName) ? user.UserName ?? user.Id : user.DisplayName,
        claims.FirstOrDefault(c => c.Type == CrmBpmClaims.Department)?.Value,
        CurrentUser.ParseMemberships(claims.Where(c => c.Type == CrmBpmClaims.Pool).Select(c => c.Value)),
        roles);
}
