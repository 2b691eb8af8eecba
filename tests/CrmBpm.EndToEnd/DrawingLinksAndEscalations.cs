using CrmBpm.Engine.Bpmn;
using CrmBpm.Engine.Definitions;
using CrmBpm.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace CrmBpm.EndToEnd;

/// <summary>
/// A consultant draws a Go to link and its Link target, an Escalation on the edge of an Action (not interrupting) and a Raise
/// an escalation, fills them in the panel (the link name picked from the map's targets), publishes, and the engine's own import
/// of the saved BPMN gives exactly those points; once in English, once in Russian.
/// </summary>
[Collection(DesignerCollection.Name)]
public sealed class DrawingLinksAndEscalations(DesignerFixture fixture)
{
    [Fact]
    public async Task A_link_pair_and_escalation_events_are_drawn_filled_in_and_published_as_the_engine_reads_them()
    {
        await fixture.WithDesignerAsync("failed-links-and-escalations", designer => DrawAndPublishAsync(designer, english: true));
    }

    [Fact]
    public async Task The_same_drawing_speaks_Russian()
    {
        await fixture.WithDesignerAsync("failed-links-and-escalations-ru", designer => DrawAndPublishAsync(designer, english: false), culture: "ru");
    }

    private static async Task DrawAndPublishAsync(DesignerPage designer, bool english)
    {
        var page = designer.Page;
        var shot = english ? "30" : "35";
        string Say(string en, string ru) => english ? en : ru;

        var palette = await page.Locator(".djs-palette .group[data-group=points] .entry").EvaluateAllAsync<string[]>("es => es.map(e => e.getAttribute('aria-label'))");
        palette.ShouldContain(Say("Go to link", "Переход по ссылке"));
        palette.ShouldContain(Say("Link target", "Цель ссылки"));
        palette.ShouldContain(Say("Raise an escalation", "Поднять эскалацию"));

        // Start -> Review (with an escalation on its edge) -> Go to link "approval".
        var review = await designer.AppendAsync("Start", "action");
        await Expect(designer.Field("name")).ToHaveValueAsync(Say("New action", "Новое действие")); // a new point's name in the consultant's language
        await designer.FillAsync("name", Say("Review the claim", "Проверить заявку"));
        await designer.SelectOptionAsync("performer-kind", "role");
        await designer.SelectOptionAsync("performer-role", "Sales manager");
        await Expect(designer.Panel).ToContainTextAsync(Say("Requires acceptance", "Требует принятия"));
        await designer.ScreenshotAsync(shot + "-action");
        var late = await AttachAsync(designer, review, "escalation");
        await Expect(designer.Panel.Locator(".crm-kind-badge")).ToHaveTextAsync(Say("Escalation on the edge", "Эскалация на границе"));
        await Expect(designer.Field("escalation-reading")).ToBeVisibleAsync(); // no code yet: catches every escalation
        await designer.FillAsync("name", Say("Running late", "Задержка"));
        await designer.Field("interrupting").UncheckAsync();
        await designer.FillAsync("escalation-code", "LATE");
        await designer.FillAsync("escalation-code-variable", "why");
        await Expect(designer.Field("escalation-reading")).ToHaveCountAsync(0);
        var lateEnd = await designer.AppendAsync(late, "end");
        await designer.ScreenshotAsync(shot + "-escalation-on-the-edge");

        var jump = await designer.AppendAsync(review, "link-throw");
        await Expect(designer.Panel.Locator(".crm-kind-badge")).ToHaveTextAsync(Say("Go to link", "Переход по ссылке"));
        await Expect(page.Locator(".djs-context-pad .entry[data-action^='append.']")).ToHaveCountAsync(0); // a flow never leaves it
        await Expect(designer.ProblemsOf(jump).Locator("xpath=self::*[@data-problem='link.name-missing']")).ToHaveCountAsync(1);
        await Expect(designer.Panel.Locator("[data-link=no-targets]")).ToBeVisibleAsync();

        // The Link target, placed from the palette (nothing leads into it) and named; the Go to link then picks it.
        var canvas = (await page.Locator(".crm-canvas").BoundingBoxAsync())!;
        var land = await designer.DragFromPaletteAsync("link-catch", canvas.X + (canvas.Width * 0.45f), canvas.Y + canvas.Height - 110);
        await Expect(designer.Panel.Locator(".crm-kind-badge")).ToHaveTextAsync(Say("Link target", "Цель ссылки"));
        await designer.FillAsync("name", Say("Approval", "Согласование"));
        await designer.FillAsync("link-name", "approval");
        await designer.SelectAsync(jump);
        await designer.Panel.Locator("[data-link-target=approval]").ClickAsync();
        await Expect(designer.Field("link-name")).ToHaveValueAsync("approval");
        await Expect(designer.Field("name")).ToHaveValueAsync(""); // the target's name typed before is not left showing
        await Expect(page.Locator(".crm-problems li[data-problem^='link.']")).ToHaveCountAsync(0); // only the unfinished path is left
        await designer.ScreenshotAsync(shot + "-go-to-link");

        // Link target -> Approve -> Raise an escalation -> End.
        var approve = await designer.AppendAsync(land, "action");
        await designer.FillAsync("name", Say("Approve", "Согласовать"));
        await designer.SelectOptionAsync("performer-kind", "role");
        await designer.SelectOptionAsync("performer-role", "Sales manager");
        var raise = await designer.AppendAsync(approve, "escalation-throw");
        await Expect(designer.Panel.Locator(".crm-kind-badge")).ToHaveTextAsync(Say("Raise an escalation", "Поднять эскалацию"));
        await designer.FillAsync("name", Say("Tell the head", "Сообщить руководителю"));
        await designer.FillAsync("escalation-code", "BIG_CLAIM");
        var end = await designer.AppendAsync(raise, "end");
        await designer.SelectOptionAsync("end-kind", "escalation-end");
        await Expect(designer.Panel.Locator(".crm-kind-badge")).ToHaveTextAsync(Say("End with an escalation", "Завершить с эскалацией"));
        await designer.FillAsync("escalation-code", "CLOSED");
        await designer.SelectAsync(land);
        await Expect(designer.Panel.Locator("[data-link=throws]")).ToContainTextAsync(Say("the unnamed go to link after 'Review the claim'", "без названия после «Проверить заявку»"));
        await designer.ScreenshotAsync(shot + "-link-target");

        await Expect(designer.Problems).ToHaveCountAsync(0);
        await Expect(designer.Status).ToHaveTextAsync(Say("✓ Ready to publish", "✓ Можно публиковать"));
        await page.Locator("[data-testid=publish]").ClickAsync();
        await Expect(page.Locator("[data-testid=publish-result]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Published new-route-map version [0-9]+$"));
        await designer.ScreenshotAsync(shot + "-published");

        // What the engine reads from the saved file.
        var result = new BpmnImporter().ReadXml(await designer.XmlAsync());
        var map = result.Maps.ShouldHaveSingleItem();
        map.Points.OfType<KeptPoint>().ShouldBeEmpty();
        T Point<T>(string id) where T : Point => map.FindPoint(id).ShouldBeOfType<T>();

        Point<LinkThrowPoint>(jump).LinkName.ShouldBe("approval");
        Point<LinkCatchPoint>(land).LinkName.ShouldBe("approval");
        var edge = Point<BoundaryEscalationPoint>(late);
        (edge.AttachedToId, edge.CancelsActivity, edge.Escalation?.Code, edge.CodeVariable).ShouldBe((review, false, "LATE", "why"));
        Point<EscalationThrowPoint>(raise).Escalation.Code.ShouldBe("BIG_CLAIM");
        Point<EndPoint>(end).Escalation?.Code.ShouldBe("CLOSED");
        Point<EndPoint>(lateEnd).Escalation.ShouldBeNull();
    }

    /// <summary>Puts an event of <paramref name="kind"/> on the edge of an activity with its context pad.</summary>
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
