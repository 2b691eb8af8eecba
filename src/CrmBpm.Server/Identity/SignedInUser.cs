using System.Security.Claims;

namespace CrmBpm.Server.Identity;

/// <summary>
/// The principal of the current scope, for services that apply the user's rules (<see cref="WorkScope"/>): in an API
/// request the request's user; in a Blazor circuit the circuit's user, handed over by <see cref="SignedInUserCircuitHandler"/>,
/// because an interactive component has no trustworthy HttpContext.
/// </summary>
public sealed class SignedInUser(IHttpContextAccessor http)
{
    private ClaimsPrincipal? _circuitUser;

    /// <summary>The signed-in principal (anonymous when nobody is signed in).</summary>
    /// <exception cref="InvalidOperationException">Used outside both a request and a circuit.</exception>
    public ClaimsPrincipal Principal =>
        _circuitUser ?? http.HttpContext?.User ?? throw new InvalidOperationException("There is no signed-in user here: neither an HTTP request nor a Blazor circuit.");

    /// <summary>Sets the circuit's user (on circuit start and when its authentication state changes).</summary>
    public void UseCircuitUser(ClaimsPrincipal principal) => _circuitUser = principal;
}
