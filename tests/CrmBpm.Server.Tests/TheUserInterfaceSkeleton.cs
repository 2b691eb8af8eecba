using System.Net;
using System.Text.RegularExpressions;
using CrmBpm.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CrmBpm.Server.Tests;

/// <summary>The UI skeleton: pages need a sign-in, the sign-in page lists no demo login outside Development, the home page greets and counts tasks.</summary>
public sealed partial class TheUserInterfaceSkeleton(SqliteServer server) : IClassFixture<SqliteServer>
{
    [Fact]
    public async Task A_page_sends_an_anonymous_visitor_to_the_sign_in_page()
    {
        using var client = server.Anonymous();
        using var response = await client.GetAsync("/");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/account/signin");
    }

    [Fact]
    public async Task Outside_development_the_sign_in_page_of_the_demo_database_shows_no_demo_login()
    {
        using var client = server.Anonymous();
        var html = await client.GetStringAsync("/account/signin");
        html.ShouldNotContain("Demo logins");
        foreach (var user in Demo.DemoUsers.All)
        {
            html.ShouldNotContain(user.Password);
        }
    }

    [Fact]
    public async Task A_manager_signs_in_with_the_form_and_is_greeted_with_the_open_task_count()
    {
        using var client = server.Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync("/account/signin");
        var token = Token().Match(form).Groups[1].Value;
        using var signIn = await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["userName"] = "anna", ["password"] = "manager1", ["returnUrl"] = "/",
        }));
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signIn.Headers.Location!.ToString().ShouldBe("/");

        var home = await client.GetStringAsync("/");
        home.ShouldContain("Hello, Anna Petrova");
        Regex.IsMatch(home, @"You have <strong>\d+</strong> open").ShouldBeTrue(home);
        home.ShouldContain("My tasks");
        home.ShouldNotContain("Route maps");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
