using CrmBpm.Server.Api;
using CrmBpm.Server.Components;
using CrmBpm.Server.Setup;
using Scalar.AspNetCore;

namespace CrmBpm.Server.Hosting;

/// <summary>The request pipeline: errors as problem details, auth, the API, the OpenAPI document and its browsable page, the UI.</summary>
public static class ServerApplicationExtensions
{
    /// <summary>Configures the pipeline and maps every endpoint.</summary>
    public static WebApplication UseCrmBpmServer(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSecurityHeaders();
        app.UseRequestBodyLimit(app.Services.GetRequiredService<SecurityOptions>().MaxRequestBodyBytes);
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts(); // sent only on HTTPS responses
        }

        app.MapStaticAssets();
        app.UseAuthentication();
        app.UseRequestLocalization(ServerCultures.LocalizationOptions()); // after authentication: the user's own language is a claim
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.UseSetupGate();

        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/api/docs", options => options
            .WithTitle("CrmBpm API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        app.MapCrmBpmApi();
        app.MapAccountEndpoints();
        app.MapCultureEndpoints();
        // SecurityHeaders sends frame-ancestors 'none' in the one policy; Blazor's own second header ('self') would only add noise.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(options => options.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }
}
