using CrmBpm.Server.Administration;

namespace CrmBpm.Server.Components.Pages.Admin;

/// <summary>The editable form of a user's profile: roles as check boxes, memberships as rows of role and object.</summary>
public sealed class UserProfileModel
{
    /// <summary>Display name.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>E-mail.</summary>
    public string Email { get; set; } = "";

    /// <summary>Phone.</summary>
    public string Phone { get; set; } = "";

    /// <summary>Language (empty: the browser's).</summary>
    public string Language { get; set; } = "";

    /// <summary>Time zone id.</summary>
    public string TimeZone { get; set; } = "";

    /// <summary>Department.</summary>
    public string Department { get; set; } = "";

    /// <summary>Memberships of performer roles (the pool claims), one row each.</summary>
    public List<MembershipRow> Memberships { get; } = [];

    /// <summary>The system roles ticked.</summary>
    public HashSet<string> Roles { get; } = new(StringComparer.Ordinal);

    /// <summary>The form of an existing user.</summary>
    public static UserProfileModel From(ManagedUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var model = new UserProfileModel
        {
            DisplayName = user.DisplayName, Email = user.Email ?? "", Phone = user.Phone ?? "", Language = user.Language ?? "",
            TimeZone = user.TimeZone ?? "", Department = user.Department ?? "",
        };
        model.Roles.UnionWith(user.Roles);
        model.Memberships.AddRange(Identity.CurrentUser.ParseMemberships(user.Pools).Select(m => new MembershipRow { Role = m.Role, Object = m.AddressingObject ?? "" }));
        return model;
    }

    /// <summary>What the service takes.</summary>
    public UserProfile ToProfile() => new()
    {
        DisplayName = DisplayName, Email = Email, Phone = Phone, Language = Language, TimeZone = TimeZone, Department = Department,
        Roles = [.. Identity.AppRoles.All.Where(Roles.Contains)],
        // A row with neither role nor object is an unused Add; a row with only an object is sent, and refused naming its row.
        Pools = [.. Memberships.Where(m => !string.IsNullOrWhiteSpace(m.Role) || !string.IsNullOrWhiteSpace(m.Object))
            .Select(m => string.IsNullOrWhiteSpace(m.Object) ? m.Role.Trim() : $"{m.Role.Trim()}@{m.Object.Trim()}")],
    };
}
