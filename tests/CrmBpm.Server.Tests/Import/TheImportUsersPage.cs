using System.Net;
using System.Text.RegularExpressions;
using CrmBpm.Server.Tests.Infrastructure;

namespace CrmBpm.Server.Tests.Import;

/// <summary>The Import users page: reached from Users, for Administrators only, with the format, a template and the file picker.</summary>
public sealed partial class TheImportUsersPage(SqliteServer server) : IClassFixture<SqliteServer>
{
    [Fact]
    public async Task The_users_page_leads_to_the_import_page_which_explains_the_format_and_offers_a_template()
    {
        using var admin = await server.SignInWithCookieAsync("admin");
        (await admin.GetStringAsync("/admin/users")).ShouldContain("href=\"admin/import/users\"");

        var page = await admin.GetStringAsync("/admin/import/users");
        Heading().IsMatch(page).ShouldBeTrue();
        page.ShouldContain("type=\"file\"");
        foreach (var column in new[] { "userName", "displayName", "email", "phone", "language", "timeZone", "roles", "department", "pools" })
        {
            Regex.IsMatch(page, $"<code[^>]*>{column}</code>").ShouldBeTrue(column);
        }

        var template = TemplateLink().Match(page);
        template.Success.ShouldBeTrue("the page offers a template download");
        var csv = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(template.Groups[1].Value)).TrimStart('\uFEFF');
        csv.ShouldStartWith("userName,displayName,email,phone,language,timeZone,roles,department,pools\r\n");
    }

    [Fact]
    public async Task A_head_may_not_open_the_import_page()
    {
        using var helga = await server.SignInWithCookieAsync("helga");
        using var response = await helga.GetAsync("/admin/import/users");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/account/denied");
    }

    [GeneratedRegex("<h1[^>]*>Import users from CSV</h1>")]
    private static partial Regex Heading();

    [GeneratedRegex("href=\"data:text/csv;charset=utf-8;base64,([A-Za-z0-9+/=]+)\" download=\"users-template.csv\"")]
    private static partial Regex TemplateLink();
}
