using CrmBpm.EndToEnd.Infrastructure;
using CrmBpm.Engine.Bpmn;
using CrmBpm.Engine.Definitions;
using Microsoft.Playwright;

namespace CrmBpm.EndToEnd;

/// <summary>
/// A consultant gives an Action a deadline in working time and an escalation ladder from its properties panel: each step becomes
/// a timer on the task's edge, and the engine's own importer reads back the same ladder from the XML the designer wrote.
/// </summary>
[Collection(DesignerCollection.Name)]
public sealed class DesigningAnEscalationLadder(DesignerFixture fixture)
{
    [Fact]
    public async Task A_ladder_added_in_the_panel_is_drawn_on_the_tasks_edge_and_reads_back_as_the_same_ladder_in_the_engine()
    {
        await fixture.WithDesignerAsync("failed-escalation-ladder", async designer =>
        {
            var review = await designer.AppendAsync("Start", "action");
            await designer.FillAsync("name", "Review the claim");
            await designer.Panel.Locator("[data-field=new-outcome]").FillAsync("Accept");
            await designer.Panel.Locator("[data-action=add-outcome]").ClickAsync();
            await designer.SelectOptionAsync("deadline-kind", "duration");
            await designer.FillAsync("deadline", "P3D");
            await designer.Field("working-time").CheckAsync();
            await Expect(designer.Field("working-time-hint")).ToContainTextAsync("3 working days");
            await designer.Field("working-time").ScrollIntoViewIfNeededAsync();
            await designer.ScreenshotAsync("19-deadline-in-working-time");

            // A form field's row shows its remove button and its "required" tick whole, inside the panel.
            await designer.Panel.Locator("[data-action='add-form-field']").ClickAsync();
            var row = designer.Panel.Locator(".crm-form-field").First;
            await Expect(row).ToBeVisibleAsync();
            var panel = (await designer.Panel.BoundingBoxAsync())!;
            foreach (var part in new[] { row.Locator("button.crm-icon-button"), row.Locator("label.crm-inline") })
            {
                var box = (await part.BoundingBoxAsync())!;
                (box.X + box.Width).ShouldBeLessThanOrEqualTo(panel.X + panel.Width - 8, "inside the panel, not cut by its edge");
                box.Height.ShouldBeLessThan(34, "on one line");
            }

            await row.ScrollIntoViewIfNeededAsync();
            await designer.ScreenshotAsync("19-form-field-row");
            await row.Locator("button.crm-icon-button").ClickAsync();

            // Added out of order: the designer keeps the engine's order (by time from the deadline, the default outcome last).
            await AddStepAsync(designer, "DefaultOutcome", 1);
            await AddStepAsync(designer, "RemindPerformer", 2);
            await AddStepAsync(designer, "NotifyHead", 3);
            await AddStepAsync(designer, "ReassignToHead", 4);
            var steps = designer.Panel.Locator(".crm-escalation-step");
            await Expect(steps.Locator("[data-field=escalation-reading]")).ToHaveTextAsync(
            [
                "Reminds the performer 4 hours before the deadline.",
                "Notifies the head of the performer's department at the deadline.",
                "Hands the task over to the head 1 day after the deadline.",
                "Completes the task with \"Accept\" on the system's behalf 2 days after the deadline; the task ends.",
            ]);
            var ids = await steps.EvaluateAllAsync<string[]>("steps => steps.map(s => s.dataset.step)");
            foreach (var id in ids)
            {
                await Expect(designer.Element(id)).ToBeVisibleAsync();
            }

            await designer.ScreenshotAsync("20-escalation-ladder");

            // A step's time changed in the panel is read back at once.
            await steps.Nth(2).Locator("[data-field=escalation-duration]").FillAsync("P1DT2H");
            await steps.Nth(2).Locator("[data-field=escalation-duration]").PressAsync("Tab");
            await Expect(steps.Nth(2).Locator("[data-field=escalation-reading]")).ToHaveTextAsync("Hands the task over to the head 1 day 2 hours after the deadline.");

            // The reminder removed from the panel is gone from the canvas too.
            await steps.Nth(0).Locator("[data-action=remove-escalation]").ClickAsync();
            await Expect(steps).ToHaveCountAsync(3);
            await Expect(designer.Page.Locator($".djs-element[data-element-id='{ids[0]}']")).ToHaveCountAsync(0);

            // Selecting a step's timer on the canvas says what it does in plain words.
            await designer.SelectAsync(ids[1]);
            await Expect(designer.Panel.Locator(".crm-kind-badge")).ToHaveTextAsync("Escalation step");
            await Expect(designer.Field("escalation-reading")).ToHaveTextAsync("Notifies the head of the performer's department at the deadline.");
            await designer.ScreenshotAsync("21-escalation-step-selected");

            var xml = await designer.XmlAsync();
            var action = new BpmnImporter().ReadXml(xml).Maps.Single().Points.OfType<ActionPoint>().Single(a => a.Id == review);
            action.Deadline.ShouldNotBeNull().InWorkingTime.ShouldBeTrue();
            action.Escalation.Select(s => (s.Kind, s.Duration, s.Outcome)).ShouldBe(
            [
                (EscalationStepKind.NotifyHead, "PT0S", null),
                (EscalationStepKind.ReassignToHead, "P1DT2H", null),
                (EscalationStepKind.DefaultOutcome, "P2D", "Accept"),
            ]);
            action.Escalation.Select(s => s.Id).ShouldBe(ids.Skip(1));
        });
    }

    private static async Task AddStepAsync(DesignerPage designer, string kind, int count)
    {
        await designer.SelectOptionAsync("new-escalation-kind", kind);
        await designer.Panel.Locator("[data-action=add-escalation]").ClickAsync();
        await Expect(designer.Panel.Locator(".crm-escalation-step")).ToHaveCountAsync(count);
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
