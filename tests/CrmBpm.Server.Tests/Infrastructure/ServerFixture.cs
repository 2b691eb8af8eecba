using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CrmBpm.Server.Tests.Infrastructure;

/// <summary>
/// One CrmBpm server (WebApplicationFactory) on one fresh database per test class, seeded with the demo data; hands out
/// HTTP clients signed in with bearer tokens as the demo users.
/// </summary>
public abstract partial class ServerFixture : IAsyncLifetime
{
    private readonly Dictionary<string, string> _tokens = [];
    private ITestDatabase? _database;
    private Factory? _factory;

    /// <summary>JSON as the API writes it (camelCase, enums by name).</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The running host.</summary>
    public WebApplicationFactory<Program> Host => _factory ?? throw new InvalidOperationException("The server has not started.");

    /// <summary>The database kind under test.</summary>
    protected abstract ITestDatabase CreateDatabase();

    /// <summary>False when the database kind is not configured here (its test classes are skipped and never use the fixture).</summary>
    protected virtual bool Available => true;

    public async Task InitializeAsync()
    {
        if (!Available)
        {
            return;
        }

        _database = CreateDatabase();
        await _database.CreateAsync();
        _factory = new Factory(_database);
        _ = _factory.Server; // start the host: schema, demo users and data
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>A client without credentials.</summary>
    public HttpClient Anonymous() => Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A client signed in as a demo user with a bearer token (token requested once per user).</summary>
    public async Task<HttpClient> SignInAsync(string userName)
    {
        if (!_tokens.TryGetValue(userName, out var token))
        {
            var password = Demo.DemoUsers.All.Single(u => u.UserName == userName).Password;
            using var anonymous = Anonymous();
            var response = await anonymous.PostAsJsonAsync("/api/auth/token", new { userName, password });
            response.EnsureSuccessStatusCode();
            token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
            _tokens[userName] = token;
        }

        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A browser-like client signed in through the sign-in form (the Identity cookie), as the Blazor UI is used.</summary>
    public async Task<HttpClient> SignInWithCookieAsync(string userName)
    {
        var password = Demo.DemoUsers.All.Single(u => u.UserName == userName).Password;
        var client = Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync("/account/signin");
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["userName"] = userName, ["password"] = password, ["returnUrl"] = "/",
        });
        using var response = await client.PostAsync("/account/signin", content);
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in {userName} answered {response.StatusCode}.");
        }

        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    private sealed class Factory(ITestDatabase database) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            // Outside Development the host serves only its own wwwroot from the build output; the designer's module, bundle and
            // the scoped-css bundle live in the static web assets manifest, which Development (and publishing) would pick up.
            builder.UseStaticWebAssets();
            builder.UseSetting("Database:Provider", database.Provider);
            builder.UseSetting("ConnectionStrings:CrmBpm", database.ConnectionString);
            builder.UseSetting("Demo:Seed", "true");
            // Every test signs in from the same (absent) address; the throttle itself is proven on a host of its own.
            builder.UseSetting("Security:SignInPermitLimit", "100000");
        }
    }
}

/// <summary>The server on a temporary SQLite file.</summary>
public sealed class SqliteServer : ServerFixture
{
    protected override ITestDatabase CreateDatabase() => new SqliteTestFile();
}

/// <summary>The server on a fresh PostgreSQL database.</summary>
public sealed class PostgresServer : ServerFixture
{
    protected override bool Available => PostgresTestDatabase.AdminConnectionString is not null;

    protected override ITestDatabase CreateDatabase() => new PostgresTestDatabase();
}
