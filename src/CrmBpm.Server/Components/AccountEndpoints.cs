using CrmBpm.Server.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CrmBpm.Server.Components;

/// <summary>The UI's sign-in and sign-out form posts: the Identity cookie is set on a normal HTTP response, never over the circuit.</summary>
public static class AccountEndpoints
{
    /// <summary>Maps /account/signin and /account/signout (not part of the API document).</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var account = endpoints.MapGroup("/account").ExcludeFromDescription();
        account.MapPost("/signin", SignIn).RequireRateLimiting(Hosting.SignInThrottle.Policy);
        account.MapPost("/signout", SignOut);
        account.MapPost("/change-password", ChangePassword).RequireRateLimiting(Hosting.SignInThrottle.Policy);
        return endpoints;
    }

    /// <summary>Signs in with the cookie and returns to the page the user came from.</summary>
    public static async Task<RedirectHttpResult> SignIn(
        [FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl, PasswordSignIn passwords, SignInManager<CrmBpmUser> signIn)
    {
        var target = LocalUrl.OrHome(returnUrl);
        if (!string.IsNullOrWhiteSpace(userName) && !string.IsNullOrEmpty(password))
        {
            var (user, result) = await passwords.CheckAsync(userName, password);
            if (user is { MustChangePassword: true })
            {
                return TypedResults.LocalRedirect($"/account/change-password?userName={Uri.EscapeDataString(user.UserName!)}&returnUrl={Uri.EscapeDataString(target)}");
            }

            if (user is not null)
            {
                await signIn.SignInAsync(user, isPersistent: true);
                return TypedResults.LocalRedirect(target);
            }

            if (result.IsLockedOut)
            {
                return TypedResults.LocalRedirect($"/account/signin?error=locked&returnUrl={Uri.EscapeDataString(target)}");
            }
        }

        return TypedResults.LocalRedirect($"/account/signin?error=invalid&returnUrl={Uri.EscapeDataString(target)}");
    }

    /// <summary>Replaces a one-time password with the user's own, then signs in; a refusal goes back to the form with its reason.</summary>
    public static async Task<RedirectHttpResult> ChangePassword(
        [FromForm] string? userName, [FromForm] string? currentPassword, [FromForm] string? newPassword, [FromForm] string? confirmPassword,
        [FromForm] string? returnUrl, OwnPasswordChange change, SignInManager<CrmBpmUser> signIn, Microsoft.Extensions.Options.IOptions<IdentityOptions> identity)
    {
        var target = LocalUrl.OrHome(returnUrl);
        string Back(string error) =>
            $"/account/change-password?userName={Uri.EscapeDataString(userName ?? "")}&returnUrl={Uri.EscapeDataString(target)}&error={Uri.EscapeDataString(error)}";
        // Only a reason code travels in the address, never text: the form words it (in the user's language).
        var policy = identity.Value.Password;
        var reason = string.IsNullOrEmpty(newPassword) || newPassword.Length < policy.RequiredLength ? "short"
            : policy.RequireDigit && !newPassword.Any(char.IsDigit) ? "digit"
            : !string.Equals(newPassword, confirmPassword, StringComparison.Ordinal) ? "mismatch"
            : string.Equals(newPassword, currentPassword, StringComparison.Ordinal) ? "same"
            : null;
        if (reason is not null)
        {
            return TypedResults.LocalRedirect(Back(reason));
        }

        try
        {
            var user = await change.ChangeAsync(userName, currentPassword, newPassword);
            if (user is null)
            {
                return TypedResults.LocalRedirect(Back("invalid"));
            }

            await signIn.SignInAsync(user, isPersistent: true);
            return TypedResults.LocalRedirect(target);
        }
        catch (Engine.Errors.InputException)
        {
            return TypedResults.LocalRedirect(Back("policy"));
        }
    }

    /// <summary>Signs out; only with the form's antiforgery token, so another site cannot sign the user out.</summary>
    public static async Task<Results<RedirectHttpResult, ProblemHttpResult>> SignOut(HttpContext context, IAntiforgery antiforgery, SignInManager<CrmBpmUser> signIn)
    {
        // The endpoint binds no form field, so the antiforgery middleware would only record a failed check; refuse it here.
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return TypedResults.Problem("The sign-out form's antiforgery token is missing or wrong; sign out from the page.",
                statusCode: StatusCodes.Status400BadRequest, title: "Sign-out refused",
                extensions: new Dictionary<string, object?> { ["code"] = "auth.antiforgery" });
        }

        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect("/account/signin");
    }
}
