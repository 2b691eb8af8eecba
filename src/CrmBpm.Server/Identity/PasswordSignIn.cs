using Microsoft.AspNetCore.Identity;

namespace CrmBpm.Server.Identity;

/// <summary>
/// Checks a user name and password with the same work whether the user exists or not: an unknown user's password is
/// verified against a dummy hash, so the answer's timing does not tell which user names exist. Lockout applies as in
/// Identity (<see cref="SignInManager{TUser}.CheckPasswordSignInAsync"/>), after the per-client limit of
/// <see cref="ClientSignInFailures"/>: a client that failed too often for a user is answered "locked out" without a check.
/// A deactivated account (and a demo account in Production) is not allowed, which callers report like a wrong password.
/// The API's token endpoint and the UI's sign-in form both check here.
/// </summary>
public sealed class PasswordSignIn(
    UserManager<CrmBpmUser> users, SignInManager<CrmBpmUser> signIn, IPasswordHasher<CrmBpmUser> hasher, ClientSignInFailures failures, IHttpContextAccessor http)
{
    // One hash per process, made with the configured hasher, so verifying it costs what a real verification costs.
    private static string? _dummyHash;

    /// <summary>The user and the outcome; the user is null unless the password was right.</summary>
    public async Task<(CrmBpmUser? User, SignInResult Result)> CheckAsync(string userName, string password)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(password);
        var client = http.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (failures.IsBlocked(userName, client))
        {
            return (null, SignInResult.LockedOut);
        }

        var user = await users.FindByNameAsync(userName.Trim());
        if (user is null)
        {
            var dummy = new CrmBpmUser { UserName = "-" };
            _dummyHash ??= hasher.HashPassword(dummy, Guid.NewGuid().ToString());
            hasher.VerifyHashedPassword(dummy, _dummyHash, password);
            failures.Failed(userName, client);
            return (null, SignInResult.Failed);
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.IsNotAllowed)
        {
            // A deactivated account is refused before its password is checked: spend the same work as for a wrong one.
            hasher.VerifyHashedPassword(user, _dummyHash ??= hasher.HashPassword(user, Guid.NewGuid().ToString()), password);
        }

        if (result.Succeeded)
        {
            failures.Succeeded(userName, client);
        }
        else
        {
            failures.Failed(userName, client);
        }

        return (result.Succeeded ? user : null, result);
    }
}
