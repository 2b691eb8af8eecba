using CrmBpm.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace CrmBpm.EndToEnd;

/// <summary>
/// A consultant clicks every point and flow of every standard map in the designer, and a manager every one of a running
/// Typical sale in the read-only map of its deal card: each shows its properties and the server is still there after.
/// (Clicking Typical sale's condition once overflowed the stack and ended the whole server, every user cut off.)
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class SelectingEveryElementOnTheServer(ServerFixture server)
{
    [Fact]
    public async Task Every_point_and_flow_of_every_standard_map_opens_its_properties_in_the_designer()
    {
        var page = await server.SignInAsync("carl", "consultant1", width: 1600, height: 900);
        var designer = new DesignerPage(page);
        try
        {
            await page.GotoAsync("route-maps");
            var keys = (await page.Locator("a[href^='route-maps/']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
                .Select(href => href["route-maps/".Length..]).Where(key => key.Length > 0 && !key.Contains('/', StringComparison.Ordinal)).Distinct().ToList();
            keys.ShouldContain("typical-sale");

            foreach (var key in keys)
            {
                await page.GotoAsync($"route-maps/{key}");
                await designer.WaitUntilReadyAsync();
                await ClickEveryElementAsync(designer, key);
            }

            server.Host.HasExited.ShouldBeFalse();
        }
        catch (Exception e)
        {
            await ServerFixture.ScreenshotAsync(page, "server-failed-select-every-element");
            throw new InvalidOperationException($"Selecting every element failed (server ended: {server.Host.HasExited}). Browser console:{Environment.NewLine}{designer.ConsoleLog}", e);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Every_point_and_flow_of_a_running_typical_sale_opens_its_properties_in_the_deal_card()
    {
        var page = await server.SignInAsync("anna", "manager1", width: 1600, height: 900);
        var designer = new DesignerPage(page);
        try
        {
            await page.GotoAsync("tasks");
            var deal = await page.GetByTestId("task-list").Locator("td[data-label=Subject] a[href^='deals/']").First.GetAttributeAsync("href");
            await page.GotoAsync(deal!);
            await page.Locator(".crm-canvas .djs-container").WaitForAsync();
            await ClickEveryElementAsync(designer, deal!);

            server.Host.HasExited.ShouldBeFalse();
            await page.ReloadAsync();
            await page.GetByTestId("deal-title").WaitForAsync();
        }
        catch (Exception e)
        {
            await ServerFixture.ScreenshotAsync(page, "server-failed-select-every-element-deal");
            throw new InvalidOperationException($"Selecting every element of the deal's map failed (server ended: {server.Host.HasExited}). Browser console:{Environment.NewLine}{designer.ConsoleLog}", e);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private static async Task ClickEveryElementAsync(DesignerPage designer, string where)
    {
        // The overview sits over the top right of the canvas: a click meant for a shape beneath it would move the view.
        if (await designer.Page.Locator(".djs-minimap.open").CountAsync() > 0)
        {
            await designer.Page.Locator("button[data-action=minimap]").ClickAsync();
            await Assertions.Expect(designer.Page.Locator(".djs-minimap.open")).ToHaveCountAsync(0);
        }

        await designer.Page.Locator("button[data-action=fit]").ClickAsync();
        var (points, flows) = await designer.DrawnElementsAsync();
        points.ShouldNotBeEmpty($"no points drawn on {where}");
        // At the zoom Fit chooses for a wide map, a selected point's context pad reaches over its neighbour: a click meant
        // for the neighbour would append a point instead. A click on empty canvas first closes the pad, as a person would.
        var canvas = designer.Page.Locator(".crm-canvas");
        var size = (await canvas.BoundingBoxAsync())!;
        async Task DeselectAsync() => await canvas.ClickAsync(new LocatorClickOptions { Position = new Position { X = size.Width / 2, Y = size.Height - 12 } });
        foreach (var point in points)
        {
            await DeselectAsync();
            await designer.SelectAsync(point);
        }

        foreach (var flow in flows)
        {
            await DeselectAsync();
            await designer.SelectFlowAsync(flow);
        }

        (await designer.DrawnElementsAsync()).Points.Count.ShouldBe(points.Count, "a click added a point");
    }
}
