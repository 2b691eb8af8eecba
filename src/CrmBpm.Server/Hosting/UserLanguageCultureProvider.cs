using CrmBpm.Server.Identity;
using Microsoft.AspNetCore.Localization;

namespace CrmBpm.Server.Hosting;

/// <summary>The language an Administrator (or the user) set on the user's profile, read from the signed-in user's claims.</summary>
public sealed class UserLanguageCultureProvider : RequestCultureProvider
{
    /// <inheritdoc />
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var language = httpContext.User.FindFirst(CrmBpmClaims.Language)?.Value;
        return Task.FromResult(ServerCultures.IsSupported(language) ? new ProviderCultureResult(language) : null);
    }
}
