using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CrmBpm.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace CrmBpm.EndToEnd;

/// <summary>
/// The views of My tasks in a real browser: Anna postpones a task, finds it under Postponed with its date, brings it back,
/// completes it and finds it under Done; a column header sorts the list, and the URL keeps view and order across a reload.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class MyTaskViewsInTheBrowser(ServerFixture server)
{
    [Fact]
    public async Task Anna_postpones_a_task_brings_it_back_completes_it_and_finds_it_in_done()
    {
        var title = $"Kaspi Trade: postponed {Guid.NewGuid():N}"[..36];
        using (var boris = await server.ApiAsync("boris", "manager2"))
        {
            await ServerFixture.OpenProcessDealAsync(boris, title);
        }

        var anna = await server.SignInAsync("anna", "manager1");
        await anna.GotoAsync("tasks");
        await ServerFixture.WaitForCircuitAsync(anna);
        await Row(anna, $"Qualify the deal {title}").Locator("td.title a").ClickAsync();
        await anna.Locator("h1", new() { HasText = title }).WaitForAsync();
        await anna.Locator("summary", new() { HasTextString = "Postpone" }).ClickAsync();
        await anna.GetByTestId("postpone").ClickAsync();
        await ServerFixture.WaitForAddressAsync(anna, url => url.EndsWith("/tasks", StringComparison.Ordinal));
        await Assertions.Expect(Row(anna, $"Qualify the deal {title}")).ToHaveCountAsync(0);

        await anna.GetByTestId("task-views").GetByRole(AriaRole.Link, new() { Name = "Postponed" }).ClickAsync();
        await ServerFixture.WaitForAddressAsync(anna, url => url.EndsWith("/tasks?view=postponed", StringComparison.Ordinal));
        var postponed = Row(anna, $"Qualify the deal {title}");
        await postponed.WaitForAsync();
        (await postponed.GetByTestId("postponed-until").InnerTextAsync()).ShouldContain("9:00");
        await ServerFixture.ScreenshotAsync(anna, "my-tasks-postponed-1280");

        // A reload (and a language switch, which is one) keeps the view.
        await anna.ReloadAsync();
        await ServerFixture.WaitForCircuitAsync(anna);
        await Row(anna, $"Qualify the deal {title}").WaitForAsync();

        await Row(anna, $"Qualify the deal {title}").GetByTestId("bring-back").ClickAsync();
        await Assertions.Expect(anna.GetByTestId("task-notice")).ToContainTextAsync($"“Qualify the deal {title}” is back in your open tasks.");
        await Assertions.Expect(Row(anna, $"Qualify the deal {title}")).ToHaveCountAsync(0);

        await anna.GetByTestId("task-views").GetByRole(AriaRole.Link, new() { Name = "Open" }).ClickAsync();
        await Row(anna, $"Qualify the deal {title}").Locator("td.title a").ClickAsync();
        await anna.GetByRole(AriaRole.Button, new() { Name = "Complete", Exact = true }).ClickAsync();
        await ServerFixture.WaitForAddressAsync(anna, url => url.EndsWith("/tasks", StringComparison.Ordinal));

        await anna.GetByTestId("task-views").GetByRole(AriaRole.Link, new() { Name = "Done" }).ClickAsync();
        var done = Row(anna, $"Qualify the deal {title}");
        await done.WaitForAsync();
        (await done.GetByTestId("outcome").InnerTextAsync()).ShouldBe("Completed");
        (await anna.Locator("[data-testid=task-list] tbody tr td.title").First.InnerTextAsync()).Trim().ShouldBe($"Qualify the deal {title}", "newest first");
        await ServerFixture.ScreenshotAsync(anna, "my-tasks-done-1280");
        await anna.Context.CloseAsync();
    }

    [Fact]
    public async Task A_header_sorts_by_its_column_either_way_and_a_reload_keeps_the_order()
    {
        var anna = await server.SignInAsync("anna", "manager1");
        await anna.GotoAsync("tasks");
        await ServerFixture.WaitForCircuitAsync(anna);
        var list = anna.GetByTestId("task-list");
        await list.WaitForAsync();
        var task = list.Locator("th[data-sort=title]");
        (await task.GetAttributeAsync("aria-sort")).ShouldBe("none");

        await task.GetByRole(AriaRole.Link).ClickAsync();

        await ServerFixture.WaitForAddressAsync(anna, url => url.EndsWith("/tasks?sort=title", StringComparison.Ordinal));
        await Assertions.Expect(task).ToHaveAttributeAsync("aria-sort", "ascending");
        var ascending = await TitlesAsync(anna);
        ascending.ShouldBe([.. ascending.OrderBy(t => t.ToLowerInvariant(), StringComparer.Ordinal)]);
        await ServerFixture.ScreenshotAsync(anna, "my-tasks-sorted-by-title-1280");

        await task.GetByRole(AriaRole.Link).ClickAsync();

        await ServerFixture.WaitForAddressAsync(anna, url => url.EndsWith("/tasks?sort=title&order=desc", StringComparison.Ordinal));
        await Assertions.Expect(task).ToHaveAttributeAsync("aria-sort", "descending");
        var descending = await TitlesAsync(anna);
        descending.ShouldBe([.. descending.OrderByDescending(t => t.ToLowerInvariant(), StringComparer.Ordinal)]);

        await anna.ReloadAsync();
        await ServerFixture.WaitForCircuitAsync(anna);
        await Assertions.Expect(anna.Locator("th[data-sort=title]")).ToHaveAttributeAsync("aria-sort", "descending");
        await anna.Context.CloseAsync();
    }

    [Fact]
    public async Task The_verify_task_reads_take_into_work_and_accept_the_result_and_the_returned_task_leads_with_the_comment()
    {
        var title = $"Price list {Guid.NewGuid():N}"[..22];
        using var annaApi = await server.ApiAsync("anna", "manager1");
        using var borisApi = await server.ApiAsync("boris", "manager2");
        using var given = await annaApi.PostAsJsonAsync("api/instructions", new { title, performerId = "boris" });
        given.EnsureSuccessStatusCode();
        var id = (await given.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await borisApi.PostAsJsonAsync($"api/instructions/{id}/accept", new { })).EnsureSuccessStatusCode();
        (await borisApi.PostAsJsonAsync($"api/instructions/{id}/report", new { report = "Sent to the customer." })).EnsureSuccessStatusCode();

        var anna = await server.SignInAsync("anna", "manager1");
        await anna.GotoAsync("tasks?sort=created&order=desc");
        await ServerFixture.WaitForCircuitAsync(anna);
        await Row(anna, $"Check: {title}").Locator("td.title a").ClickAsync();
        await anna.Locator("h1", new() { HasText = title }).WaitForAsync();
        (await anna.GetByTestId("accept").InnerTextAsync()).Trim().ShouldBe("Take into work");
        (await anna.Locator(".outcomes button").AllInnerTextsAsync()).Select(t => t.Trim()).ShouldBe(["Accept the result", "Return for rework"]);
        await ServerFixture.ScreenshotAsync(anna, "verify-task-1280");
        await anna.Locator("#field-returnComment").FillAsync("Add the March prices, please.");
        await anna.GetByRole(AriaRole.Button, new() { Name = "Return for rework" }).ClickAsync();
        await ServerFixture.WaitForAddressAsync(anna, url => url.EndsWith("/tasks", StringComparison.Ordinal));

        var boris = await server.SignInAsync("boris", "manager2");
        await boris.GotoAsync("tasks");
        await ServerFixture.WaitForCircuitAsync(boris);
        await Row(boris, title).Locator("td.title a").ClickAsync();
        var note = boris.GetByTestId("return-note");
        await Assertions.Expect(note).ToContainTextAsync("Returned for rework by Anna Petrova");
        (await note.Locator("p").InnerTextAsync()).ShouldBe("Add the March prices, please.");
        (await boris.GetByTestId("history").InnerTextAsync()).ShouldContain($"Anna Petrova completed “Check: {title}”: Return for rework.");
        await ServerFixture.ScreenshotAsync(boris, "returned-task-1280");
        await anna.Context.CloseAsync();
        await boris.Context.CloseAsync();
    }

    private static async Task<List<string>> TitlesAsync(IPage page) =>
        [.. (await page.Locator("[data-testid=task-list] tbody tr td.title a").AllInnerTextsAsync()).Select(t => t.Trim())];

    /// <summary>The row of the task titled <paramref name="title"/>.</summary>
    private static ILocator Row(IPage page, string title) =>
        page.Locator("[data-testid=task-list] tbody tr")
            .Filter(new() { Has = page.Locator("td.title", new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^\\s*{System.Text.RegularExpressions.Regex.Escape(title)}\\s*$") }) });
}
