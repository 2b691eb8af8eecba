using CrmBpm.Engine.Errors;
using Microsoft.AspNetCore.Identity;

namespace CrmBpm.Server.Identity;

/// <summary>
/// A user replaces their password, proving the current one: the way out of a one-time password an Administrator set
/// (until then neither the sign-in form nor the token endpoint lets the user in). Checked like a sign-in (lockout, throttle).
/// </summary>
public sealed class OwnPasswordChange(UserManager<CrmBpmUser> users, PasswordSignIn passwords)
{
    /// <summary>The user with the new password; null when the user name or current password is wrong (or the account is locked).</summary>
    /// <exception cref="InputException">The new password breaks the password policy (field <c>newPassword</c>, with the rule).</exception>
    public async Task<CrmBpmUser?> ChangeAsync(string? userName, string? currentPassword, string? newPassword)
    {
        new Api.Check().Required(userName, "userName").Required(currentPassword, "currentPassword", 500).Required(newPassword, "newPassword", 500)
            .That(newPassword is null || newPassword != currentPassword, "newPassword", "newPassword must differ from the current password.")
            .ThrowIfAny();
        var (user, _) = await passwords.CheckAsync(userName!, currentPassword!);
        if (user is null)
        {
            return null;
        }

        var changed = await users.ChangePasswordAsync(user, currentPassword!, newPassword!);
        if (!changed.Succeeded)
        {
            throw new InputException("user.password-policy", [.. changed.Errors.Select(e => new InputProblem(
                e.Code.StartsWith("Password", StringComparison.Ordinal) ? "newPassword" : "user", e.Description))]);
        }

        user.MustChangePassword = false;
        var updated = await users.UpdateAsync(user);
        return updated.Succeeded ? user : throw new InvalidOperationException($"The password of {user.UserName} changed but its flag could not be cleared: {string.Join(" ", updated.Errors.Select(e => e.Description))}");
    }
}
