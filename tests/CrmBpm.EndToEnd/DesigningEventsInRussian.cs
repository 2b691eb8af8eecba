using CrmBpm.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace CrmBpm.EndToEnd;

/// <summary>
/// The designer in Russian: the palette and the new kinds' panels speak Russian, and the problems of each kind — a timer
/// on the edge without a time, a message wait without a message, a Wait for the first event with one event, an automatic
/// step naming no registered handler — appear live with the point's name, and clicking one selects its point.
/// </summary>
[Collection(DesignerCollection.Name)]
public sealed class DesigningEventsInRussian(DesignerFixture fixture)
{
    [Fact]
    public async Task The_palette_and_panels_speak_Russian_and_each_kind_s_problem_names_its_point_and_selects_it()
    {
        await fixture.WithDesignerAsync("failed-events-in-russian", DrawAsync, culture: "ru");
    }

    private static async Task DrawAsync(DesignerPage designer)
    {
        var page = designer.Page;
        var palette = await page.Locator(".djs-palette .group[data-group=points] .entry").EvaluateAllAsync<string[]>("es => es.map(e => e.getAttribute('aria-label'))");
        palette.ShouldContain("Ждать сообщение");
        palette.ShouldContain("Несколько путей");
        palette.ShouldNotContain("Wait for a message");
        await Expect(page.Locator("[data-action=undo]")).ToContainTextAsync("Отменить");
        await designer.ScreenshotAsync("20-ru-palette");

        // A Start on a schedule, in Russian.
        await designer.SelectAsync("Start");
        await designer.SelectOptionAsync("start-kind", "timer-start");
        await Expect(designer.Panel.Locator(".crm-kind-badge")).ToHaveTextAsync("Старт по расписанию");
        await designer.SelectOptionAsync("timer-kind", "cron");
        await designer.FillAsync("timer-value", "0 9 * * MON-FRI");
        await Expect(designer.Field("timer-next-runs")).ToContainTextAsync("Следующие запуски:");
        await Expect(designer.ProblemsOf("Start").Locator("xpath=self::*[@data-problem='point.not-run-yet']")).ToHaveCountAsync(0); // its schedule runs
        await Expect(page.Locator(".djs-minimap .toggle")).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex("обзор"));
        await designer.ScreenshotAsync("21-ru-start-on-a-schedule");

        // An automatic step naming a handler the application has not registered: a topic typed for an outside worker,
        // then the step taken back from the outside workers.
        var mail = await designer.AppendAsync("Start", "automatic");
        await designer.FillAsync("name", "Отправить письмо");
        await designer.Field("external").CheckAsync();
        await designer.FillAsync("topic", "legacy-mail");
        await Expect(page.Locator(".crm-problems li", new() { HasText = "crm:external" })).ToHaveCountAsync(0); // a topic makes it an automatic step
        await Expect(designer.Field("retries")).ToHaveAttributeAsync("placeholder", "R3/PT5M");
        await designer.ScreenshotAsync("22-ru-automatic-step-outside-worker");
        await designer.Field("external").UncheckAsync();
        await ExpectProblemAsync(designer, mail, "service.handler-unknown", "Отправить письмо");

        // A timer on the edge of an Action without a time.
        var approve = await designer.AppendAsync(mail, "action");
        await designer.FillAsync("name", "Согласовать");
        var remind = await AttachAsync(designer, approve, "timer");
        await designer.FillAsync("name", "Напомнить");
        await ExpectProblemAsync(designer, remind, "timer.definition-missing", "Напомнить");

        // An error on the edge of the same Action, in Russian.
        var refused = await AttachAsync(designer, approve, "error");
        await Expect(designer.Panel.Locator(".crm-kind-badge")).ToHaveTextAsync("Перехватить ошибку");
        await designer.FillAsync("error-code", "REFUSED");
        await Expect(designer.Panel.Locator("[data-field=error-reading]")).ToHaveCountAsync(0);
        await designer.ScreenshotAsync("23-ru-catch-an-error");

        // A message wait without a message.
        var payment = await designer.AppendAsync(approve, "message-wait");
        await designer.FillAsync("name", "Оплата");
        await Expect(designer.Field("message-name")).ToHaveAttributeAsync("placeholder", "например, Оплата получена");
        await designer.ScreenshotAsync("24-ru-wait-for-a-message");
        await ExpectProblemAsync(designer, payment, "message.name-missing", "Оплата");

        // Wait for the first event with a single event after it.
        var first = await designer.AppendAsync(payment, "event-gateway");
        await designer.FillAsync("name", "Что раньше?");
        var late = await designer.AppendAsync(first, "timer");
        await designer.FillAsync("timer-value", "P2D");
        await Expect(designer.Field("timer-reading")).ToHaveTextAsync("Сработает: через 2 дня.");
        await ExpectProblemAsync(designer, first, "eventgateway.too-few-flows", "Что раньше?");
        await designer.SelectAsync(first);
        await Expect(designer.Panel.Locator("[data-field=event-gateway-targets] li")).ToHaveCountAsync(1);
        await designer.ScreenshotAsync("25-ru-wait-for-the-first-event");

        // An End with an error, in Russian.
        await designer.AppendAsync(late, "end");
        await designer.SelectOptionAsync("end-kind", "error-end");
        await Expect(designer.Field("end-reading")).ToContainTextAsync("бизнес-ошибкой");
        await designer.ScreenshotAsync("26-ru-end-with-an-error");
        await Expect(designer.Status).ToContainTextAsync("проблем");
    }

    /// <summary>The problem is listed live with the point's name; clicking it selects the point on the canvas and in the panel.</summary>
    private static async Task ExpectProblemAsync(DesignerPage designer, string pointId, string code, string name)
    {
        var problem = designer.Page.Locator($".crm-problems li[data-element='{pointId}'][data-problem='{code}']");
        await Expect(problem).ToContainTextAsync($"'{name}'");
        await designer.SelectAsync("Start");
        await problem.Locator("button").ClickAsync();
        await Expect(designer.Panel.Locator(".crm-properties-header code")).ToHaveTextAsync(pointId);
        await Expect(designer.Page.Locator($".djs-element.selected[data-element-id='{pointId}']")).ToHaveCountAsync(1);
    }

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
