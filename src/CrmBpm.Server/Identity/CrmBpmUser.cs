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
}
