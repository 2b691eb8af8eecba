using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace CrmBpm.Server.Hosting;

/// <summary>
/// Rate limits the endpoints that check passwords or refresh tokens, per client address, so a password guesser is slowed
/// (429 with Retry-After) long before an account's lockout would shut its owner out.
/// </summary>
public static class SignInThrottle
{
    /// <summary>The rate-limiter policy of the sign-in and token endpoints.</summary>
    public const string Policy = "crmbpm.sign-in";

    /// <summary>Registers the limiter.</summary>
    public static IServiceCollection AddSignInThrottle(this IServiceCollection services, SecurityOptions security)
    {
        ArgumentNullException.ThrowIfNull(security);
        return services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(Policy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = security.SignInPermitLimit,
                    Window = TimeSpan.FromSeconds(security.SignInWindowSeconds),
                    QueueLimit = 0,
                }));
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? (int)Math.Ceiling(retryAfter.TotalSeconds) : security.SignInWindowSeconds;
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many sign-in attempts",
                        Detail = $"Too many sign-in attempts from your address; try again in {seconds} seconds.",
                        Extensions = { ["code"] = "auth.throttled" },
                    },
                });
            };
        });
    }
}
