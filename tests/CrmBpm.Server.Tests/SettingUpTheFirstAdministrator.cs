using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CrmBpm.Server.Tests.Infrastructure;

namespace CrmBpm.Server.Tests;

/// <summary>
/// A new database without demo data gets its first Administrator from the configuration or from the one-time setup page
/// (this machine only, or with the code from the log); once one exists the page is gone and cannot be replayed.
/// </summary>
public sealed partial class SettingUpTheFirstAdministrator
{
    private static readonly Dictionary<string, string?> NoDemo = new() { ["Demo:Seed"] = "false" };

    [Fact]
    public async Task Without_demo_data_and_configuration_the_setup_page_opens_on_this_machine_only()
    {
        await using var server = await CustomHost.StartAsync("Production");
        using var local = server.Client(fromLoopback: true);
        using var remote = server.Client();

        (await local.GetAsync("/setup")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await remote.GetAsync("/setup")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var proxied = new HttpRequestMessage(HttpMethod.Get, "/setup") { Headers = { { "X-Forwarded-For", "203.0.113.9" } } };
        (await local.SendAsync(proxied)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "a proxy on this machine relays other machines");
    }

    [Fact]
    public async Task From_elsewhere_the_setup_page_opens_with_the_code_printed_in_the_log_and_no_other()
    {
        await using var server = await CustomHost.StartAsync("Testing", NoDemo);
        var code = CodeFromLog(server);
        using var remote = server.Client();

        (await remote.GetAsync("/setup?code=0000000000")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await remote.GetAsync($"/setup?code={code}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_administrator_set_up_on_the_page_is_signed_in_and_the_page_is_gone_for_good()
    {
        await using var server = await CustomHost.StartAsync("Testing", NoDemo);
        var code = CodeFromLog(server);
        using var remote = server.Client();
        var page = $"/setup?code={code}";
        var form = await SetupFormAsync(remote, page);

        using var created = await remote.PostAsync(page, Form(form, "olga", "Olga Admin", "olga@example.com", "first-admin-2024"));
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect, await created.Content.ReadAsStringAsync());
        created.Headers.Location!.ToString().ShouldEndWith("admin/users");
        (await remote.GetAsync("/admin/users")).StatusCode.ShouldBe(HttpStatusCode.OK, "the cookie of the new Administrator");

        (await remote.GetAsync(page)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var local = server.Client(fromLoopback: true);
        (await local.GetAsync("/setup")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var replay = await remote.PostAsync(page, Form(form, "mallory", "Mallory", null, "take-over-2024"));
        replay.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var api = server.Client();
        (await api.PostAsJsonAsync("/api/auth/token", new { userName = "mallory", password = "take-over-2024" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var token = await TokenAsync(api, "olga", "first-admin-2024");
        api.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var audit = (await api.GetOkAsync("/api/admin/audit")).Items().ToList();
        audit.ShouldContain(e => e.Str("actor") == "setup:page" && e.Str("target") == "olga" && e.Str("action") == "user.create");
    }

    [Fact]
    public async Task A_password_the_policy_refuses_keeps_the_page_open_and_names_the_rule()
    {
        await using var server = await CustomHost.StartAsync("Testing", NoDemo);
        using var local = server.Client(fromLoopback: true);
        var form = await SetupFormAsync(local, "/setup");

        using var refused = await local.PostAsync("/setup", Form(form, "olga", "Olga", null, "short"));
        var html = await refused.Content.ReadAsStringAsync();
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("password: Passwords must be at least 8 characters.");
        (await local.GetAsync("/setup")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_configured_administrator_is_created_at_start_from_a_password_file_and_no_setup_page_is_offered()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "from-the-secret-file-9\n");
        try
        {
            await using var server = await CustomHost.StartAsync("Production", new Dictionary<string, string?>
            {
                ["Setup:AdminUser"] = "root", ["Setup:AdminPasswordFile"] = file, ["Setup:AdminDisplayName"] = "The Root",
            });
            using var local = server.Client(fromLoopback: true);
            (await local.GetAsync("/setup")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            server.Log.ShouldNotContain(line => line.Contains("/setup?code=", StringComparison.Ordinal));

            using var api = server.Client();
            api.DefaultRequestHeaders.Authorization = new("Bearer", await TokenAsync(api, "root", "from-the-secret-file-9"));
            var me = await api.GetOkAsync("/api/auth/me");
            me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["Administrator"]);
            me.Str("displayName").ShouldBe("The Root");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task The_configured_administrator_is_created_once_and_a_restart_keeps_them()
    {
        var settings = new Dictionary<string, string?> { ["Demo:Seed"] = "false", ["Setup:AdminUser"] = "root", ["Setup:AdminPassword"] = "from-the-environment-7" };
        await using var server = await CustomHost.StartAsync("Testing", settings);
        await server.RestartAsync("Testing", settings);
        using var api = server.Client();
        api.DefaultRequestHeaders.Authorization = new("Bearer", await TokenAsync(api, "root", "from-the-environment-7"));
        (await api.GetOkAsync("/api/admin/users")).Items().Count(u => u.Str("userName") == "root").ShouldBe(1);
    }

    [Theory]
    [InlineData(null, null, "no password is given")]
    [InlineData("both-given-1", "/nonexistent", "both set")]
    [InlineData("short", null, "Passwords must be at least 8 characters")]
    public async Task A_configured_administrator_without_a_usable_password_stops_the_start_with_the_reason(string? password, string? file, string reason)
    {
        var failure = await Should.ThrowAsync<Exception>(() => CustomHost.StartAsync("Production", new Dictionary<string, string?>
        {
            ["Setup:AdminUser"] = "root", ["Setup:AdminPassword"] = password, ["Setup:AdminPasswordFile"] = file,
        }));
        Flatten(failure).ShouldContain(reason);
    }

    private static string CodeFromLog(CustomHost server)
    {
        var line = server.Log.Single(l => l.Contains("/setup?code=", StringComparison.Ordinal));
        return Code().Match(line).Groups[1].Value;
    }

    private static async Task<string> TokenAsync(HttpClient client, string userName, string password)
    {
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password }).ExpectAsync(HttpStatusCode.OK);
        return response.Str("accessToken");
    }

    private static async Task<string> SetupFormAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        return Antiforgery().Match(html).Groups[1].Value;
    }

    private static FormUrlEncodedContent Form(string antiforgery, string userName, string displayName, string? email, string password) => new(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = antiforgery, ["_handler"] = "setup",
        ["Input.UserName"] = userName, ["Input.DisplayName"] = displayName, ["Input.Email"] = email ?? "",
        ["Input.Password"] = password, ["Input.Confirm"] = password,
    });

    private static string Flatten(Exception e) => e.InnerException is null ? e.Message : $"{e.Message} {Flatten(e.InnerException)}";

    [GeneratedRegex(@"/setup\?code=([0-9a-f]+)")]
    private static partial Regex Code();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();
}
