using CrmBpm.Server.Api.Contracts;
using CrmBpm.Server.Identity;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CrmBpm.Server.Api;

/// <summary>
/// /api/auth: bearer tokens for API clients (Identity's bearer token handler), the signed-in user, and the user list.
/// There is no self-registration: users are created by an administrator (or the demo seeder).
/// </summary>
public static class AuthEndpoints
{
    /// <summary>Maps the auth and user endpoints.</summary>
    public static RouteGroupBuilder MapAuthEndpoints(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Authentication");
        auth.MapPost("/token", IssueToken).WithName("IssueToken").AllowAnonymous().RequireRateLimiting(Hosting.SignInThrottle.Policy)
            .WithSummary("Signs in with user name and password; returns a bearer access token and a refresh token.")
            .Produces<AccessTokenResponse>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        auth.MapPost("/refresh", RefreshToken).WithName("RefreshToken").AllowAnonymous().RequireRateLimiting(Hosting.SignInThrottle.Policy)
            .WithSummary("Exchanges a refresh token (once) for a new access and refresh token; reusing an old one revokes them all.")
            .Produces<AccessTokenResponse>().ProducesProblem(StatusCodes.Status429TooManyRequests);
        auth.MapPost("/password", ChangeOwnPassword).WithName("ChangeOwnPassword").AllowAnonymous().RequireRateLimiting(Hosting.SignInThrottle.Policy)
            .WithSummary("Replaces the caller's password, proving the current one (the way out of a one-time password an Administrator set).")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        auth.MapGet("/me", GetMe).WithName("GetMe").WithSummary("The signed-in user: roles, pools and department.");
        api.MapGet("/users", ListUsers).WithTags("Users").WithName("ListUsers").WithSummary("Users, for choosing a performer or responsible person.");
        return api;
    }

    /// <summary>Token.</summary>
    public static async Task<Results<SignInHttpResult, ProblemHttpResult>> IssueToken(
        TokenRequest request, PasswordSignIn passwords, SignInManager<CrmBpmUser> signIn, RefreshTokenFamilies families)
    {
        new Check().Required(request.UserName, "userName").Required(request.Password, "password", 500).ThrowIfAny();
        var (user, result) = await passwords.CheckAsync(request.UserName!, request.Password!);
        if (user is { MustChangePassword: true })
        {
            return TypedResults.Problem("The password is a one-time password: choose your own at POST /api/auth/password first.",
                statusCode: StatusCodes.Status403Forbidden, title: "Password change required",
                extensions: new Dictionary<string, object?> { ["code"] = "auth.password-change-required" });
        }

        if (user is not null)
        {
            var principal = await signIn.CreateUserPrincipalAsync(user);
            await families.StartAsync(user, principal);
            return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme); // the handler writes the tokens
        }

        return TypedResults.Problem(
                result.IsLockedOut ? "Too many failed attempts for this user; try again in a few minutes." : "The user name or password is wrong.",
                statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed",
                extensions: new Dictionary<string, object?> { ["code"] = result.IsLockedOut ? "auth.locked-out" : "auth.invalid-credentials" });
    }

    /// <summary>Own password.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> ChangeOwnPassword(ChangePasswordRequest request, OwnPasswordChange change) =>
        await change.ChangeAsync(request.UserName, request.CurrentPassword, request.NewPassword) is null
            ? TypedResults.Problem("The user name or password is wrong.", statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed",
                extensions: new Dictionary<string, object?> { ["code"] = "auth.invalid-credentials" })
            : TypedResults.NoContent();

    /// <summary>Refresh.</summary>
    public static async Task<Results<SignInHttpResult, ChallengeHttpResult>> RefreshToken(
        RefreshRequest request, SignInManager<CrmBpmUser> signIn, RefreshTokenFamilies families, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock)
    {
        new Check().Required(request.RefreshToken, "refreshToken", 10_000).ThrowIfAny();
        var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires ||
            await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
        {
            return TypedResults.Challenge();
        }

        var next = await signIn.CreateUserPrincipalAsync(user);
        return await families.RotateAsync(user, ticket.Principal, next) == RefreshTokenFamilies.Verdict.Current
            ? TypedResults.SignIn(next, authenticationScheme: IdentityConstants.BearerScheme)
            : TypedResults.Challenge();
    }

    /// <summary>Me.</summary>
    public static Ok<MeDto> GetMe(WorkScope work)
    {
        var user = work.User;
        return TypedResults.Ok(new MeDto(user.Id, user.DisplayName, [.. user.Roles.Order(StringComparer.Ordinal)],
            [.. user.Memberships.Select(m => CrmBpmClaims.PoolValue(m.Role, m.AddressingObject))], user.Department));
    }

    /// <summary>Users.</summary>
    public static async Task<Ok<PagedList<UserDto>>> ListUsers(UserDirectory directory, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var paging = PageRequest.From(page, pageSize);
        return TypedResults.Ok(paging.Apply((await directory.ListAsync(cancellationToken)).Select(u => new UserDto(
            u.Id, u.DisplayName, u.Roles, [.. u.Memberships.Select(m => CrmBpmClaims.PoolValue(m.Role, m.AddressingObject))], u.Department))));
    }
}
