using CrmBpm.Engine.Bpmn;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.DependencyInjection;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;
using CrmBpm.EndToEnd.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CrmBpm.EndToEnd;

/// <summary>
/// A consultant draws start → action → condition → two actions → end by mouse, fills the properties, watches the
/// live validation, publishes — and the map the browser produced runs in the engine.
/// </summary>
[Collection(DesignerCollection.Name)]
public sealed class DrawingARouteMap(DesignerFixture fixture)
{
    [Fact]
    public async Task A_map_drawn_by_mouse_validates_live_publishes_and_runs_in_the_engine()
    {
        await fixture.WithDesignerAsync("failed-drawing", DrawPublishAndRunAsync);
    }

    private static async Task DrawPublishAndRunAsync(DesignerPage designer)
    {
        var page = designer.Page;

        // The map's own properties declare a start variable (issue #15); bpmn-js keeps it in the process's extension elements.
        await designer.Panel.Locator("[data-action=add-start-variable]").ClickAsync();
        await designer.Panel.Locator("[data-field=start-variable-name]").FillAsync("region");
        await designer.Panel.Locator("[data-field=start-variable-name]").PressAsync("Tab");
        await designer.Panel.Locator("[data-field=start-variable-label]").FillAsync("Sales region");
        await designer.Panel.Locator("[data-field=start-variable-label]").PressAsync("Tab");
        await Expect(designer.Panel.Locator("[data-start-variable=region]")).ToBeVisibleAsync();
        await designer.ScreenshotAsync("00-start-variables");

        // Draw: the blank map has a Start; the rest comes from the context pad and the palette.
        var qualify = await designer.AppendAsync("Start", "action");
        var condition = await designer.AppendAsync(qualify, "condition");
        var offer = await designer.AppendAsync(condition, "action");
        var decline = await designer.AppendAsync(condition, "action");
        await page.Locator("[data-action=zoom-out]").ClickAsync();
        var (_, offerY) = await designer.CenterAsync(offer);
        var (_, declineY) = await designer.CenterAsync(decline);
        var canvas = (await page.Locator(".crm-canvas").BoundingBoxAsync())!;
        var end = await designer.DragFromPaletteAsync("end", canvas.X + canvas.Width - 90, (offerY + declineY) / 2);
        await designer.ConnectAsync(offer, end);
        await designer.ConnectAsync(decline, end);

        // Live validation: actions without performer (a warning: their tasks would go to the Unassigned list) and a condition
        // without expression (an error) are reported at once.
        await Expect(designer.ProblemsOf(offer)).ToHaveCountAsync(1);
        (await designer.ProblemsOf(offer).InnerTextAsync()).ShouldContain("Unassigned list", Case.Insensitive);
        (await designer.ProblemsOf(offer).GetAttributeAsync("data-severity")).ShouldBe("warning");
        await Expect(designer.ProblemsOf(condition).First).ToBeVisibleAsync();
        await Expect(page.Locator($".djs-element.crm-warning[data-element-id='{offer}']")).ToHaveCountAsync(1);
        await designer.ScreenshotAsync("01-drawn-with-problems");

        // Clicking a problem selects its shape.
        await Expect(designer.ProblemsOf(decline)).ToHaveCountAsync(1);
        await designer.ProblemsOf(decline).Locator("button").ClickAsync();
        await Expect(designer.Panel.Locator(".crm-properties-header code")).ToHaveTextAsync(decline);

        // Properties: names and performers.
        await designer.SelectAsync(qualify);
        await designer.FillAsync("name", "Qualify the lead");
        await designer.SelectOptionAsync("performer-kind", "user");
        await designer.SelectOptionAsync("performer-user", "alice");
        await designer.FillAsync("new-outcome", "Interesting");
        await designer.Panel.Locator("[data-action='add-outcome']").ClickAsync();
        await Expect(designer.Panel.Locator("[data-outcome='Interesting']")).ToBeVisibleAsync();
        await designer.Panel.Locator("[data-action='add-form-field']").ClickAsync();
        await Expect(designer.Field("form-field-name")).ToHaveValueAsync("field1");
        await designer.FillAsync("form-field-name", "amount");
        await designer.SelectOptionAsync("form-field-type", "Number");
        await Expect(designer.Panel.Locator("[data-form-field='amount']")).ToBeVisibleAsync();
        await designer.ScreenshotAsync("02-action-properties");

        await designer.SelectAsync(offer);
        await designer.FillAsync("name", "Send offer");
        await designer.SelectOptionAsync("performer-kind", "role");
        await designer.SelectOptionAsync("performer-role", "Sales manager");
        await Expect(designer.ProblemsOf(offer)).ToHaveCountAsync(0);

        // The condition, built by clicks over the variables the map knows (issue #15), and which flow is Yes.
        await designer.SelectAsync(condition);
        await designer.FillAsync("name", "Big deal?");
        await designer.Panel.Locator("[data-part=add]").ClickAsync();
        var row = designer.Panel.Locator("[data-row='0']");
        await row.Locator("[data-part=variable]").SelectOptionAsync("amount"); // the form field of Qualify the lead
        await row.Locator("[data-part=operator]").SelectOptionAsync(new SelectOptionValue { Label = ">" });
        await row.Locator("[data-part=value]").FillAsync("1000");
        await row.Locator("[data-part=value]").PressAsync("Tab");
        await Expect(designer.Panel.Locator("[data-part=preview]")).ToHaveTextAsync("amount > 1000");
        var offerFlow = designer.Panel.Locator(".crm-row[data-flow]").Filter(new LocatorFilterOptions { HasText = "Send offer" });
        await offerFlow.Locator("select").SelectOptionAsync("yes");
        await Expect(designer.Panel.Locator(".crm-row[data-flow]").Filter(new LocatorFilterOptions { HasNotText = "Send offer" }).Locator("select")).ToHaveValueAsync("no");
        await designer.ScreenshotAsync("03-condition-yes-no");

        // One problem left: the second branch has no performer. Fixing it empties the list.
        await Expect(designer.ProblemsOf(decline)).ToHaveCountAsync(1);
        await designer.SelectAsync(decline);
        await designer.FillAsync("name", "Send polite refusal");
        await designer.SelectOptionAsync("performer-kind", "user");
        await designer.SelectOptionAsync("performer-user", "bob");
        await Expect(designer.Problems).ToHaveCountAsync(0);
        await Expect(designer.Status).ToHaveTextAsync("✓ Ready to publish");
        await page.Locator(".crm-canvas").ClickAsync(new LocatorClickOptions { Position = new Position { X = 500, Y = 600 } });
        await page.Locator("[data-action=fit]").ClickAsync();
        await designer.ScreenshotAsync("04-valid-map");

        (await designer.XmlAsync()).ShouldContain("<crm:startVariable name=\"region\" type=\"text\" label=\"Sales region\" />");

        // Publish validates with the host's engine.
        await page.Locator("[data-testid=publish]").ClickAsync();
        await Expect(page.Locator("[data-testid=publish-result]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Published new-route-map version [0-9]+$")); // the test host is shared: another test may have published the key first
        var xml = await designer.XmlAsync();

        // The XML the browser produced imports, validates and runs in an engine of our own.
        var map = new BpmnImporter().ImportXml(xml).ShouldHaveSingleItem();
        var services = new ServiceCollection().AddCrmBpm(bpm => bpm.UseInMemoryStore()).BuildServiceProvider();
        await using var _ = services;
        var maps = services.GetRequiredService<IRouteMapService>();
        (await maps.ValidateAsync(map)).ShouldBeEmpty();
        await maps.DeployAsync(map);
        var engine = services.GetRequiredService<IProcessEngine>();
        var tasks = services.GetRequiredService<ITaskService>();

        var big = await engine.StartAsync(map.Key);
        var first = (await tasks.GetTasksOfInstanceAsync(big.Id)).ShouldHaveSingleItem();
        first.Title.ShouldBe("Qualify the lead");
        await tasks.CompleteAsync(first.Id, new Actor("alice"), new TaskCompletion { Outcome = "Interesting", Variables = new Dictionary<string, object?> { ["amount"] = 5000 } });
        var second = (await tasks.GetTasksOfInstanceAsync(big.Id)).Single(t => t.Id != first.Id);
        second.Title.ShouldBe("Send offer");
        await tasks.CompleteAsync(second.Id, Actor.System);
        (await engine.GetInstanceAsync(big.Id)).Status.ShouldBe(InstanceStatus.Completed);

        var small = await engine.StartAsync(map.Key);
        var qualifySmall = (await tasks.GetTasksOfInstanceAsync(small.Id)).ShouldHaveSingleItem();
        await tasks.CompleteAsync(qualifySmall.Id, new Actor("alice"), new TaskCompletion { Outcome = "Interesting", Variables = new Dictionary<string, object?> { ["amount"] = 10 } });
        var refusal = (await tasks.GetTasksOfInstanceAsync(small.Id)).Single(t => t.Id != qualifySmall.Id);
        refusal.Title.ShouldBe("Send polite refusal");
        await tasks.CompleteAsync(refusal.Id, new Actor("bob"));
        (await engine.GetInstanceAsync(small.Id)).Status.ShouldBe(InstanceStatus.Completed);
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
