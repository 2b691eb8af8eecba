using Microsoft.AspNetCore.Identity;

namespace CrmBpm.Server.Identity;

/// <summary>
/// Whether an account may sign in at all (Identity asks before checking the password's outcome counts): not when an
/// Administrator deactivated it, and not a demo account in Production, whose password is printed in the README.
/// </summary>
public sealed class ActiveAccountConfirmation(IHostEnvironment environment) : IUserConfirmation<CrmBpmUser>
{
    /// <inheritdoc />
    public async Task<bool> IsConfirmedAsync(UserManager<CrmBpmUser> manager, CrmBpmUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsActive)
        {
            return false;
        }

        return !environment.IsProduction() || !(await manager.GetClaimsAsync(user)).Any(c => c.Type == CrmBpmClaims.Demo);
    }
}
