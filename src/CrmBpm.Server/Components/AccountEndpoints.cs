using CrmBpm.Server.Identity;
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
        account.MapPost("/signin", SignIn);
        account.MapPost("/signout", SignOut);
        return endpoints;
    }

    /// <summary>Signs in with the cookie and returns to the page the user came from.</summary>
    public static async Task<RedirectHttpResult> SignIn([FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl, SignInManager<CrmBpmUser> signIn)
    {
        var target = LocalUrl.OrHome(returnUrl);
        if (!string.IsNullOrWhiteSpace(userName) && !string.IsNullOrEmpty(password))
        {
            var result = await signIn.PasswordSignInAsync(userName.Trim(), password, isPersistent: true, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                return TypedResults.LocalRedirect(target);
            }

            if (result.IsLockedOut)
            {
                return TypedResults.LocalRedirect($"/account/signin?error=locked&returnUrl={Uri.EscapeDataString(target)}");
            }
        }

        return TypedResults.LocalRedirect($"/account/signin?error=invalid&returnUrl={Uri.EscapeDataString(target)}");
    }

    /// <summary>Signs out.</summary>
    public static async Task<RedirectHttpResult> SignOut(SignInManager<CrmBpmUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect("/account/signin");
    }
}
