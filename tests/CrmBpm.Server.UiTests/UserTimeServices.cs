using CrmBpm.Server.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CrmBpm.Server.UiTests;

/// <summary>What pages need to show moments in the user's time zone; a test's own clock or user, registered later, wins.</summary>
internal static class UserTimeServices
{
    public static IServiceCollection AddUserTime(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IHttpContextAccessor>(_ => new HttpContextAccessor { HttpContext = new DefaultHttpContext() });
        services.TryAddScoped<SignedInUser>();
        services.TryAddScoped<UserTime>();
        return services;
    }
}
