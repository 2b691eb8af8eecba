namespace CrmBpm.Server.Hosting;

/// <summary>
/// The headers a browser needs to protect the UI: no MIME sniffing, no referrer across origins, no framing, and a
/// Content-Security-Policy. The policy allows only the server's own scripts (Blazor's <c>blazor.web.js</c> and the
/// designer's bpmn-js module are both served from here; nothing runs inline), inline <i>styles</i> (bpmn-js sets style
/// attributes on the diagram; Blazor's reconnect dialog too), images and fonts from here or data: URIs (bpmn-js icons),
/// and connections back to this host, including the Blazor circuit's WebSocket. The API reference page
/// (<c>/api/docs</c>, Scalar) runs an inline bootstrap script, so there the policy only forbids framing.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The policy of every page but the API reference, before the WebSocket sources of the host are added.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Adds the headers to every response.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        var host = context.Request.Host.Value;
        // 'self' covers ws(s) to the same host only in newer browsers; naming the host keeps the circuit working in all
        // (a host with characters a source expression cannot hold is left out rather than let into the header).
        var sockets = host is { Length: > 0 } && host.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or ':' or '[' or ']')
            ? $" ws://{host} wss://{host}"
            : "";
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/api/docs")
            ? "frame-ancestors 'none'"
            : $"{ContentSecurityPolicy}; connect-src 'self'{sockets}";
        return next(context);
    });
}
