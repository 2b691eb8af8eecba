using System.Net;
using System.Text.RegularExpressions;
using CrmBpm.Server.Tests.Infrastructure;

namespace CrmBpm.Server.Tests;

/// <summary>The Users, user and Audit log pages: Administrators only; they show what the API has.</summary>
public sealed class TheUserAdministrationPages(SqliteServer server) : IClassFixture<SqliteServer>
{
    [Fact]
    public async Task The_administrator_sees_every_user_and_a_users_page_with_roles_and_pools()
    {
        using var admin = await server.SignInWithCookieAsync("admin");
        var list = await admin.GetStringAsync("/admin/users");
        Regex.IsMatch(list, "<h1[^>]*>Users</h1>").ShouldBeTrue();
        foreach (var user in Demo.DemoUsers.All)
        {
            list.ShouldContain($"href=\"admin/users/{user.UserName}\"");
        }

        var helga = await admin.GetStringAsync("/admin/users/helga");
        helga.ShouldContain("Helga Schmidt");
        helga.ShouldContain("Head of customer service");
        (await admin.GetStringAsync("/admin/audit")).ShouldContain("Audit log");
    }

    [Fact]
    public async Task A_demo_database_offers_on_the_users_page_to_remove_its_demo_users_naming_each()
    {
        using var admin = await server.SignInWithCookieAsync("admin");
        var list = await admin.GetStringAsync("/admin/users");
        var panel = Regex.Match(list, "<section[^>]*data-testid=\"demo-users\"[^>]*>(.*?)</section>", RegexOptions.Singleline);
        panel.Success.ShouldBeTrue("a demo database shows the panel to remove the demo users");
        panel.Groups[1].Value.ShouldContain(string.Join(", ", Demo.DemoUsers.All.Select(u => u.UserName).Order(StringComparer.Ordinal)));
        panel.Groups[1].Value.ShouldContain("Remove the demo users");
    }

    [Fact]
    public async Task A_head_may_open_neither_the_users_nor_the_audit_log()
    {
        using var helga = await server.SignInWithCookieAsync("helga");
        foreach (var page in new[] { "/admin/users", "/admin/users/anna", "/admin/audit" })
        {
            using var response = await helga.GetAsync(page);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, page);
            response.Headers.Location!.ToString().ShouldContain("/account/denied", customMessage: page);
        }
    }
}
