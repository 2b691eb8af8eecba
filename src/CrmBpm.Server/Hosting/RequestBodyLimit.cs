using Microsoft.AspNetCore.Http.Features;

namespace CrmBpm.Server.Hosting;

/// <summary>
/// Refuses request bodies over <see cref="SecurityOptions.MaxRequestBodyBytes"/> with 413: at once when the declared
/// length says so, and through the server's body-size feature (Kestrel) while a body without a length is read.
/// </summary>
public static class RequestBodyLimit
{
    /// <summary>Adds the limit to the pipeline.</summary>
    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app, long maxBytes) => app.Use(async (context, next) =>
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = maxBytes;
        }

        if (context.Request.ContentLength > maxBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Title = "The request is too large",
                    Detail = $"The body has {context.Request.ContentLength} bytes; at most {maxBytes} are accepted (Security:MaxRequestBodyBytes).",
                    Extensions = { ["code"] = "request.too-large" },
                },
            });
            return;
        }

        await next(context);
    });
}
