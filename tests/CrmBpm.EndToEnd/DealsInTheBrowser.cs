using System.Text.Json;
using System.Text.RegularExpressions;
using CrmBpm.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace CrmBpm.EndToEnd;

/// <summary>
/// A manager's deals in the real server: opening deals from the UI, moving a manual deal's stage back and forth with
/// every move logged, a process-controlled deal refusing a stage click and naming the task that moves it, finishing a
/// deal as lost with a reason. Each test opens its own deals; the demo data is shared with other tests.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed partial class DealsInTheBrowser(ServerFixture server)
{
    [Fact]
    public async Task Anna_opens_a_manual_deal_skips_ahead_steps_back_and_sees_both_moves_in_the_log()
    {
        var page = await server.SignInAsync("anna", "manager1");
        var title = $"Scanners for the Hamburg depot {Guid.NewGuid():N}"[..40];
        await OpenDealAsync(page, title, "Acme Supplies", "Manual stages");

        await StageButton(page, "Proposal").ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Stage: Proposal" }).WaitForAsync();
        await StageButton(page, "Qualification").ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Stage: Qualification" }).WaitForAsync();

        var log = page.Locator("[data-testid=stage-log] tbody tr");
        await log.Nth(1).WaitForAsync();
        var rows = (await log.AllInnerTextsAsync()).Select(Squash).ToList();
        rows.Count.ShouldBe(2);
        rows[0].ShouldContain("Proposal → Qualification");
        rows[0].ShouldContain("anna");
        rows[1].ShouldContain("to Proposal");
        rows[1].ShouldContain("anna");
        (await page.Locator("[data-testid=stage-bar] [aria-current=step]").InnerTextAsync()).Trim().ShouldBe("Qualification");
        await ServerFixture.ScreenshotAsync(page, "deal-card-manual");

        // The list finds it by title, and by partner.
        await page.GetByRole(AriaRole.Link, new() { Name = "Deals", Exact = true }).First.ClickAsync();
        await page.Locator("[data-testid=deal-filters] [data-ready], .title-row[data-ready]").First.WaitForAsync();
        await page.GetByRole(AriaRole.Searchbox).FillAsync(title[..20]);
        await page.GetByRole(AriaRole.Searchbox).PressAsync("Enter");
        // The new deal is on the unfiltered list too (newest first), so wait for the filtered list itself.
        await Assertions.Expect(page.Locator("[data-testid=deals] tbody tr")).ToHaveCountAsync(1);
        await page.Locator("[data-testid=deals] tbody tr").Filter(new() { HasText = title }).WaitForAsync();
        await page.GetByRole(AriaRole.Searchbox).FillAsync("");
        await page.GetByRole(AriaRole.Searchbox).PressAsync("Enter");
        await ServerFixture.ScreenshotAsync(page, "deal-list");
        await page.Context.CloseAsync();

        var phone = await server.SignInAsync("anna", "manager1", 390, 844);
        await phone.GotoAsync("deals");
        await phone.Locator(".title-row[data-ready]").WaitForAsync();
        await ServerFixture.ScreenshotAsync(phone, "deal-list-phone");
        await phone.Locator("[data-testid=deals] a", new() { HasText = title }).ClickAsync();
        await phone.Locator("[data-testid=stage-log]").WaitForAsync();
        await ServerFixture.ScreenshotAsync(phone, "deal-card-manual-phone");
        await phone.Context.CloseAsync();
    }

    [Fact]
    public async Task A_process_controlled_deal_refuses_a_stage_click_naming_the_task_and_moves_when_the_task_is_completed()
    {
        var page = await server.SignInAsync("anna", "manager1");
        var title = $"Fleet software {Guid.NewGuid():N}"[..30];
        await OpenDealAsync(page, title, "Nordwind Logistik", "Process-controlled");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Stage: Qualification" }).WaitForAsync();
        await MapDrawnAsync(page);

        await StageButton(page, "Proposal").ClickAsync();
        var refusal = page.Locator("[data-testid=process-refusal]");
        await refusal.WaitForAsync();
        var text = Squash(await refusal.InnerTextAsync());
        text.ShouldContain("is at stage 'Qualification'");
        text.ShouldContain($"Qualify the deal {title}");
        text.ShouldContain("follows its process");
        await ServerFixture.ScreenshotAsync(page, "deal-card-process-refusal");

        var taskLink = refusal.Locator("[data-testid=refusal-task]");
        var taskId = Guid.Parse(TaskId().Match(await taskLink.GetAttributeAsync("href") ?? "").Groups[1].Value);
        await taskLink.ClickAsync();
        await ServerFixture.WaitForAddressAsync(page, url => url.EndsWith($"/tasks/{taskId}", StringComparison.Ordinal));

        // The task card is another area's page; completing through the API is what it does underneath.
        await CompleteTaskThroughTheApiAsync(page, "anna", "manager1", taskId);

        await page.GoBackAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Stage: Needs analysis" }).WaitForAsync();
        (await page.Locator("[data-testid=stage-log] tbody tr").First.InnerTextAsync()).ShouldContain("Qualification → Needs analysis");
        (await page.Locator("[data-testid=deal-tasks]").InnerTextAsync()).ShouldNotContain("Qualify the deal");
        await MapDrawnAsync(page);
        await ServerFixture.ScreenshotAsync(page, "deal-card-process");
        var url = page.Url;
        await page.Context.CloseAsync();

        var phone = await server.SignInAsync("anna", "manager1", 390, 844);
        await phone.GotoAsync(url);
        await phone.Locator("[data-testid=deal-title][data-ready], header[data-ready]").First.WaitForAsync();
        await StageButton(phone, "Shipment").ClickAsync();
        await phone.Locator("[data-testid=process-refusal]").WaitForAsync();
        await ServerFixture.ScreenshotAsync(phone, "deal-card-process-refusal-phone");
        await phone.Context.CloseAsync();
    }

    [Fact]
    public async Task A_deal_is_marked_lost_only_with_a_reason_from_the_catalogue()
    {
        var page = await server.SignInAsync("anna", "manager1");
        var title = $"Support contract {Guid.NewGuid():N}"[..32];
        await OpenDealAsync(page, title, "Romashka", "Non-process");
        (await page.Locator("[data-testid=stage-bar] [aria-current=step]").InnerTextAsync()).Trim().ShouldBe("In work");

        await page.GetByRole(AriaRole.Button, new() { Name = "Lost…" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Finish as lost" }).ClickAsync();
        await page.GetByText("Choose why the deal was lost.").WaitForAsync();
        (await page.Locator("[data-testid=deal-status]").InnerTextAsync()).ShouldBe("In work");

        await page.Locator("[data-testid=loss-reason]").SelectOptionAsync(new SelectOptionValue { Label = "Chose a competitor" });
        await page.GetByLabel("Details (optional)").FillAsync("They bundled support with the hardware.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Finish as lost" }).ClickAsync();

        await page.Locator("[data-testid=deal-status]", new() { HasText = "Lost" }).WaitForAsync();
        var outcome = await page.Locator("[data-testid=deal-outcome]").InnerTextAsync();
        outcome.ShouldContain("Chose a competitor");
        outcome.ShouldContain("anna");
        (await page.Locator("[data-testid=stage-bar] [aria-current=step]").InnerTextAsync()).Trim().ShouldBe("Lost");
        await ServerFixture.ScreenshotAsync(page, "deal-card-lost");
        await page.Context.CloseAsync();
    }

    /// <summary>The deal's route map is drawn (bpmn-js has put its shapes on the canvas).</summary>
    private static Task MapDrawnAsync(IPage page) => page.Locator("[data-testid=instance-map] .djs-shape").First.WaitForAsync();

    private static ILocator StageButton(IPage page, string stage) =>
        page.Locator("[data-testid=stage-bar] button", new() { HasTextRegex = new Regex($"^\\s*{Regex.Escape(stage)}\\s*$") });

    /// <summary>From the start page through the navigation to /deals/new, fills the form, lands on the new deal's card.</summary>
    private static async Task OpenDealAsync(IPage page, string title, string partner, string kind)
    {
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Deals" }).ClickAsync();
        await page.Locator(".title-row[data-ready]").WaitForAsync();
        await page.Locator("[data-testid=new-deal]").ClickAsync();
        await page.Locator("[data-testid=new-deal-form][data-ready]").WaitForAsync();

        await page.GetByLabel("Title").FillAsync(title);
        await page.Locator("#deal-partner").SelectOptionAsync(new SelectOptionValue { Label = partner });
        await page.Locator("label.choice", new() { HasText = kind }).Locator("input").CheckAsync();
        if (kind == "Process-controlled")
        {
            await page.Locator("#deal-map").SelectOptionAsync("typical-sale");
        }

        await page.GetByLabel("Potential amount").FillAsync("12000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open the deal" }).ClickAsync();
        await ServerFixture.WaitForAddressAsync(page, DealUrl());
        await page.Locator("[data-testid=deal-title]", new() { HasText = title }).WaitForAsync();
    }

    private async Task CompleteTaskThroughTheApiAsync(IPage page, string userName, string password, Guid taskId)
    {
        var api = page.APIRequest;
        var token = await api.PostAsync(new Uri(server.Host.BaseAddress, "api/auth/token").ToString(), new() { DataObject = new { userName, password } });
        token.Ok.ShouldBeTrue(await token.TextAsync());
        var accessToken = (await token.JsonAsync())!.Value.GetProperty("accessToken").GetString();
        var completed = await api.PostAsync(new Uri(server.Host.BaseAddress, $"api/tasks/{taskId}/complete").ToString(), new()
        {
            Headers = new Dictionary<string, string> { ["Authorization"] = $"Bearer {accessToken}" },
            DataObject = new { outcome = (string?)null, variables = new Dictionary<string, JsonElement>() },
        });
        completed.Ok.ShouldBeTrue(await completed.TextAsync());
    }

    private static string Squash(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"/deals/[0-9a-f-]{36}$")]
    private static partial Regex DealUrl();

    [GeneratedRegex(@"tasks/([0-9a-f-]{36})")]
    private static partial Regex TaskId();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
