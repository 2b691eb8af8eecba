using System.Net;

namespace CrmBpm.Server.Setup;

/// <summary>
/// Guards the one-time setup page: it answers only while no Administrator exists, and only to the machine itself
/// (a loopback address, not relayed by a proxy) or to a request carrying the code printed in the log. Everyone else,
/// and everyone once set up, gets 404: the page does not exist for them.
/// </summary>
public static class SetupGate
{
    /// <summary>The page's path.</summary>
    public const string Path = "/setup";

    /// <summary>Adds the guard to the pipeline.</summary>
    public static IApplicationBuilder UseSetupGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Path.StartsWithSegments(Path, StringComparison.OrdinalIgnoreCase))
        {
            var setup = context.RequestServices.GetRequiredService<FirstAdministrator>();
            if (!setup.IsOpen || !(IsFromThisMachine(context) || setup.IsCode(context.Request.Query["code"].ToString())))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
        }

        await next(context);
    });

    /// <summary>A loopback peer without forwarding headers: a reverse proxy on the same machine does not count as the machine.</summary>
    public static bool IsFromThisMachine(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var headers = context.Request.Headers;
        return context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address) &&
            !headers.ContainsKey("X-Forwarded-For") && !headers.ContainsKey("Forwarded") && !headers.ContainsKey("X-Real-IP");
    }
}
