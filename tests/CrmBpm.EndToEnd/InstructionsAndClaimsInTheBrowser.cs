using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CrmBpm.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace CrmBpm.EndToEnd;

/// <summary>
/// Managers' instructions and claims in a real browser against the real server: anna gives boris an instruction and
/// returns it with a comment he then reads; anna registers a claim, plans it, watches the plan's tasks and decides it.
/// Each test makes its own data, since other tests change the shared demo database.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class InstructionsAndClaimsInTheBrowser(ServerFixture server)
{
    [Fact]
    public async Task Anna_gives_boris_an_instruction_returns_it_with_a_comment_he_reads_and_accepts_the_second_round()
    {
        var title = $"Update the Nordwind price list {Guid.NewGuid():N}"[..40];
        var anna = await server.SignInAsync("anna", "manager1");
        await OpenAsync(anna, "instructions/new");
        await anna.GetByLabel("What is to be done").FillAsync(title);
        await anna.GetByLabel("Performer").SelectOptionAsync("boris");
        await ServerFixture.ScreenshotAsync(anna, "instructions-new");
        await anna.GetByRole(AriaRole.Button, new() { Name = "Give the instruction" }).ClickAsync();
        await ServerFixture.WaitForAddressAsync(anna, url => url.Contains("/instructions/", StringComparison.Ordinal) && !url.EndsWith("/new", StringComparison.Ordinal));
        var id = Guid.Parse(anna.Url.Split('/')[^1]);
        (await anna.GetByTestId("instruction-stage").InnerTextAsync()).ShouldBe("In work");
        await ServerFixture.ScreenshotAsync(anna, "instruction-author-in-work");

        var boris = await server.SignInAsync("boris", "manager2");
        await OpenAsync(boris, "instructions");
        (await boris.GetByTestId("view-for-me").GetAttributeAsync("aria-current")).ShouldBe("page");
        await boris.GetByRole(AriaRole.Link, new() { Name = title }).WaitForAsync();
        await ServerFixture.ScreenshotAsync(boris, "instructions-for-me");

        using (var api = await server.ApiAsync("boris", "manager2"))
        {
            (await api.PostAsync($"api/instructions/{id}/accept", null)).EnsureSuccessStatusCode();
            (await api.PostAsJsonAsync($"api/instructions/{id}/report", new { report = "Prices updated." })).EnsureSuccessStatusCode();
        }

        await OpenAsync(anna, $"instructions/{id}");
        (await anna.GetByTestId("instruction-stage").InnerTextAsync()).ShouldBe("Awaiting verification");
        await anna.GetByTestId("return").ClickAsync();
        await anna.GetByTestId("comment-required").WaitForAsync();
        await ServerFixture.ScreenshotAsync(anna, "instruction-return-needs-a-comment");
        await anna.GetByTestId("return-comment").FillAsync("Add the new freight rates too.");
        await anna.GetByTestId("return").ClickAsync();
        await anna.GetByTestId("instruction-stage").GetByText("Returned").WaitForAsync();

        await OpenAsync(boris, $"instructions/{id}");
        (await boris.GetByTestId("return-note").InnerTextAsync()).ShouldContain("Add the new freight rates too.");
        (await boris.GetByTestId("instruction-history").InnerTextAsync()).ShouldContain("Add the new freight rates too.");
        await ServerFixture.ScreenshotAsync(boris, "instruction-returned-performer");
        await boris.GetByTestId("accept").ClickAsync();
        await boris.GetByTestId("report").FillAsync("Freight rates added.");
        await boris.GetByTestId("report-done").ClickAsync();
        await boris.GetByTestId("instruction-stage").GetByText("Awaiting verification").WaitForAsync();

        await OpenAsync(anna, $"instructions/{id}");
        await anna.GetByTestId("verify").ClickAsync();
        await anna.GetByTestId("instruction-stage").GetByText("Done").WaitForAsync();
        await ServerFixture.ScreenshotAsync(anna, "instruction-done");
        await OpenAsync(anna, "instructions?view=given&status=Done");
        await anna.GetByRole(AriaRole.Link, new() { Name = title }).WaitForAsync();
        await ServerFixture.ScreenshotAsync(anna, "instructions-given-done");

        var phone = await server.SignInAsync("boris", "manager2", 390, 844);
        await OpenAsync(phone, "instructions");
        await ServerFixture.ScreenshotAsync(phone, "instructions-for-me-phone");
        await OpenAsync(phone, $"instructions/{id}");
        await ServerFixture.ScreenshotAsync(phone, "instruction-done-phone");
        await OpenAsync(phone, "instructions/new");
        await ServerFixture.ScreenshotAsync(phone, "instructions-new-phone");
        await Task.WhenAll(anna.Context.CloseAsync(), boris.Context.CloseAsync(), phone.Context.CloseAsync());
    }

    [Fact]
    public async Task Anna_registers_a_claim_plans_two_items_follows_their_tasks_and_records_the_decision()
    {
        var description = $"Pallets arrived broken ({Guid.NewGuid():N})";
        var anna = await server.SignInAsync("anna", "manager1");
        await OpenAsync(anna, "claims/new");
        await anna.GetByTestId("partner").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await anna.GetByTestId("reason").SelectOptionAsync(new SelectOptionValue { Label = "Product quality" });
        await anna.GetByTestId("department").SelectOptionAsync(new SelectOptionValue { Label = "Quality" });
        await anna.GetByTestId("description").FillAsync(description);
        await ServerFixture.ScreenshotAsync(anna, "claims-new");
        await anna.GetByRole(AriaRole.Button, new() { Name = "Register the claim" }).ClickAsync();
        await ServerFixture.WaitForAddressAsync(anna, url => url.Contains("/claims/", StringComparison.Ordinal) && !url.EndsWith("/new", StringComparison.Ordinal));
        var id = Guid.Parse(anna.Url.Split('/')[^1]);
        await anna.GetByTestId("plan-empty").WaitForAsync();

        await AddPlanItemAsync(anna, "Call the customer", "anna", DateTime.Now.AddDays(2));
        await anna.GetByTestId("plan-item").First.WaitForAsync();
        await AddPlanItemAsync(anna, "Inspect the packaging line", "boris", DateTime.Now.AddDays(-1));
        await anna.GetByTestId("plan-item").Nth(1).WaitForAsync();
        (await anna.GetByTestId("plan-progress").InnerTextAsync()).ShouldContain("0 of 2 done (0%)");
        (await anna.GetByTestId("plan-overdue").InnerTextAsync()).ShouldBe("1 overdue");
        (await anna.GetByTestId("decision-refused").InnerTextAsync()).ShouldContain("Inspect the packaging line");
        await ServerFixture.ScreenshotAsync(anna, "claim-planned");

        var tasks = new Dictionary<string, Guid>();
        using (var annasApi = await server.ApiAsync("anna", "manager1"))
        {
            var claim = await annasApi.GetFromJsonAsync<JsonElement>($"api/claims/{id}");
            foreach (var item in claim.GetProperty("planItems").EnumerateArray())
            {
                tasks[item.GetProperty("performerId").GetString()!] = item.GetProperty("taskId").GetGuid();
            }

            tasks.Count.ShouldBe(2, "each plan item became a task");
            (await annasApi.PostAsync($"api/tasks/{tasks["anna"]}/accept", null)).EnsureSuccessStatusCode();
        }

        await OpenAsync(anna, $"claims/{id}");
        (await anna.GetByTestId("plan-item-state").First.InnerTextAsync()).ShouldStartWith("Accepted by Anna Petrova");
        using (var annasApi = await server.ApiAsync("anna", "manager1"))
        using (var borisApi = await server.ApiAsync("boris", "manager2"))
        {
            (await annasApi.PostAsync($"api/tasks/{tasks["anna"]}/complete", null)).EnsureSuccessStatusCode();
            (await borisApi.PostAsync($"api/tasks/{tasks["boris"]}/complete", null)).EnsureSuccessStatusCode();
        }

        await OpenAsync(anna, $"claims/{id}");
        (await anna.GetByTestId("plan-progress").InnerTextAsync()).ShouldContain("2 of 2 done (100%)");
        (await anna.GetByTestId("plan-item-state").Nth(1).InnerTextAsync()).ShouldStartWith("Done by Boris Nowak");
        await anna.GetByTestId("not-satisfied").CheckAsync();
        await anna.GetByTestId("record-decision").ClickAsync();
        (await anna.GetByTestId("claim-refusal").InnerTextAsync()).ShouldContain("Say why the claim was not satisfied.");
        await ServerFixture.ScreenshotAsync(anna, "claim-decision-refused");
        await anna.GetByTestId("decision-details").FillAsync("The damage happened at the customer's warehouse.");
        await anna.GetByTestId("record-decision").ClickAsync();
        await anna.GetByTestId("claim-status").GetByText("Not satisfied").WaitForAsync();
        (await anna.GetByTestId("decision").InnerTextAsync()).ShouldContain("Not satisfied");
        await ServerFixture.ScreenshotAsync(anna, "claim-decided");

        await anna.GetByTestId("new-instruction").ClickAsync();
        await ServerFixture.WaitForAddressAsync(anna, url => url.Contains("subjectKind=Claim", StringComparison.Ordinal));
        await ServerFixture.WaitForCircuitAsync(anna);
        (await anna.GetByTestId("subject").InnerTextAsync()).ShouldContain("About the claim");

        await OpenAsync(anna, "claims?status=Closed");
        await anna.GetByTestId("claims").WaitForAsync();
        await ServerFixture.ScreenshotAsync(anna, "claims-closed");

        var phone = await server.SignInAsync("anna", "manager1", 390, 844);
        await OpenAsync(phone, "claims");
        await ServerFixture.ScreenshotAsync(phone, "claims-phone");
        await OpenAsync(phone, $"claims/{id}");
        await ServerFixture.ScreenshotAsync(phone, "claim-decided-phone");
        await OpenAsync(phone, "claims/new");
        await ServerFixture.ScreenshotAsync(phone, "claims-new-phone");
        await anna.Context.CloseAsync();
        await phone.Context.CloseAsync();
    }

    private static async Task AddPlanItemAsync(IPage page, string title, string performer, DateTime deadline)
    {
        await page.GetByTestId("item-title").FillAsync(title);
        await page.GetByTestId("item-performer").SelectOptionAsync(performer);
        await page.GetByTestId("item-deadline").FillAsync(deadline.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await page.GetByTestId("add-item").ClickAsync();
    }

    private static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await ServerFixture.WaitForCircuitAsync(page);
    }
}
