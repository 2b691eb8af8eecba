using System.Net;
using System.Net.Http.Json;
using CrmBpm.Server.Tests.Infrastructure;

namespace CrmBpm.Server.Tests;

/// <summary>
/// The demo's known passwords: seeded and shown only on a developer's machine (README's run command), refused in
/// Production, and a demo database started in Production neither shows nor accepts them and asks for a real Administrator.
/// </summary>
public sealed class DemoUsersOnlyInDevelopment
{
    [Fact]
    public async Task In_development_the_demo_is_seeded_by_default_and_the_sign_in_page_lists_its_logins()
    {
        await using var server = await CustomHost.StartAsync("Development");
        using var client = server.Client();
        var html = await client.GetStringAsync("/account/signin");
        html.ShouldContain("Demo logins");
        foreach (var user in Demo.DemoUsers.All)
        {
            html.ShouldContain(user.Password);
        }
    }

    [Fact]
    public async Task In_production_no_demo_is_seeded_by_default_and_seeding_one_is_refused()
    {
        await using (var server = await CustomHost.StartAsync("Production"))
        {
            using var client = server.Client();
            (await client.PostAsJsonAsync("/api/auth/token", new { userName = "admin", password = "administrator1" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            (await client.GetStringAsync("/account/signin")).ShouldNotContain("administrator1");
        }

        var failure = await Should.ThrowAsync<Exception>(() => CustomHost.StartAsync("Production", new Dictionary<string, string?> { ["Demo:Seed"] = "true" }));
        (failure.InnerException ?? failure).Message.ShouldContain("Demo:Seed is true in the Production environment");
    }

    [Fact]
    public async Task A_demo_database_started_in_production_refuses_the_demo_logins_shows_none_and_opens_the_setup()
    {
        await using var server = await CustomHost.StartAsync("Development");
        await server.RestartAsync("Production");
        using var client = server.Client();

        (await client.PostAsJsonAsync("/api/auth/token", new { userName = "admin", password = "administrator1" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.PostAsJsonAsync("/api/auth/token", new { userName = "anna", password = "manager1" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var html = await client.GetStringAsync("/account/signin");
        html.ShouldNotContain("Demo logins");
        html.ShouldNotContain("manager1");
        server.Log.ShouldNotContain(line => line.Contains("manager1", StringComparison.Ordinal));
        using var local = server.Client(fromLoopback: true);
        (await local.GetAsync("/setup")).StatusCode.ShouldBe(HttpStatusCode.OK, "only demo Administrators exist, and they cannot sign in");
    }

    [Fact]
    public async Task The_demo_users_are_dropped_once_a_real_administrator_exists_and_their_tasks_are_not_lost()
    {
        await using var server = await CustomHost.StartAsync("Testing", new Dictionary<string, string?> { ["Demo:Seed"] = "true" });
        using var client = server.Client();
        var token = (await client.PostAsJsonAsync("/api/auth/token", new { userName = "admin", password = "administrator1" }).ExpectAsync(HttpStatusCode.OK)).Str("accessToken");
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var created = await client.PostJsonAsync("/api/admin/users", new { userName = "olga", displayName = "Olga", roles = new[] { "Administrator", "Manager" } })
            .ExpectAsync(HttpStatusCode.Created);

        (await client.PostJsonAsync("/api/admin/demo-users/drop").ExpectAsync(HttpStatusCode.BadRequest)).Str("code").ShouldBe("user.tasks-need-a-person");
        var dropped = await client.PostJsonAsync("/api/admin/demo-users/drop", new { reassignTo = "olga" }).ExpectAsync(HttpStatusCode.OK);
        dropped.EnumerateArray().Select(d => d.Str("userName")).ShouldBe(["admin", "anna", "boris", "carl", "helga"]);

        using var anonymous = server.Client();
        await anonymous.PostJsonAsync("/api/auth/password", new { userName = "olga", currentPassword = created.Str("oneTimePassword"), newPassword = "olga-pass-1" })
            .ExpectAsync(HttpStatusCode.NoContent);
        var olga = (await anonymous.PostJsonAsync("/api/auth/token", new { userName = "olga", password = "olga-pass-1" }).ExpectAsync(HttpStatusCode.OK)).Str("accessToken");
        anonymous.DefaultRequestHeaders.Authorization = new("Bearer", olga);
        (await anonymous.GetOkAsync("/api/admin/users")).Items().Select(u => u.Str("userName")).ShouldBe(["olga"]);
        (await anonymous.GetOkAsync("/api/tasks?pageSize=200")).Items().ShouldNotBeEmpty("the demo users' personal tasks went to olga");
        (await anonymous.PostJsonAsync("/api/auth/token", new { userName = "anna", password = "manager1" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
