using CrmBpm.Engine.Bpmn;
using CrmBpm.Engine.Definitions;
using CrmBpm.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace CrmBpm.EndToEnd;

/// <summary>
/// A consultant draws every event and gateway kind the engine runs — a Start on a schedule, an error caught on the edge of
/// an automatic step, Wait for the first event of a message, a time and a signal, Send a signal, One or more paths, a
/// message and a signal on the edge, End everything and End and send a signal — fills their properties in the panel,
/// publishes, and the engine's own import of the saved BPMN gives exactly those points.
/// </summary>
[Collection(DesignerCollection.Name)]
public sealed class DrawingEventsAndGateways(DesignerFixture fixture)
{
    [Fact]
    public async Task Every_event_and_gateway_kind_is_drawn_from_the_palette_and_pads_filled_in_the_panel_and_published_as_the_engine_reads_it()
    {
        await fixture.WithDesignerAsync("failed-events-and-gateways", DrawAndPublishAsync);
    }

    private static async Task DrawAndPublishAsync(DesignerPage designer)
    {
        var page = designer.Page;
        await designer.ScreenshotAsync("10-palette-with-events");

        // Start on a schedule: a cron expression, read back as its next two runs.
        await designer.SelectAsync("Start");
        await designer.SelectOptionAsync("start-kind", "timer-start");
        await Expect(designer.Panel.Locator(".crm-kind-badge")).ToHaveTextAsync("Start on a schedule");
        await designer.SelectOptionAsync("timer-kind", "cron");
        await designer.FillAsync("timer-value", "0 9 * * MON-FRI");
        await Expect(designer.Field("timer-next-runs")).ToContainTextAsync("Next runs:");
        await designer.ScreenshotAsync("11-start-on-a-schedule");

        // An automatic step with an error caught on its edge, leading to End everything.
        var order = await designer.AppendAsync("Start", "automatic");
        await designer.FillAsync("name", "Create the order");
        await designer.SelectOptionAsync("handler", "create-customer-order");
        var blocked = await AttachAsync(designer, order, "error");
        await Expect(designer.Panel.Locator(".crm-kind-badge")).ToHaveTextAsync("Catch an error");
        await designer.FillAsync("name", "Customer blocked");
        await designer.FillAsync("error-code", "CUSTOMER_BLOCKED");
        await designer.FillAsync("error-code-variable", "why");
        await Expect(designer.Panel.Locator("[data-field=error-reading]")).ToHaveCountAsync(0); // no longer "catches every error"
        await designer.ScreenshotAsync("12-catch-an-error");
        var stopped = await designer.AppendAsync(blocked, "end");
        await designer.SelectOptionAsync("end-kind", "terminate-end");
        await Expect(designer.Panel.Locator(".crm-kind-badge")).ToHaveTextAsync("End everything");

        // A signal on the edge of the same step: not interrupting.
        var recalled = await AttachAsync(designer, order, "signal");
        await designer.FillAsync("name", "Prices changed");
        await designer.Field("interrupting").UncheckAsync();
        await designer.FillAsync("signal-name", "Prices changed");
        var repriced = await designer.AppendAsync(recalled, "end");

        // Wait for the first event: its pad offers only the waits it may lead to.
        var first = await designer.AppendAsync(order, "event-gateway");
        await designer.FillAsync("name", "Paid or expired?");
        await designer.SelectAsync(first);
        var appends = await page.Locator(".djs-context-pad .entry[data-action^='append.']").EvaluateAllAsync<string[]>("es => es.map(e => e.dataset.action)");
        appends.ShouldBe(["append.timer", "append.message-wait", "append.signal-wait"], ignoreOrder: true);

        var paid = await designer.AppendAsync(first, "message-wait");
        await designer.FillAsync("name", "Payment received");
        await designer.FillAsync("message-name", "Payment received");
        await designer.FillAsync("correlation-key", "orderId");
        await Expect(designer.ProblemsOf(paid).Locator("xpath=self::*[@data-problem='message.name-missing']")).ToHaveCountAsync(0);
        await designer.ScreenshotAsync("13-wait-for-a-message");

        var expired = await designer.AppendAsync(first, "timer");
        await designer.FillAsync("name", "Two days");
        await designer.FillAsync("timer-value", "P2D");
        var expiredEnd = await designer.AppendAsync(expired, "end");
        await designer.SelectOptionAsync("end-kind", "signal-end");
        await designer.FillAsync("signal-name", "Order expired");
        await Expect(designer.Panel.Locator(".crm-kind-badge")).ToHaveTextAsync("End and send a signal");
        await designer.ScreenshotAsync("14-end-and-send-a-signal");

        var cancelled = await designer.AppendAsync(first, "signal-wait");
        await designer.FillAsync("name", "Order cancelled");
        await designer.FillAsync("signal-name", "Order cancelled");
        var cancelledEnd = await designer.AppendAsync(cancelled, "end");

        // Send a signal, then One or more paths: a case on the gift flow, the other flow the default.
        var announce = await designer.AppendAsync(paid, "signal-send");
        await designer.FillAsync("name", "Announce payment");
        await designer.FillAsync("signal-name", "Order paid");
        var extras = await designer.AppendAsync(announce, "inclusive");
        await designer.FillAsync("name", "Extras");
        var wrap = await designer.AppendAsync(extras, "automatic");
        await designer.FillAsync("name", "Wrap the gift");
        await designer.SelectOptionAsync("handler", "create-customer-order");
        var done = await designer.AppendAsync(wrap, "end");
        var plain = await designer.AppendAsync(extras, "end");
        await designer.SelectAsync(extras);
        var cases = designer.Panel.Locator(".crm-case");
        await Expect(cases).ToHaveCountAsync(2);
        await cases.Nth(1).Locator("[data-field=default]").CheckAsync();
        await Expect(cases.Nth(1).Locator("[data-field=case-condition]")).ToHaveCountAsync(0);
        await cases.Nth(0).Locator("[data-mode=advanced]").ClickAsync();
        await cases.Nth(0).Locator("[data-field=case-condition]").FillAsync("gift === true");
        await cases.Nth(0).Locator("[data-field=case-condition]").PressAsync("Tab");
        await Expect(designer.ProblemsOf(extras)).ToHaveCountAsync(0);
        await Expect(page.Locator(".crm-problems li[data-problem^='inclusive']")).ToHaveCountAsync(0);
        await designer.ScreenshotAsync("15-one-or-more-paths");

        // A message on the edge of the wrapping step, interrupting.
        var called = await AttachAsync(designer, wrap, "message");
        await designer.FillAsync("name", "Customer called");
        await designer.FillAsync("message-name", "Customer called");
        await designer.FillAsync("correlation-key", "orderId");
        await Expect(page.Locator($".crm-problems li[data-element='{called}'][data-problem='message.name-missing']")).ToHaveCountAsync(0);
        await designer.ScreenshotAsync("16-message-on-the-edge");
        var calledEnd = await designer.AppendAsync(called, "end");

        await Expect(designer.Problems).ToHaveCountAsync(0);
        await Expect(designer.Status).ToHaveTextAsync("✓ Ready to publish");
        await page.Locator("[data-testid=publish]").ClickAsync();
        await Expect(page.Locator("[data-testid=publish-result]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Published new-route-map version [0-9]+$"));

        // What the engine reads from the saved file: every point is the intended kind, none kept aside.
        var result = new BpmnImporter().ReadXml(await designer.XmlAsync());
        var map = result.Maps.ShouldHaveSingleItem();
        map.Points.OfType<KeptPoint>().ShouldBeEmpty();
        T Point<T>(string id) where T : Point => map.FindPoint(id).ShouldBeOfType<T>();

        var start = Point<StartPoint>("Start");
        start.Timer.ShouldNotBeNull().Kind.ShouldBe(TimerDefinitionKind.Cycle);
        start.Timer.Value.ShouldBe("0 9 * * MON-FRI");
        Point<ServicePoint>(order).Handler.ShouldBe("create-customer-order");
        var error = Point<BoundaryErrorPoint>(blocked);
        (error.AttachedToId, error.Error?.Code, error.CodeVariable).ShouldBe((order, "CUSTOMER_BLOCKED", "why"));
        Point<EndPoint>(stopped).Terminates.ShouldBeTrue();
        var signalEdge = Point<BoundarySignalPoint>(recalled);
        (signalEdge.SignalName, signalEdge.CancelsActivity).ShouldBe(("Prices changed", false));
        Point<EndPoint>(repriced).Terminates.ShouldBeFalse();
        Point<EventGatewayPoint>(first).Name.ShouldBe("Paid or expired?");
        var payment = Point<MessageWaitPoint>(paid);
        (payment.MessageName, payment.CorrelationKey, payment.IsReceiveTask).ShouldBe(("Payment received", "orderId", false));
        Point<TimerWaitPoint>(expired).Timer!.Value.ShouldBe("P2D");
        Point<EndPoint>(expiredEnd).SignalName.ShouldBe("Order expired");
        Point<SignalWaitPoint>(cancelled).SignalName.ShouldBe("Order cancelled");
        Point<EndPoint>(cancelledEnd).SignalName.ShouldBeNull();
        Point<SignalThrowPoint>(announce).SignalName.ShouldBe("Order paid");
        var inclusive = Point<InclusivePoint>(extras);
        var defaultFlow = map.Flows.Single(f => f.Id == inclusive.DefaultFlowId);
        defaultFlow.TargetId.ShouldBe(plain);
        map.Flows.Single(f => f.SourceId == extras && f.TargetId == wrap).Condition.ShouldBe("gift === true");
        Point<EndPoint>(done).ShouldNotBeNull();
        var messageEdge = Point<BoundaryMessagePoint>(called);
        (messageEdge.MessageName, messageEdge.CorrelationKey, messageEdge.CancelsActivity, messageEdge.AttachedToId).ShouldBe(("Customer called", "orderId", true, wrap));
        Point<EndPoint>(calledEnd).ShouldNotBeNull();
    }

    /// <summary>Puts an event of <paramref name="kind"/> (timer, message, signal, error) on the edge of an activity with its context pad.</summary>
    private static async Task<string> AttachAsync(DesignerPage designer, string activityId, string kind)
    {
        await designer.SelectAsync(activityId);
        await designer.Page.Locator($".djs-context-pad .entry[data-action='attach.{kind}']").ClickAsync();
        await designer.Page.WaitForFunctionAsync(
            "previous => { const c = document.querySelector('.crm-properties-header code'); return c && c.textContent.trim() !== previous; }", activityId);
        return await designer.SelectedIdAsync();
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
