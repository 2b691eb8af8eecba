using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CrmBpm.Server.Identity;

/// <summary>
/// Adds the display name, language and time zone to the claims Identity puts into cookies and bearer tokens (roles and user
/// claims come from the base). A profile change reaches the claims at the next sign-in or security-stamp refresh.
/// </summary>
public sealed class CrmBpmClaimsPrincipalFactory(UserManager<CrmBpmUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<CrmBpmUser, IdentityRole>(users, roles, options)
{
    /// <inheritdoc />
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(CrmBpmUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CrmBpmClaims.DisplayName, string.IsNullOrWhiteSpace(user.DisplayName) ? user.UserName ?? "" : user.DisplayName));
        if (!string.IsNullOrWhiteSpace(user.Language))
        {
            identity.AddClaim(new Claim(CrmBpmClaims.Language, user.Language));
        }

        if (!string.IsNullOrWhiteSpace(user.TimeZone))
        {
            identity.AddClaim(new Claim(CrmBpmClaims.TimeZone, user.TimeZone));
        }

        return identity;
    }
}
