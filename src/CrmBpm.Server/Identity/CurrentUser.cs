using System.Security.Claims;
using CrmBpm.Engine.Tasks;

namespace CrmBpm.Server.Identity;

/// <summary>The signed-in user as CrmBpm sees them: id, application roles, pools and department.</summary>
public sealed class CurrentUser
{
    private CurrentUser(string id, string displayName, string? department, IReadOnlyList<RoleMembership> memberships, IReadOnlySet<string> roles)
    {
        Id = id;
        DisplayName = displayName;
        Department = department;
        Memberships = memberships;
        Roles = roles;
    }

    /// <summary>The user id used by the engine and the CRM (the user name).</summary>
    public string Id { get; }

    /// <summary>Name to show.</summary>
    public string DisplayName { get; }

    /// <summary>Department (a Head's team).</summary>
    public string? Department { get; }

    /// <summary>Role pools, from <see cref="CrmBpmClaims.Pool"/> claims.</summary>
    public IReadOnlyList<RoleMembership> Memberships { get; }

    /// <summary>Application roles.</summary>
    public IReadOnlySet<string> Roles { get; }

    /// <summary>May act on every task and deal.</summary>
    public bool IsAdministrator => Roles.Contains(AppRoles.Administrator);

    /// <summary>Sees the team's tasks and deals.</summary>
    public bool IsHead => Roles.Contains(AppRoles.Head);

    /// <summary>The engine actor for the user's own work (administrators may act on any task).</summary>
    public Actor Actor => new(Id, Memberships, canActOnAnyTask: IsAdministrator);

    /// <summary>The engine actor for a task of the user's team (a Head acting as supervisor).</summary>
    public Actor Supervisor => new(Id, Memberships, canActOnAnyTask: true);

    /// <summary>Reads the user from an authenticated principal.</summary>
    /// <exception cref="InvalidOperationException">The principal is anonymous.</exception>
    public static CurrentUser From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var id = principal.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name }
            ? name
            : throw new InvalidOperationException("No user is signed in.");
        return new CurrentUser(
            id,
            principal.FindFirstValue(CrmBpmClaims.DisplayName) ?? id,
            principal.FindFirstValue(CrmBpmClaims.Department),
            ParseMemberships(principal.FindAll(CrmBpmClaims.Pool).Select(c => c.Value)),
            principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Turns pool claim values (<c>Role</c> or <c>Role@Object</c>) into memberships.</summary>
    public static IReadOnlyList<RoleMembership> ParseMemberships(IEnumerable<string> values) =>
        [.. values.Select(value => value.Split('@', 2) is [var role, var addressingObject]
            ? new RoleMembership(role.Trim(), addressingObject.Trim())
            : new RoleMembership(value.Trim()))];
}
