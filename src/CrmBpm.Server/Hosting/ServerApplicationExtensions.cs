using CrmBpm.Server.Api;
using CrmBpm.Server.Components;
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
        app.MapStaticAssets();
        app.UseRequestLocalization(ServerCultures.LocalizationOptions());
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/api/docs", options => options
            .WithTitle("CrmBpm API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        app.MapCrmBpmApi();
        app.MapAccountEndpoints();
        app.MapCultureEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
