using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CrmBpm.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace CrmBpm.EndToEnd;

/// <summary>
/// The notification bell in a real browser against the real server and its demo data (issue #16): a process someone else
/// starts gives anna's pool a task, her bell counts it without a reload, she opens the list, follows the notification to the
/// task, and the count goes down.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class NotificationsInTheBrowser(ServerFixture server)
{
    [Fact]
    public async Task A_task_for_annas_pool_rings_her_bell_live_and_opening_it_leads_to_the_task_and_reads_it()
    {
        var anna = await server.SignInAsync("anna", "manager1");
        var before = await CountAsync(anna);
        await anna.EvaluateAsync("() => window.__sameDocument = true");

        // Boris, at another computer, opens a process-controlled deal: its Typical sale puts the qualification into the
        // Sales manager pool, which anna belongs to.
        var title = $"Helios Solar: bells {Guid.NewGuid():N}"[..32];
        using (var boris = await server.ApiAsync("boris", "manager2"))
        {
            await ServerFixture.OpenProcessDealAsync(boris, title);
        }

        var count = anna.GetByTestId("notification-count");
        await Assertions.Expect(count).ToHaveTextAsync((before + 1).ToString(CultureInfo.InvariantCulture));
        (await anna.EvaluateAsync<bool>("() => window.__sameDocument === true")).ShouldBeTrue("the page was not reloaded");
        await ServerFixture.ScreenshotAsync(anna, "notification-bell-1280");

        await anna.GetByTestId("notification-bell").ClickAsync();
        await ServerFixture.WaitForAddressAsync(anna, url => url.EndsWith("/notifications", StringComparison.Ordinal));
        var item = anna.GetByTestId("notification").Filter(new() { HasTextString = $"New task in your pool: Qualify the deal {title}" });
        await item.WaitForAsync();
        (await item.GetAttributeAsync("class") ?? "").ShouldContain("unread");
        await ServerFixture.ScreenshotAsync(anna, "notifications-1280");

        await item.GetByRole(AriaRole.Link).ClickAsync();
        await ServerFixture.WaitForAddressAsync(anna, url => url.Contains("/tasks/", StringComparison.Ordinal));
        await anna.Locator("h1", new() { HasTextString = $"Qualify the deal {title}" }).WaitForAsync();
        await Assertions.Expect(count).ToHaveCountAsync(before == 0 ? 0 : 1);
        if (before > 0)
        {
            await Assertions.Expect(count).ToHaveTextAsync(before.ToString(CultureInfo.InvariantCulture));
        }

        await ServerFixture.ScreenshotAsync(anna, "notification-followed-to-task-1280");
        await anna.Context.CloseAsync();
    }

    private static async Task<int> CountAsync(IPage page)
    {
        var count = page.GetByTestId("notification-count");
        return await count.CountAsync() == 0 ? 0 : int.Parse(await count.InnerTextAsync(), CultureInfo.InvariantCulture);
    }
}
