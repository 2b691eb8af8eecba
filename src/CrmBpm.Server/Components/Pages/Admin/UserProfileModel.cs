using CrmBpm.Server.Administration;

namespace CrmBpm.Server.Components.Pages.Admin;

/// <summary>The editable form of a user's profile: lists as text (pools one a line) and roles as check boxes.</summary>
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

    /// <summary>Pools, one a line.</summary>
    public string Pools { get; set; } = "";

    /// <summary>The system roles ticked.</summary>
    public HashSet<string> Roles { get; } = new(StringComparer.Ordinal);

    /// <summary>The form of an existing user.</summary>
    public static UserProfileModel From(ManagedUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var model = new UserProfileModel
        {
            DisplayName = user.DisplayName, Email = user.Email ?? "", Phone = user.Phone ?? "", Language = user.Language ?? "",
            TimeZone = user.TimeZone ?? "", Department = user.Department ?? "", Pools = string.Join('\n', user.Pools),
        };
        model.Roles.UnionWith(user.Roles);
        return model;
    }

    /// <summary>What the service takes.</summary>
    public UserProfile ToProfile() => new()
    {
        DisplayName = DisplayName, Email = Email, Phone = Phone, Language = Language, TimeZone = TimeZone, Department = Department,
        Roles = [.. Identity.AppRoles.All.Where(Roles.Contains)],
        Pools = [.. Pools.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
    };
}
