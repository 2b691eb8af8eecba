using CrmBpm.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace CrmBpm.EndToEnd;

/// <summary>The Head's team page and the Administrator's catalogue editor in a real browser.</summary>
[Collection(ServerCollection.Name)]
public sealed class TeamAndCataloguesInTheBrowser(ServerFixture server)
{
    [Fact]
    public async Task The_administrator_adds_renames_moves_and_archives_a_loss_reason()
    {
        var page = await server.SignInAsync("admin", "administrator1");
        await page.GotoAsync("admin");
        await ServerFixture.WaitForCircuitAsync(page);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Loss reasons" }).ClickAsync();
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Loss reasons" });
        await table.WaitForAsync();

        var name = "Budget frozen " + Guid.NewGuid().ToString("N")[..6];
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Status).GetByText($"Added “{name}”.").WaitForAsync();
        var rows = table.Locator("tbody tr");
        (await rows.Last.InnerTextAsync()).ShouldContain(name);

        await page.GetByRole(AriaRole.Button, new() { Name = $"Move {name} up" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).GetByText("Order saved.").WaitForAsync();
        (await rows.Nth(await rows.CountAsync() - 2).InnerTextAsync()).ShouldContain(name);

        var row = rows.Filter(new() { HasText = name });
        await row.GetByRole(AriaRole.Button, new() { Name = "Rename" }).ClickAsync();
        var renamed = name + " (until Q3)";
        await page.GetByLabel($"New name of {name}").FillAsync(renamed);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).GetByText($"Renamed to “{renamed}”.").WaitForAsync();
        await ServerFixture.ScreenshotAsync(page, "server-admin-catalogues");

        await page.GetByRole(AriaRole.Button, new() { Name = $"Archive {renamed}" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).GetByText($"“{renamed}” is archived.").WaitForAsync();
        (await table.GetByText(renamed).CountAsync()).ShouldBe(0, "archived entries are no longer offered");
        await page.GetByLabel("Show archived entries").CheckAsync();
        await table.Locator("tr.archived").Filter(new() { HasText = renamed }).WaitForAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Archiving_the_default_entry_is_refused_with_what_to_do()
    {
        var page = await server.SignInAsync("admin", "administrator1");
        await page.GotoAsync("admin");
        await ServerFixture.WaitForCircuitAsync(page);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Loss reasons" }).ClickAsync();
        var defaultRow = page.Locator("tbody tr").Filter(new() { HasText = "default" }).First;
        await defaultRow.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Archive ") }).ClickAsync();
        (await page.GetByRole(AriaRole.Alert).InnerTextAsync()).ShouldContain("make another item the default before archiving it");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_head_reads_the_reports_at_desktop_and_phone_width()
    {
        foreach (var (width, height, suffix) in new[] { (1280, 720, ""), (390, 844, "-phone") })
        {
            var page = await server.SignInAsync("helga", "head1234", width, height);
            await page.GetByRole(AriaRole.Link, new() { Name = "Reports" }).ClickAsync();
            var funnel = page.GetByRole(AriaRole.Table, new() { Name = "Sales funnel: deals in work by stage" });
            await funnel.WaitForAsync();
            (await funnel.GetByRole(AriaRole.Row).CountAsync()).ShouldBeGreaterThan(3);
            await ServerFixture.ScreenshotAsync(page, "server-reports" + suffix);
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_head_sees_the_team_at_desktop_and_phone_width()
    {
        foreach (var (width, height, suffix) in new[] { (1280, 720, ""), (390, 844, "-phone") })
        {
            var page = await server.SignInAsync("helga", "head1234", width, height);
            await page.GetByRole(AriaRole.Link, new() { Name = "Team" }).ClickAsync();
            var anna = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Anna Petrova" });
            await anna.WaitForAsync();
            (await page.GetByRole(AriaRole.Columnheader, new() { Name = "Open tasks" }).IsVisibleAsync()).ShouldBeTrue();
            await ServerFixture.ScreenshotAsync(page, "server-team" + suffix);
            await page.Context.CloseAsync();
        }
    }
}
