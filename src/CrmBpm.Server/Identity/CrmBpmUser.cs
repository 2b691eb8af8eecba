using Microsoft.AspNetCore.Identity;

namespace CrmBpm.Server.Identity;

/// <summary>
/// A person who signs in. Its <see cref="IdentityUser.UserName"/> is the user id the engine and the CRM store
/// (task holder, deal manager, instruction author): readable in history and in BPMN (<c>crm:performerUser="anna"</c>).
/// </summary>
public sealed class CrmBpmUser : IdentityUser
{
    /// <summary>Name shown in the UI.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>The user's language (<c>en</c>, <c>ru</c>); null: the browser's.</summary>
    public string? Language { get; set; }

    /// <summary>The user's time zone (an IANA id such as <c>Europe/Berlin</c>); null: the server's.</summary>
    public string? TimeZone { get; set; }

    /// <summary>When an Administrator deactivated the user; a deactivated user cannot sign in. Null: active.</summary>
    public DateTimeOffset? DeactivatedAt { get; set; }

    /// <summary>The password is a one-time password an Administrator set: the user must choose their own before working.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>True unless deactivated.</summary>
    public bool IsActive => DeactivatedAt is null;
}
