using CrmBpm.Testing.Postgres;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CrmBpm.Server.Identity;
using CrmBpm.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBpm.Server.Tests;

/// <summary>
/// Signing in gives nothing away and cannot be abused: unknown users cost a password check like known ones, one client
/// is throttled before it can lock a victim out, refresh tokens are single use (reuse revokes the family), signing out
/// needs the form's antiforgery token, and every response carries the browser security headers.
/// </summary>
public abstract partial class SigningInIsHardened(ServerFixture server)
{
    [Fact]
    public async Task An_unknown_user_costs_one_password_verification_just_like_a_known_one_with_a_wrong_password()
    {
        var hasher = new CountingHasher();
        await using var host = server.Host.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IPasswordHasher<CrmBpmUser>>(hasher)));
        using var client = host.CreateClient();

        (await client.PostJsonAsync("/api/auth/token", new { userName = "nobody-by-this-name", password = "wrong-password1" })
            .ExpectAsync(HttpStatusCode.Unauthorized)).Str("code").ShouldBe("auth.invalid-credentials");
        var unknown = hasher.Verifications;
        (await client.PostJsonAsync("/api/auth/token", new { userName = "boris", password = "wrong-password1" })
            .ExpectAsync(HttpStatusCode.Unauthorized)).Str("code").ShouldBe("auth.invalid-credentials");
        var known = hasher.Verifications - unknown;

        unknown.ShouldBe(1);
        known.ShouldBe(1);
    }

    [Fact]
    public async Task One_client_guessing_passwords_is_throttled_before_the_victims_account_locks()
    {
        await using var host = server.Host.WithWebHostBuilder(b => b.UseSetting("Security:SignInPermitLimit", "3").UseSetting("Security:SignInWindowSeconds", "600"));
        using var client = host.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            await client.PostJsonAsync("/api/auth/token", new { userName = "helga", password = $"guess-{i}" }).ExpectAsync(HttpStatusCode.Unauthorized);
        }

        using var throttled = await client.PostJsonAsync("/api/auth/token", new { userName = "helga", password = "guess-3" });
        (await throttled.ExpectAsync(HttpStatusCode.TooManyRequests)).Str("code").ShouldBe("auth.throttled");
        throttled.Headers.RetryAfter.ShouldNotBeNull();

        using var scope = host.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CrmBpmUser>>();
        var helga = (await users.FindByNameAsync("helga"))!;
        (await users.IsLockedOutAsync(helga)).ShouldBeFalse();
        (await users.GetAccessFailedCountAsync(helga)).ShouldBe(3);
        await users.ResetAccessFailedCountAsync(helga);
    }

    [Fact]
    public async Task A_client_that_keeps_failing_for_one_user_is_refused_for_that_user_before_the_account_locks()
    {
        // The request rate limit alone let one address give 30 wrong passwords a minute, past the account's lockout of 20.
        await using var host = server.Host.WithWebHostBuilder(b => b.UseSetting("Security:FailedSignInsPerClient", "5").UseSetting("Security:LockoutAttempts", "8"));
        using var scope = host.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CrmBpmUser>>();
        var carl = (await users.FindByNameAsync("carl"))!;
        var failedBefore = await users.GetAccessFailedCountAsync(carl);
        using var client = host.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            (await client.PostJsonAsync("/api/auth/token", new { userName = "carl", password = $"guess-{i}" })
                .ExpectAsync(HttpStatusCode.Unauthorized)).Str("code").ShouldBe("auth.invalid-credentials");
        }

        for (var i = 5; i < 12; i++)
        {
            (await client.PostJsonAsync("/api/auth/token", new { userName = "carl", password = $"guess-{i}" })
                .ExpectAsync(HttpStatusCode.Unauthorized)).Str("code").ShouldBe("auth.locked-out");
        }

        // The right password from this client waits too; the account itself is not locked and counted only five failures.
        (await client.PostJsonAsync("/api/auth/token", new { userName = "carl", password = "consultant1" })
            .ExpectAsync(HttpStatusCode.Unauthorized)).Str("code").ShouldBe("auth.locked-out");
        using var after = host.Services.CreateScope();
        users = after.ServiceProvider.GetRequiredService<UserManager<CrmBpmUser>>();
        carl = (await users.FindByNameAsync("carl"))!;
        (await users.IsLockedOutAsync(carl)).ShouldBeFalse();
        (await users.GetAccessFailedCountAsync(carl)).ShouldBe(failedBefore + 5);
        await users.ResetAccessFailedCountAsync(carl);

        // Another user from the same client is not affected.
        (await client.PostJsonAsync("/api/auth/token", new { userName = "anna", password = "manager1" })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_refresh_token_works_once_and_reusing_it_revokes_its_whole_family()
    {
        using var client = server.Anonymous();
        var first = await client.PostJsonAsync("/api/auth/token", new { userName = "anna", password = Demo.DemoUsers.Anna.Password }).ExpectAsync(HttpStatusCode.OK);

        var second = await client.PostJsonAsync("/api/auth/refresh", new { refreshToken = first.Str("refreshToken") }).ExpectAsync(HttpStatusCode.OK);
        second.Str("refreshToken").ShouldNotBe(first.Str("refreshToken"));

        await client.PostJsonAsync("/api/auth/refresh", new { refreshToken = first.Str("refreshToken") }).ExpectAsync(HttpStatusCode.Unauthorized);
        // The copy was noticed: the newest token of the family no longer works either.
        await client.PostJsonAsync("/api/auth/refresh", new { refreshToken = second.Str("refreshToken") }).ExpectAsync(HttpStatusCode.Unauthorized);

        // Another sign-in is another family and is not affected.
        var other = await client.PostJsonAsync("/api/auth/token", new { userName = "anna", password = Demo.DemoUsers.Anna.Password }).ExpectAsync(HttpStatusCode.OK);
        await client.PostJsonAsync("/api/auth/refresh", new { refreshToken = other.Str("refreshToken") }).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Signing_out_needs_the_antiforgery_token_of_the_page()
    {
        using var browser = await server.SignInWithCookieAsync("boris");

        using (var forged = await browser.PostAsync("/account/signout", new FormUrlEncodedContent([])))
        {
            (await forged.ExpectAsync(HttpStatusCode.BadRequest)).Str("code").ShouldBe("auth.antiforgery");
        }

        await browser.GetOkAsync("/api/auth/me");
        var page = await browser.GetStringAsync("/");
        var token = AntiforgeryToken().Match(page).Groups[1].Value;
        token.ShouldNotBeEmpty();
        using var signedOut = await browser.PostAsync("/account/signout", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        signedOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("/account/signin")]
    [InlineData("/api/route-maps")]
    public async Task Every_response_carries_the_browser_security_headers(string url)
    {
        using var client = server.Anonymous();
        using var response = await client.GetAsync(url);

        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"]);
        response.Headers.GetValues("Referrer-Policy").ShouldHaveSingleItem().ShouldNotBeNullOrEmpty();
        var policy = response.Headers.GetValues("Content-Security-Policy").ShouldHaveSingleItem();
        var directives = policy.Split(';', StringSplitOptions.TrimEntries).ToDictionary(d => d.Split(' ')[0], d => d);
        directives["script-src"].ShouldBe("script-src 'self'");
        directives["frame-ancestors"].ShouldBe("frame-ancestors 'none'");
        directives["connect-src"].ShouldContain("wss://localhost");
        directives["object-src"].ShouldBe("object-src 'none'");
    }

    [Fact]
    public async Task Over_https_the_sign_in_cookie_is_secure_and_strict_transport_security_is_sent()
    {
        using var client = server.Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://crm.example.test") });
        var form = await client.GetAsync("/account/signin");
        form.Headers.GetValues("Strict-Transport-Security").ShouldHaveSingleItem().ShouldContain("max-age=");
        var token = AntiforgeryToken().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["userName"] = "anna", ["password"] = Demo.DemoUsers.Anna.Password, ["returnUrl"] = "/",
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/signin") { Content = content };
        foreach (var cookie in form.Headers.GetValues("Set-Cookie"))
        {
            request.Headers.Add("Cookie", cookie.Split(';')[0]);
        }

        using var signedIn = await client.SendAsync(request);
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var auth = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("CrmBpm.Auth=", StringComparison.Ordinal));
        auth.ShouldContain("secure", Case.Insensitive);
        auth.ShouldContain("httponly", Case.Insensitive);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    private sealed class CountingHasher : IPasswordHasher<CrmBpmUser>
    {
        private readonly PasswordHasher<CrmBpmUser> _inner = new();
        private int _verifications;

        public int Verifications => _verifications;

        public string HashPassword(CrmBpmUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(CrmBpmUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}

public sealed class SigningInIsHardenedOnSqlite(SqliteServer server) : SigningInIsHardened(server), IClassFixture<SqliteServer>;

[RequiresPostgres]
public sealed class SigningInIsHardenedOnPostgreSql(PostgresServer server) : SigningInIsHardened(server), IClassFixture<PostgresServer>;
