using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace CrmBpm.Server.Identity;

/// <summary>
/// Refresh tokens are single use. Each sign-in starts a token family; its tokens carry the family and their own id as
/// claims, and the user's token store (AspNetUserTokens) remembers the one current id per family. Refreshing with the
/// current token rotates it; presenting an older token of the family means it was copied, so the whole family is revoked
/// and the holder of the newest token must sign in again as well.
/// </summary>
public sealed class RefreshTokenFamilies(UserManager<CrmBpmUser> users)
{
    /// <summary>The token store's provider name for the families.</summary>
    public const string Provider = "CrmBpm.RefreshTokens";

    /// <summary>Claim: the token family.</summary>
    public const string FamilyClaim = "crmbpm:token-family";

    /// <summary>Claim: the id of this token within its family.</summary>
    public const string TokenClaim = "crmbpm:token-id";

    /// <summary>What a presented refresh token turned out to be.</summary>
    public enum Verdict
    {
        /// <summary>The family's current token: rotated.</summary>
        Current,

        /// <summary>An older token of the family, or a revoked family: refused, and the family is revoked.</summary>
        Reused,
    }

    /// <summary>Starts a new family for a sign-in and adds its first token's claims to <paramref name="principal"/>.</summary>
    public async Task StartAsync(CrmBpmUser user, ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        await IssueAsync(user, principal, Guid.NewGuid().ToString("N"));
    }

    /// <summary>
    /// Checks the refresh token's claims (<paramref name="presented"/>) and, when it is the family's current token,
    /// adds the next token's claims to <paramref name="next"/>; otherwise revokes the family.
    /// </summary>
    public async Task<Verdict> RotateAsync(CrmBpmUser user, ClaimsPrincipal presented, ClaimsPrincipal next)
    {
        ArgumentNullException.ThrowIfNull(presented);
        ArgumentNullException.ThrowIfNull(next);
        var family = presented.FindFirstValue(FamilyClaim);
        var token = presented.FindFirstValue(TokenClaim);
        if (family is null || token is null)
        {
            return Verdict.Reused; // a token from before families existed: sign in again
        }

        var current = await users.GetAuthenticationTokenAsync(user, Provider, family);
        if (!string.Equals(current, token, StringComparison.Ordinal))
        {
            if (current is not null)
            {
                await users.RemoveAuthenticationTokenAsync(user, Provider, family);
            }

            return Verdict.Reused;
        }

        await IssueAsync(user, next, family);
        return Verdict.Current;
    }

    private async Task IssueAsync(CrmBpmUser user, ClaimsPrincipal principal, string family)
    {
        var token = Guid.NewGuid().ToString("N");
        var result = await users.SetAuthenticationTokenAsync(user, Provider, family, token);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The refresh token of {user.UserName} could not be stored: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }

        var identity = principal.Identities.First();
        identity.AddClaim(new Claim(FamilyClaim, family));
        identity.AddClaim(new Claim(TokenClaim, token));
    }
}
