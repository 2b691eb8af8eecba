using System.Xml.Linq;
using CrmBpm.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace CrmBpm.EndToEnd;

/// <summary>
/// A consultant draws start → automatic step (a registered handler) → wait for time → action with a non-interrupting timer
/// on its edge → end without writing code, publishes, and the saved BPMN says what the engine runs.
/// </summary>
[Collection(DesignerCollection.Name)]
public sealed class DrawingAutomaticStepsAndTimers(DesignerFixture fixture)
{
    private static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static readonly XNamespace Crm = "https://crmbpm.dev/schema/bpmn";

    [Fact]
    public async Task A_map_with_an_automatic_step_a_wait_and_a_reminder_timer_is_drawn_edited_and_published()
    {
        await fixture.WithDesignerAsync("failed-automatic-steps-and-timers", DrawAndPublishAsync);
    }

    private static async Task DrawAndPublishAsync(DesignerPage designer)
    {
        var page = designer.Page;

        // The automatic step: its problem (no handler yet) is on its shape until a handler is picked from the host's list.
        var order = await designer.AppendAsync("Start", "automatic");
        var noHandler = page.Locator($".crm-problems li[data-element='{order}'][data-problem='point.not-run-yet']");
        await Expect(noHandler).ToContainTextAsync("names no handler");
        await designer.FillAsync("name", "Create the order");
        await designer.SelectOptionAsync("handler", "create-customer-order");
        await Expect(designer.Field("handler-summary")).ToHaveTextAsync("Creates the customer order for the deal.");
        await Expect(designer.Panel.Locator("[data-field=handler-inputs] [data-variable=amount]")).ToBeVisibleAsync();
        await designer.FillAsync("retries", "R2/PT10M");
        await Expect(designer.Field("retries-reading")).ToHaveTextAsync("If it fails: 2 more tries, 10 minutes apart.");
        await Expect(noHandler).ToHaveCountAsync(0);
        await designer.ScreenshotAsync("06-automatic-step-handler-picker");

        // Wait for time: a wrong duration is refused live, P2D reads as 2 days.
        var wait = await designer.AppendAsync(order, "timer");
        var noTime = page.Locator($".crm-problems li[data-element='{wait}'][data-problem='timer.definition-missing']");
        await Expect(noTime).ToHaveCountAsync(1);
        await designer.Field("timer-value").FillAsync("2 days");
        await Expect(designer.Field("timer-error")).ToContainTextAsync("not an ISO 8601 duration");
        await designer.FillAsync("timer-value", "P2D");
        await Expect(designer.Field("timer-reading")).ToHaveTextAsync("Fires after 2 days.");
        await Expect(noTime).ToHaveCountAsync(0);

        var call = await designer.AppendAsync(wait, "action");
        await designer.FillAsync("name", "Call the customer");
        await designer.SelectOptionAsync("performer-kind", "user");
        await designer.SelectOptionAsync("performer-user", "alice");
        var end = await designer.AppendAsync(call, "end");

        // A reminder on the action's edge: not interrupting, after 4 hours, leading to its own end.
        var reminder = await designer.AttachTimerAsync(call);
        await Expect(designer.Panel.Locator(".crm-kind-badge")).ToHaveTextAsync("Timer on the edge");
        await Expect(designer.Field("attached-to")).ToHaveTextAsync("Call the customer");
        await designer.Field("interrupting").UncheckAsync();
        await designer.FillAsync("timer-value", "PT4H");
        await Expect(designer.Field("timer-reading")).ToHaveTextAsync("Fires after 4 hours.");
        await designer.ScreenshotAsync("07-boundary-timer-properties");
        var reminded = await designer.AppendAsync(reminder, "end");

        await Expect(designer.Problems).ToHaveCountAsync(0);
        await Expect(designer.Status).ToHaveTextAsync("✓ Ready to publish");

        await page.Locator("[data-testid=publish]").ClickAsync();
        await Expect(page.Locator("[data-testid=publish-result]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Published new-route-map version [0-9]+$")); // the test host is shared: another test may have published the key first

        var process = XDocument.Parse(await designer.XmlAsync()).Root!.Element(Bpmn + "process")!;
        XElement Point(string id) => process.Elements().Single(e => (string?)e.Attribute("id") == id);
        XElement? FlowBetween(string from, string to) => process.Elements(Bpmn + "sequenceFlow")
            .SingleOrDefault(f => (string?)f.Attribute("sourceRef") == from && (string?)f.Attribute("targetRef") == to);

        Point(order).Name.ShouldBe(Bpmn + "serviceTask");
        ((string?)Point(order).Attribute(Crm + "handler")).ShouldBe("create-customer-order");
        ((string?)Point(order).Attribute(Crm + "retries")).ShouldBe("R2/PT10M");
        Point(wait).Name.ShouldBe(Bpmn + "intermediateCatchEvent");
        Point(wait).Element(Bpmn + "timerEventDefinition")!.Element(Bpmn + "timeDuration")!.Value.ShouldBe("P2D");
        Point(reminder).Name.ShouldBe(Bpmn + "boundaryEvent");
        ((string?)Point(reminder).Attribute("attachedToRef")).ShouldBe(call);
        ((string?)Point(reminder).Attribute("cancelActivity")).ShouldBe("false");
        Point(reminder).Element(Bpmn + "timerEventDefinition")!.Element(Bpmn + "timeDuration")!.Value.ShouldBe("PT4H");
        FlowBetween("Start", order).ShouldNotBeNull();
        FlowBetween(order, wait).ShouldNotBeNull();
        FlowBetween(wait, call).ShouldNotBeNull();
        FlowBetween(call, end).ShouldNotBeNull();
        FlowBetween(reminder, reminded).ShouldNotBeNull();
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
