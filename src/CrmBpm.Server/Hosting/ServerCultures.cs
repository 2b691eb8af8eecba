using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace CrmBpm.Server.Hosting;

/// <summary>
/// The languages of the UI. English is the default; a user's choice lives in the ASP.NET Core culture cookie, so it
/// survives sign-out and reaches the Blazor circuit, which takes the culture of the request that opened it.
/// </summary>
public static class ServerCultures
{
    /// <summary>English, the default.</summary>
    public const string English = "en";

    /// <summary>Russian.</summary>
    public const string Russian = "ru";

    /// <summary>Every culture the UI has resources for, default first.</summary>
    public static IReadOnlyList<string> Supported { get; } = [English, Russian];

    /// <summary>True when <paramref name="name"/> is one of <see cref="Supported"/>.</summary>
    public static bool IsSupported(string? name) => name is not null && Supported.Contains(name, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Request localization: the cookie (a choice made in this browser) first, then the language set on the user's profile,
    /// then the browser's Accept-Language, then English.
    /// </summary>
    public static RequestLocalizationOptions LocalizationOptions()
    {
        var cultures = Supported.Select(CultureInfo.GetCultureInfo).ToList();
        return new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(English),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
            RequestCultureProviders = [new CookieRequestCultureProvider(), new UserLanguageCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()],
        };
    }
}
