using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CrmBpm.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace CrmBpm.EndToEnd;

/// <summary>
/// My tasks in a real browser against the real server and its demo data: a manager works through a task of a running
/// Typical sale, sees a task another person's process creates arrive without reloading, and reads a refusal on the card.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class MyTasksInTheBrowser(ServerFixture server)
{
    private const string Rollout = "Romashka: CRM rollout";

    [Fact]
    public async Task Anna_completes_a_task_of_a_running_typical_sale_with_its_field_and_the_next_task_appears()
    {
        var page = await server.SignInAsync("anna", "manager1");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "My tasks" }).ClickAsync();
        var list = page.GetByTestId("task-list");
        await list.WaitForAsync();

        // The demo's two running Typical sales: the Nordwind qualification anna took, the Romashka needs in her pool.
        var fleet = Row(page, "Qualify the deal Nordwind: fleet software for 40 trucks");
        (await fleet.Locator("td[data-label=Status]").InnerTextAsync()).ShouldBe("Accepted by me");
        var needs = Row(page, "Needs", Rollout);
        (await needs.Locator("td[data-label='Route map']").InnerTextAsync()).ShouldBe("Typical sale");
        (await needs.Locator("td[data-label=Subject] a").GetAttributeAsync("href")).ShouldStartWith("deals/");
        await ServerFixture.ScreenshotAsync(page, "my-tasks-1280");

        await needs.Locator("td.title a").ClickAsync();
        await page.Locator("h1", new() { HasText = "Needs" }).WaitForAsync();
        (await page.GetByTestId("task-subject").InnerTextAsync()).ShouldBe(Rollout);
        var history = await page.GetByTestId("history").InnerTextAsync();
        history.ShouldContain("Anna Petrova completed “Qualify the deal Romashka: CRM rollout”.");
        history.ShouldContain("Task “Needs” was created for pool Sales manager.");
        await ServerFixture.ScreenshotAsync(page, "task-card-1280");

        await page.GetByRole(AriaRole.Button, new() { Name = "Complete", Exact = true }).ClickAsync();
        (await page.Locator("#field-needs-problem").InnerTextAsync()).ShouldBe("“What the customer needs” is required.");

        // The message goes as the field is filled, before the click: were it to go on blur, the button would move
        // between mouse-down and mouse-up and the click would be lost.
        await page.Locator("#field-needs").FillAsync("A CRM for 12 sales people, with telephony.");
        await Assertions.Expect(page.Locator("#field-needs-problem")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Complete", Exact = true }).ClickAsync();

        await ServerFixture.WaitForAddressAsync(page, url => url.EndsWith("/tasks", StringComparison.Ordinal));
        var notice = page.GetByTestId("task-notice");
        (await notice.InnerTextAsync()).ShouldContain("Completed “Needs”.");
        await notice.GetByRole(AriaRole.Link, new() { Name = "Offer" }).WaitForAsync();
        var offer = Row(page, "Offer", Rollout);
        await offer.WaitForAsync();
        (await offer.GetAttributeAsync("class") ?? "").ShouldContain("next");
        await Assertions.Expect(Row(page, "Needs", Rollout)).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_task_a_process_creates_for_annas_pool_appears_on_her_open_page_and_in_the_counter_without_a_reload()
    {
        var anna = await server.SignInAsync("anna", "manager1");
        await anna.GotoAsync("tasks");
        await ServerFixture.WaitForCircuitAsync(anna);
        await anna.GetByTestId("task-list").WaitForAsync();
        var counter = anna.GetByTestId("task-counter");
        var before = int.Parse(await counter.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        await anna.EvaluateAsync("() => window.__sameDocument = true");

        // Boris, at another computer, opens a process-controlled deal: its Typical sale puts the qualification into
        // the Sales manager pool, which anna belongs to.
        var title = $"Helios Solar: route planning {Guid.NewGuid():N}"[..40];
        using var boris = await server.ApiAsync("boris", "manager2");
        await ServerFixture.OpenProcessDealAsync(boris, title);

        var arrived = Row(anna, $"Qualify the deal {title}");
        await arrived.WaitForAsync();
        await Assertions.Expect(counter).ToHaveTextAsync((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        (await anna.EvaluateAsync<bool>("() => window.__sameDocument === true")).ShouldBeTrue("the page was not reloaded");
        (await arrived.Locator("td[data-label=Subject]").InnerTextAsync()).ShouldContain(title);
        (await arrived.Locator("td[data-label=Performer]").InnerTextAsync()).ShouldBe("pool Sales manager");
        await anna.Context.CloseAsync();
    }

    [Fact]
    public async Task Boris_completing_a_task_in_his_browser_makes_the_next_task_appear_on_annas_open_page()
    {
        var title = $"Ostsee Fisch: cold chain {Guid.NewGuid():N}"[..38];
        using var api = await server.ApiAsync("boris", "manager2");
        await ServerFixture.OpenProcessDealAsync(api, title);

        var anna = await server.SignInAsync("anna", "manager1");
        await anna.GotoAsync("tasks");
        await ServerFixture.WaitForCircuitAsync(anna);
        var qualification = Row(anna, $"Qualify the deal {title}");
        await qualification.WaitForAsync();
        var href = await qualification.Locator("td.title a").GetAttributeAsync("href") ?? "";
        await anna.EvaluateAsync("() => window.__sameDocument = true");

        // Boris, in his own browser, opens the same pool task and completes it on its card.
        var boris = await server.SignInAsync("boris", "manager2");
        await boris.GotoAsync(href);
        await ServerFixture.WaitForCircuitAsync(boris);
        await boris.GetByRole(AriaRole.Button, new() { Name = "Complete", Exact = true }).ClickAsync();
        await ServerFixture.WaitForAddressAsync(boris, url => url.EndsWith("/tasks", StringComparison.Ordinal));

        // Anna's page follows without a reload: the qualification leaves, the process's next task arrives.
        await Assertions.Expect(qualification).ToHaveCountAsync(0);
        await Row(anna, "Needs", title).WaitForAsync();
        (await anna.EvaluateAsync<bool>("() => window.__sameDocument === true")).ShouldBeTrue("the page was not reloaded");
        await ServerFixture.ScreenshotAsync(anna, "my-tasks-live-from-another-browser");
        await boris.Context.CloseAsync();
        await anna.Context.CloseAsync();
    }

    [Fact]
    public async Task A_task_someone_else_completed_meanwhile_is_refused_on_the_card_in_a_sentence()
    {
        var title = $"Baltic Timber: scanners {Guid.NewGuid():N}"[..36];
        using var boris = await server.ApiAsync("boris", "manager2");
        await ServerFixture.OpenProcessDealAsync(boris, title);

        var anna = await server.SignInAsync("anna", "manager1");
        await anna.GotoAsync("tasks");
        await Row(anna, $"Qualify the deal {title}").Locator("td.title a").ClickAsync();
        var complete = anna.GetByRole(AriaRole.Button, new() { Name = "Complete", Exact = true });
        await complete.WaitForAsync();

        // Boris takes the same pool task and completes it while anna's card is open.
        var taskId = anna.Url[(anna.Url.LastIndexOf('/') + 1)..];
        (await boris.PostAsJsonAsync($"api/tasks/{taskId}/complete", new { })).EnsureSuccessStatusCode();
        await complete.ClickAsync();

        var refusal = anna.GetByTestId("refusal");
        await Assertions.Expect(refusal).ToContainTextAsync("Not done: Boris Nowak already completed this task at");
        (await anna.GetByTestId("task-closed").InnerTextAsync()).ShouldStartWith("Completed by Boris Nowak");
        (await complete.CountAsync()).ShouldBe(0);
        (await anna.Locator("#blazor-error-ui").IsVisibleAsync()).ShouldBeFalse();
        await ServerFixture.ScreenshotAsync(anna, "task-card-refusal-1280");
        await anna.Context.CloseAsync();
    }

    [Fact]
    public async Task The_list_and_the_card_fit_a_phone()
    {
        var page = await server.SignInAsync("anna", "manager1", width: 390, height: 844);
        await page.GotoAsync("tasks");
        var fleet = Row(page, "Qualify the deal Nordwind: fleet software for 40 trucks");
        await fleet.WaitForAsync();
        (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue("no sideways scrolling");
        await ServerFixture.ScreenshotAsync(page, "my-tasks-390");

        await fleet.Locator("td.title a").ClickAsync();
        await page.Locator("h1", new() { HasText = "Qualify the deal" }).WaitForAsync();
        (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue("no sideways scrolling");
        await ServerFixture.ScreenshotAsync(page, "task-card-390");
        await page.Context.CloseAsync();
    }

    /// <summary>The row of the task titled <paramref name="title"/> (about <paramref name="subject"/>, when given).</summary>
    private static ILocator Row(IPage page, string title, string? subject = null)
    {
        var rows = page.Locator("[data-testid=task-list] tbody tr")
            .Filter(new() { Has = page.Locator("td.title", new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^\\s*{System.Text.RegularExpressions.Regex.Escape(title)}\\s*$") }) });
        return subject is null ? rows : rows.Filter(new() { Has = page.Locator("td[data-label=Subject]", new() { HasTextString = subject }) });
    }
}
