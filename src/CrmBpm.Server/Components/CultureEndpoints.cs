using CrmBpm.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Localization;

namespace CrmBpm.Server.Components;

/// <summary>Switching the UI language: a plain request that sets the culture cookie, so the next circuit starts in it.</summary>
public static class CultureEndpoints
{
    /// <summary>Maps GET /culture/{name}?returnUrl=… (not part of the API document).</summary>
    public static IEndpointRouteBuilder MapCultureEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/culture/{name}", SetCulture).ExcludeFromDescription().AllowAnonymous();
        return endpoints;
    }

    /// <summary>Sets the culture cookie for a year and returns to the (local) page the user came from.</summary>
    public static Results<RedirectHttpResult, BadRequest<string>> SetCulture(string name, string? returnUrl, HttpContext context)
    {
        if (!ServerCultures.IsSupported(name))
        {
            return TypedResults.BadRequest($"The language '{name}' is not offered; choose one of {string.Join(", ", ServerCultures.Supported)}.");
        }

        var culture = name.ToLowerInvariant();
        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        return TypedResults.LocalRedirect(LocalUrl.OrHome(returnUrl));
    }
}
