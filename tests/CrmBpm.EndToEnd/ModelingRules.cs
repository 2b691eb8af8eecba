using CrmBpm.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace CrmBpm.EndToEnd;

/// <summary>The canvas offers only what a route map can hold, undo covers panel edits, and a running instance is shown read-only.</summary>
[Collection(DesignerCollection.Name)]
public sealed class ModelingRules(DesignerFixture fixture)
{
    [Fact]
    public async Task The_palette_offers_exactly_our_point_kinds_by_their_names()
    {
        var designer = await fixture.OpenAsync();
        var labels = await designer.Page.Locator(".djs-palette .group[data-group=points] .entry").EvaluateAllAsync<string[]>("es => es.map(e => e.getAttribute('aria-label'))");
        labels.ShouldBe([
            "Start", "Action", "Condition", "Choice", "One or more paths", "Split", "Merge", "Wait for the first event", "Nested process", "Automatic step", "Script",
            "Wait for time", "Wait for a message", "Wait for a signal", "Send a signal", "Raise an escalation", "Go to link", "Link target", "End",
        ]);
        await designer.Page.CloseAsync();
    }

    [Fact]
    public async Task An_action_with_its_flow_offers_no_next_point_and_refuses_a_second_flow()
    {
        var designer = await fixture.OpenAsync();
        var first = await designer.AppendAsync("Start", "action");
        var second = await designer.AppendAsync(first, "action");

        await designer.SelectAsync(first);
        await Assertions.Expect(designer.Page.Locator(".djs-context-pad .entry[data-action^='append.']")).ToHaveCountAsync(0);
        await Assertions.Expect(designer.Page.Locator(".djs-context-pad .entry[data-action='connect']")).ToHaveCountAsync(0);

        // The global connect tool from the palette: dragging a second flow out of the first action is refused.
        var flowsBefore = await designer.Page.Locator(".djs-connection").CountAsync();
        await designer.Page.Locator(".djs-palette .entry[data-action='global-connect-tool']").ClickAsync();
        var (fx, fy) = await designer.CenterAsync(first);
        var (sx, sy) = await designer.CenterAsync("Start");
        await designer.Page.Mouse.MoveAsync(fx, fy);
        await designer.Page.Mouse.DownAsync();
        await designer.Page.Mouse.MoveAsync(sx, sy, new MouseMoveOptions { Steps = 10 });
        await designer.Page.Mouse.UpAsync();
        await designer.Page.WaitForTimeoutAsync(300);
        (await designer.Page.Locator(".djs-connection").CountAsync()).ShouldBe(flowsBefore);
        second.ShouldNotBe(first);
        await designer.Page.CloseAsync();
    }

    [Fact]
    public async Task An_action_changes_into_a_script_and_events_sit_only_on_the_edge_of_an_action_a_nested_process_or_an_automatic_step()
    {
        var designer = await fixture.OpenAsync();
        var action = await designer.AppendAsync("Start", "action");
        await designer.Page.Locator(".djs-context-pad .entry[data-action='replace']").ClickAsync();
        await designer.Page.Locator(".djs-popup [data-id='replace.script']").ClickAsync();
        await designer.SelectAsync(action);
        await Assertions.Expect(designer.Panel.Locator(".crm-kind-badge")).ToHaveTextAsync("Script");

        // A script offers nothing on its edge; an Action offers a timer, a message, a signal, an error and an escalation.
        await Assertions.Expect(designer.Page.Locator(".djs-context-pad .entry[data-action^='attach.']")).ToHaveCountAsync(0);
        await designer.Page.Locator("[data-action=undo]").ClickAsync();
        // The undo swaps the script's shape back for the action's; wait for it (the host's XML follows the canvas) before clicking it.
        await Assertions.Expect(designer.Page.Locator("[data-testid=xml]")).ToContainTextAsync($"<bpmn:userTask id=\"{action}\"");
        await designer.SelectAsync(action);
        await Assertions.Expect(designer.Panel.Locator(".crm-kind-badge")).ToHaveTextAsync("Action");
        await Assertions.Expect(designer.Page.Locator(".djs-context-pad .entry[data-action^='attach.']")).ToHaveCountAsync(5);
        await designer.Page.CloseAsync();
    }

    [Fact]
    public async Task Undo_reverts_an_edit_made_in_the_properties_panel()
    {
        var designer = await fixture.OpenAsync();
        var action = await designer.AppendAsync("Start", "action");
        await designer.SelectAsync(action);
        await designer.FillAsync("name", "Call the customer");
        await Assertions.Expect(designer.Element(action)).ToContainTextAsync("Call the customer");

        await designer.Page.Locator("[data-action=undo]").ClickAsync();

        await Assertions.Expect(designer.Element(action)).Not.ToContainTextAsync("Call the customer");
        await designer.Page.CloseAsync();
    }

    [Fact]
    public async Task A_running_instance_is_shown_read_only_with_its_path_and_current_task_highlighted()
    {
        var designer = await fixture.OpenAsync("instance?sample=typical-sale&visited=start,qualification,needs,split,creditCheck&active=offer");
        await Assertions.Expect(designer.Page.Locator(".djs-palette")).ToHaveCountAsync(0);
        await Assertions.Expect(designer.Page.Locator(".djs-element.crm-active")).Not.ToHaveCountAsync(0);
        await designer.ScreenshotAsync("05-running-instance-read-only");
        await designer.Page.CloseAsync();
    }
}
