using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CrmBpm.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace CrmBpm.EndToEnd;

/// <summary>
/// The newcomer's path on the real server: a consultant draws the Typical sale from nothing by mouse, fixes what the live
/// validation reports, saves, publishes and starts it; a manager completes the first task and the instance view follows.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed partial class RouteMapsOnTheServer(ServerFixture server)
{
    [Fact]
    public async Task A_consultant_draws_the_typical_sale_from_nothing_publishes_and_starts_it_and_the_token_moves_on()
    {
        var page = await server.SignInAsync("carl", "consultant1");
        var designer = new DesignerPage(page);
        try
        {
            var key = "sale-" + Guid.NewGuid().ToString("N")[..8];
            await CreateMapAsync(page, key, "Typical sale by Carl");
            await ServerFixture.ScreenshotAsync(page, "server-route-map-new");
            var points = await DrawTypicalSaleAsync(designer);
            await SaveAndPublishAsync(page);

            // Start the published version with a variable; the instance view opens on the first task.
            await page.GetByTestId("start-instance").Locator("summary").ClickAsync();
            await page.GetByTestId("start-variables").FillAsync("amount=5000");
            await page.GetByTestId("start-instance").GetByRole(AriaRole.Button).ClickAsync();
            await ServerFixture.WaitForAddressAsync(page, InstanceUrl());
            await Expect(page.GetByTestId("open-tasks").Locator("li")).ToHaveCountAsync(1);
            await Expect(page.GetByTestId("open-tasks")).ToContainTextAsync("Qualification");
            await Expect(page.GetByTestId("instance-state")).ToHaveTextAsync("Running");
            await Expect(page.GetByTestId("instance-path").Locator("li.current")).ToHaveTextAsync("Qualification");
            await Expect(page.Locator($".djs-element.crm-active[data-element-id='{points.Qualification}']")).ToHaveCountAsync(1);
            await ServerFixture.ScreenshotAsync(page, "server-instance-started");

            // Anna (the performer of Qualification) completes her task through the REST API with a bearer token.
            var taskHref = await page.GetByTestId("open-tasks").Locator("a").GetAttributeAsync("href") ?? "";
            var taskId = Guid.Parse(taskHref[(taskHref.LastIndexOf('/') + 1)..]);
            await CompleteAsAnnaAsync(taskId, "Qualified");

            await page.ReloadAsync();
            await ServerFixture.WaitForCircuitAsync(page);
            await Expect(page.GetByTestId("open-tasks")).ToContainTextAsync("Needs");
            await Expect(page.GetByTestId("instance-path").Locator("li.current")).ToHaveTextAsync("Needs");
            await Expect(page.GetByTestId("instance-path").Locator("li")).ToHaveTextAsync(["Start", "Qualification", "Needs"]);
            await Expect(page.GetByTestId("history")).ToContainTextAsync("Anna Petrova completed “");
            await Expect(page.Locator($".djs-element.crm-active[data-element-id='{points.Needs}']")).ToHaveCountAsync(1);
            await ServerFixture.ScreenshotAsync(page, "server-instance-moved");

            // The same view in Russian.
            await page.GetByRole(AriaRole.Link, new() { Name = "RU", Exact = true }).ClickAsync();
            await Expect(page.GetByTestId("instance-state")).ToHaveTextAsync("Выполняется");
            await Expect(page.GetByTestId("history")).ToContainTextAsync("выполнена (Qualified) — Anna Petrova");
            await ServerFixture.ScreenshotAsync(page, "server-instance-moved-ru");
        }
        catch (Exception e)
        {
            await ServerFixture.ScreenshotAsync(page, "server-failed-typical-sale");
            throw new InvalidOperationException("Drawing the typical sale failed. Browser console:" + Environment.NewLine + designer.ConsoleLog, e);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Publishing_an_invalid_map_is_refused_with_the_problems_listed_and_the_draft_kept()
    {
        var page = await server.SignInAsync("carl", "consultant1");
        var designer = new DesignerPage(page);
        try
        {
            var key = "bad-" + Guid.NewGuid().ToString("N")[..8];
            await CreateMapAsync(page, key, "Call back");
            var call = await designer.AppendAsync("Start", "action");
            await designer.SelectAsync(call);
            await designer.FillAsync("name", "Call back");
            // A performer, so the one problem is the error (an Action without performer would only warn, and publish).
            await designer.SelectOptionAsync("performer-kind", "role");
            await designer.SelectOptionAsync("performer-role", "Sales manager");
            await designer.SelectOptionAsync("deadline-kind", "duration");
            await designer.FillAsync("deadline", "three days");
            var end = await designer.AppendAsync(call, "end");
            end.ShouldNotBeNullOrEmpty();

            await page.GetByTestId("publish").ClickAsync();

            await Expect(page.GetByTestId("editor-message")).ToHaveTextAsync("Not published: 1 problem(s). The draft (version 1) is saved.");
            await Expect(page.GetByTestId("problems").Locator("li")).ToHaveCountAsync(1);
            await Expect(page.GetByTestId("problems").Locator("li")).ToContainTextAsync("'Call back'");
            await Expect(page.GetByTestId("problems").Locator("li")).Not.ToContainTextAsync(call); // named, never by its id
            await designer.SelectAsync("Start");
            await page.GetByTestId("problems").Locator($"button[data-element='{call}']").ClickAsync();
            await Expect(designer.Panel.Locator(".crm-properties-header code")).ToHaveTextAsync(call);
            await Expect(page.GetByTestId("problems").Locator("li")).ToContainTextAsync(new Regex("not an ISO 8601 duration", RegexOptions.IgnoreCase));
            await Expect(page.GetByTestId("start-instance")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("version-picker").Locator("option")).ToContainTextAsync(["newest (v1 draft)", "v1 draft"]);
            await ServerFixture.ScreenshotAsync(page, "server-publish-refused");
        }
        catch
        {
            await ServerFixture.ScreenshotAsync(page, "server-failed-publish-refused");
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Leaving_the_designer_with_unsaved_changes_asks_first_and_stays_when_told_to()
    {
        var page = await server.SignInAsync("carl", "consultant1");
        var designer = new DesignerPage(page);
        try
        {
            var key = "leave-" + Guid.NewGuid().ToString("N")[..8];
            await CreateMapAsync(page, key, "Half drawn");
            await designer.AppendAsync("Start", "action");
            await Expect(page.Locator(".crm-designer")).ToHaveAttributeAsync("data-unsaved", "true");

            var asked = new List<string>();
            void Stay(object? sender, IDialog dialog)
            {
                asked.Add(dialog.Message);
                _ = dialog.DismissAsync();
            }

            page.Dialog += Stay;
            await page.GetByRole(AriaRole.Link, new() { Name = "Route maps", Exact = true }).First.ClickAsync();
            await Expect(page.Locator(".crm-designer")).ToHaveAttributeAsync("data-unsaved", "true");
            await page.WaitForFunctionAsync("() => true"); // let the dialog event arrive
            for (var i = 0; i < 50 && asked.Count == 0; i++)
            {
                await page.WaitForTimeoutAsync(100);
            }

            asked.ShouldBe(["This route map has changes that are not saved. Leave and lose them?"]);
            page.Url.ShouldContain($"/route-maps/{key}");
            page.Dialog -= Stay;

            // Saved, the page is left without a question.
            await page.GetByTestId("save-draft").ClickAsync();
            await Expect(page.Locator(".crm-designer")).ToHaveAttributeAsync("data-unsaved", "false");
            await page.GetByRole(AriaRole.Link, new() { Name = "Route maps", Exact = true }).First.ClickAsync();
            await ServerFixture.WaitForAddressAsync(page, url => url.EndsWith("/route-maps", StringComparison.Ordinal));
        }
        catch
        {
            await ServerFixture.ScreenshotAsync(page, "server-failed-leave-unsaved");
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_route_map_list_reads_on_a_phone_in_russian()
    {
        var page = await server.SignInAsync("carl", "consultant1", 390, 844, "ru-RU");
        try
        {
            await page.GotoAsync("route-maps");
            await Expect(page.Locator("h1")).ToHaveTextAsync("Карты маршрутов");
            await Expect(page.GetByTestId("route-maps")).ToContainTextAsync("Типовая продажа");
            await Expect(page.GetByTestId("route-maps")).ToContainTextAsync("v1 опубликована");
            (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390, "the list must fit the phone's width");
            await ServerFixture.ScreenshotAsync(page, "server-route-maps-phone-ru");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>The ids of the points the test comes back to.</summary>
    private sealed record TypicalSale(string Qualification, string Needs);

    private static async Task CreateMapAsync(IPage page, string key, string name)
    {
        await page.GotoAsync("route-maps");
        await ServerFixture.WaitForCircuitAsync(page);
        await Expect(page.GetByTestId("route-maps")).ToContainTextAsync("typical-sale");
        await ServerFixture.ScreenshotAsync(page, "server-route-maps");
        await page.GetByLabel("Key of the new map").FillAsync(key);
        await page.GetByLabel("Name of the new map").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "New map" }).ClickAsync();
        await ServerFixture.WaitForAddressAsync(page, url => url.Contains($"/route-maps/{key}", StringComparison.Ordinal));
        await Expect(page.Locator("h1")).ToContainTextAsync(name);
        await new DesignerPage(page).WaitUntilReadyAsync();
    }

    /// <summary>
    /// Start → Qualification → Needs → Split (Offer ∥ Credit check) → Merge → "Does the customer agree?" → Yes: Order →
    /// Shipment → Won; No: Lost. Each point's properties are filled right after it is placed, while it is on screen.
    /// Shipment is left without performer until the live validation has been seen reporting it. Stages are those of the
    /// demo's sales-stage catalogue, which the stage picker offers.
    /// </summary>
    private static async Task<TypicalSale> DrawTypicalSaleAsync(DesignerPage designer)
    {
        var qualification = await AddActionAsync(designer, "Start", "Qualification", user: "anna", stage: "Qualification");
        await designer.FillAsync("new-outcome", "Qualified");
        await designer.Panel.Locator("[data-action='add-outcome']").ClickAsync();
        await Expect(designer.Panel.Locator("[data-outcome='Qualified']")).ToBeVisibleAsync();
        var needs = await AddActionAsync(designer, qualification, "Needs", role: "Sales manager", stage: "Needs analysis");

        var split = await designer.AppendAsync(needs, "split");
        await designer.SelectAsync(split);
        await designer.FillAsync("name", "Offer and credit check");
        var offer = await AddActionAsync(designer, split, "Offer", role: "Sales manager", stage: "Proposal");
        var creditCheck = await AddActionAsync(designer, split, "Credit check", role: "Accountant", stage: null);
        var merge = await designer.AppendAsync(offer, "merge");
        await designer.ConnectAsync(creditCheck, merge);
        await Expect(designer.ProblemsOf(merge).Filter(new() { HasText = "2 in" })).ToHaveCountAsync(1);

        var condition = await designer.AppendAsync(merge, "condition");
        await designer.SelectAsync(condition);
        await designer.FillAsync("name", "Does the customer agree?");
        // Built by clicks (issue #15): Qualification's outcome is Qualified.
        await designer.Panel.Locator("[data-part=add]").ClickAsync();
        var row = designer.Panel.Locator("[data-row='0']");
        await row.Locator("[data-part=variable]").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await row.Locator("[data-part=value]").SelectOptionAsync("Qualified");
        await Expect(designer.Panel.Locator("[data-part=preview]")).ToHaveTextAsync(new Regex("^[A-Za-z_0-9]+Outcome === \"Qualified\"$"));
        await ServerFixture.ScreenshotAsync(designer.Page, "server-designer-condition-builder");
        var order = await AddActionAsync(designer, condition, "Order", role: "Sales manager", stage: "Contract");
        var lost = await AddEndAsync(designer, condition, "Lost");
        await designer.SelectAsync(condition);
        await designer.Panel.Locator(".crm-row[data-flow]").Filter(new() { HasText = "Order" }).Locator("select").SelectOptionAsync("yes");
        await Expect(designer.Panel.Locator(".crm-row[data-flow]").Filter(new() { HasText = "Lost" }).Locator("select")).ToHaveValueAsync("no");

        var shipment = await designer.AppendAsync(order, "action");
        await designer.SelectAsync(shipment);
        await designer.FillAsync("name", "Shipment");
        await AddEndAsync(designer, shipment, "Won");
        lost.ShouldNotBe(shipment);

        // Live validation: the action without performer is reported and marked in amber, and only it: a warning (its
        // tasks would wait in the Unassigned list), so the map could be published as it is.
        await Expect(designer.Problems).ToHaveCountAsync(1);
        await Expect(designer.ProblemsOf(shipment)).ToContainTextAsync(new Regex("performer", RegexOptions.IgnoreCase));
        await Expect(designer.Page.Locator($".djs-element.crm-warning[data-element-id='{shipment}']")).ToHaveCountAsync(1);
        await Expect(designer.Status).ToHaveTextAsync("✓ Ready to publish · 1 warning");
        await designer.Page.Locator("[data-action=fit]").ClickAsync();
        await ServerFixture.ScreenshotAsync(designer.Page, "server-designer-problem");

        // Clicking the problem selects Shipment; giving it a performer empties the list.
        await designer.ProblemsOf(shipment).Locator("button").ClickAsync();
        await Expect(designer.Panel.Locator(".crm-properties-header code")).ToHaveTextAsync(shipment);
        await designer.SelectOptionAsync("performer-kind", "role");
        await designer.SelectOptionAsync("performer-role", "Warehouse manager");
        await Expect(designer.Problems).ToHaveCountAsync(0);
        await Expect(designer.Status).ToHaveTextAsync("✓ Ready to publish");
        await designer.Page.Locator("[data-action=fit]").ClickAsync();
        await ServerFixture.ScreenshotAsync(designer.Page, "server-designer-typical-sale");
        return new TypicalSale(qualification, needs);
    }

    private static async Task<string> AddActionAsync(DesignerPage designer, string after, string name, string? user = null, string? role = null, string? stage = null)
    {
        var action = await designer.AppendAsync(after, "action");
        await designer.SelectAsync(action);
        await designer.FillAsync("name", name);
        await designer.SelectOptionAsync("performer-kind", user is null ? "role" : "user");
        await designer.SelectOptionAsync(user is null ? "performer-role" : "performer-user", user ?? role!);
        if (stage is not null)
        {
            await designer.SelectOptionAsync("stage", stage);
        }

        await Expect(designer.ProblemsOf(action).Filter(new() { HasText = "performer" })).ToHaveCountAsync(0);
        return action;
    }

    private static async Task<string> AddEndAsync(DesignerPage designer, string after, string result)
    {
        var end = await designer.AppendAsync(after, "end");
        await designer.SelectAsync(end);
        await designer.FillAsync("name", result);
        await designer.FillAsync("result", result);
        return end;
    }

    private static async Task SaveAndPublishAsync(IPage page)
    {
        await page.GetByTestId("save-draft").ClickAsync();
        await Expect(page.GetByTestId("editor-message")).ToHaveTextAsync("Saved draft version 1; it has no problems and may be published.");
        await Expect(page.GetByTestId("start-instance")).ToHaveCountAsync(0);

        await page.GetByTestId("publish").ClickAsync();
        await Expect(page.GetByTestId("editor-message")).ToHaveTextAsync(PublishedMessage());
        await Expect(page.GetByTestId("problems")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("version-picker").Locator("option").First).ToContainTextAsync("published");

        // The head got the version picker and the download link: it wraps between them, never inside a button.
        foreach (var button in new[] { "publish", "save-draft" })
        {
            var box = await page.GetByTestId(button).BoundingBoxAsync();
            box.ShouldNotBeNull().Height.ShouldBeLessThan(44, $"the {button} button keeps its words on one line");
        }

        var (save, publish) = (await page.GetByTestId("save-draft").BoundingBoxAsync(), await page.GetByTestId("publish").BoundingBoxAsync());
        publish!.Y.ShouldBe(save!.Y, "Save draft and Publish stay side by side");

        await Expect(page.GetByTestId("start-variables")).ToHaveAttributeAsync("placeholder", "amount=5000\ncustomer=\"Acme\"");
        await ServerFixture.ScreenshotAsync(page, "server-route-map-published");
    }

    private async Task CompleteAsAnnaAsync(Guid taskId, string outcome)
    {
        using var http = new HttpClient { BaseAddress = server.Host.BaseAddress };
        using var token = await http.PostAsJsonAsync("api/auth/token", new { userName = "anna", password = "manager1" });
        token.EnsureSuccessStatusCode();
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);

        using var completed = await http.PostAsJsonAsync($"api/tasks/{taskId}/complete", new { outcome });
        completed.IsSuccessStatusCode.ShouldBeTrue(await completed.Content.ReadAsStringAsync());
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    [GeneratedRegex(@"/instances/[0-9a-f-]{36}$")]
    private static partial Regex InstanceUrl();

    [GeneratedRegex(@"^Published version \d+\. New instances run it; running ones keep their version\.$")]
    private static partial Regex PublishedMessage();
}
