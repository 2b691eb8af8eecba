using System.Text;
using CrmBpm.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace CrmBpm.EndToEnd;

/// <summary>The Administrator imports users from a CSV file in a real browser: preview, import with progress, report.</summary>
[Collection(ServerCollection.Name)]
public sealed class ImportingUsersInTheBrowser(ServerFixture server)
{
    [Fact]
    public async Task The_administrator_previews_a_file_imports_its_valid_rows_and_a_second_preview_shows_no_change()
    {
        var page = await server.SignInAsync("admin", "administrator1");
        await page.GotoAsync("admin/users");
        await ServerFixture.WaitForCircuitAsync(page);
        (await page.GetByTestId("demo-users").InnerTextAsync()).ShouldContain("Remove the demo users");
        await ServerFixture.ScreenshotAsync(page, "server-admin-users-demo");
        await page.GetByRole(AriaRole.Link, new() { Name = "Import from CSV" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Import users from CSV" }).WaitForAsync();

        var csv = Encoding.UTF8.GetBytes(string.Join("\r\n",
            "userName;displayName;email;roles;department;pools",
            "e2e.olga;Ольга Орлова;olga@example.com;Manager;Sales;Sales manager@North",
            "e2e.piet;Piet de Vries;piet@example.com;Manager|Head;Sales;\"Sales manager|Accountant\"",
            "e2e.bad;Bad Row;anna@;Pilot;;",
            ""));
        var file = new FilePayload { Name = "people.csv", MimeType = "text/csv", Buffer = csv };
        await page.Locator("input[type=file]").SetInputFilesAsync(file);
        var preview = page.GetByRole(AriaRole.Table, new() { Name = "What each row would do" });
        await preview.WaitForAsync();
        (await page.Locator("p.summary").InnerTextAsync()).ShouldBe("3 rows: 2 new, 0 to update, 0 unchanged, 1 with problems.");
        var bad = preview.Locator("tr.has-problems");
        (await bad.CountAsync()).ShouldBe(1);
        (await bad.InnerTextAsync()).ShouldContain("row 4, email:");
        (await bad.InnerTextAsync()).ShouldContain("row 4, roles:");
        await ServerFixture.ScreenshotAsync(page, "server-admin-import-preview");

        await page.GetByRole(AriaRole.Button, new() { Name = "Import 2 row(s)" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Imported people.csv" }).WaitForAsync(new() { Timeout = 60_000 });
        (await page.Locator("p.summary").InnerTextAsync()).ShouldBe("2 created, 0 updated, 0 unchanged, 1 failed.");
        (await page.Locator("progress").GetAttributeAsync("value")).ShouldBe("3");
        var passwords = page.GetByRole(AriaRole.Link, new() { Name = "Download the one-time passwords of 2 new user(s) (CSV)" });
        (await passwords.GetAttributeAsync("href"))!.ShouldStartWith("data:text/csv");
        await page.GetByRole(AriaRole.Link, new() { Name = "Download the report (CSV)" }).WaitForAsync();
        await ServerFixture.ScreenshotAsync(page, "server-admin-import-report");

        await page.Locator("input[type=file]").SetInputFilesAsync(file);
        await preview.WaitForAsync();
        (await page.Locator("p.summary").InnerTextAsync()).ShouldBe("3 rows: 0 new, 0 to update, 2 unchanged, 1 with problems.");
        await page.Context.CloseAsync();
    }
}
