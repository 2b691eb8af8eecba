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
