using System.Net;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Runtime;
using CrmBpm.Server.RouteMaps;
using CrmBpm.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBpm.Server.Tests;

/// <summary>
/// The route-map pages as a signed-in browser first receives them (the prerendered HTML): the list, the editor with or without
/// Save/Publish, a published version read-only, and a running instance with its history.
/// </summary>
public sealed class TheRouteMapPages(SqliteServer server) : IClassFixture<SqliteServer>
{
    [Fact]
    public async Task A_consultant_sees_every_map_with_its_versions_and_may_create_or_import()
    {
        using var carl = await server.SignInWithCookieAsync("carl");
        var html = await carl.GetStringAsync("/route-maps");

        html.ShouldContain("data-testid=\"route-maps\"");
        html.ShouldContain("typical-sale");
        html.ShouldContain("v1 published");
        html.ShouldContain("New map");
        html.ShouldContain("Import .bpmn");
        html.ShouldContain("api/route-maps/typical-sale/versions/1/bpmn");
    }

    [Theory]
    [InlineData("/app.css")]
    [InlineData("/CrmBpm.Server.styles.css")]
    [InlineData("/_content/CrmBpm.Designer/RouteMapDesigner.razor.js")]
    [InlineData("/_content/CrmBpm.Designer/js/modeler/crmbpm-modeler.js")]
    public async Task The_designers_styles_module_and_bpmn_js_bundle_are_served(string path)
    {
        using var client = server.Anonymous();
        using var response = await client.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
    }

    [Fact]
    public async Task A_manager_reads_the_list_without_creating_or_importing()
    {
        using var anna = await server.SignInWithCookieAsync("anna");
        var html = await anna.GetStringAsync("/route-maps");

        html.ShouldContain("typical-sale");
        html.ShouldNotContain("New map");
        html.ShouldNotContain("Import .bpmn");
    }

    [Fact]
    public async Task A_consultant_opens_the_editor_with_save_draft_and_publish()
    {
        using var carl = await server.SignInWithCookieAsync("carl");
        var html = await carl.GetStringAsync("/route-maps/typical-sale");

        html.ShouldContain("data-testid=\"save-draft\"");
        html.ShouldContain("data-testid=\"publish\"");
        html.ShouldContain("data-testid=\"version-picker\"");
        html.ShouldNotContain("data-testid=\"read-only-notice\"");
    }

    [Fact]
    public async Task A_manager_sees_the_editor_read_only_without_save_or_publish()
    {
        using var anna = await server.SignInWithCookieAsync("anna");
        var html = await anna.GetStringAsync("/route-maps/typical-sale");

        html.ShouldContain("data-testid=\"read-only-notice\"");
        html.ShouldNotContain("data-testid=\"save-draft\"");
        html.ShouldNotContain("data-testid=\"publish\"");
    }

    [Fact]
    public async Task A_chosen_published_version_opens_read_only_even_for_a_consultant()
    {
        using var carl = await server.SignInWithCookieAsync("carl");
        var html = await carl.GetStringAsync("/route-maps/typical-sale?version=1");

        html.ShouldContain("Version 1, read-only");
        html.ShouldNotContain("data-testid=\"save-draft\"");
    }

    [Fact]
    public async Task A_new_map_opens_blank_under_its_key_and_name()
    {
        using var carl = await server.SignInWithCookieAsync("carl");
        var html = await carl.GetStringAsync("/route-maps/call-back?name=Call%20back");

        html.ShouldContain("Call back");
        html.ShouldContain("data-testid=\"save-draft\"");
    }

    [Fact]
    public async Task The_instance_view_shows_the_path_and_the_history_of_a_running_instance()
    {
        var key = "t" + Guid.NewGuid().ToString("N")[..12];
        Guid instanceId;
        await using (var scope = server.Host.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<RouteMapEditing>().PublishAsync(RouteMapXml.Valid(key), key)).Succeeded.ShouldBeTrue();
            instanceId = (await scope.ServiceProvider.GetRequiredService<IProcessEngine>().StartAsync(key)).Id;
        }

        Guid taskId;
        await using (var scope = server.Host.Services.CreateAsyncScope())
        {
            taskId = (await scope.ServiceProvider.GetRequiredService<Engine.Tasks.ITaskService>().GetTasksOfInstanceAsync(instanceId)).Single().Id;
        }

        using var anna = await server.SignInWithCookieAsync("anna");
        var html = await anna.GetStringAsync($"/instances/{instanceId}");

        html.ShouldContain("data-testid=\"instance-state\"");
        html.ShouldContain("Running");
        html.ShouldContain("data-testid=\"instance-path\"");
        html.ShouldContain("data-testid=\"history\"");
        html.ShouldContain("The process reached");
        html.ShouldContain("data-testid=\"open-tasks\"");
        html.ShouldContain($"href=\"tasks/{taskId}\"");
        html.ShouldContain("Call back");
    }

    [Fact]
    public async Task Anyone_signed_in_is_offered_to_start_the_latest_published_version()
    {
        using var anna = await server.SignInWithCookieAsync("anna");
        var html = await anna.GetStringAsync("/route-maps/typical-sale");

        html.ShouldContain("data-testid=\"start-instance\"");
        html.ShouldContain("Start an instance of v1");
    }

    [Fact]
    public async Task The_start_form_asks_for_the_start_variables_the_map_declares()
    {
        var key = "t" + Guid.NewGuid().ToString("N")[..12];
        var xml = RouteMapXml.Valid(key).Replace("<bpmn:startEvent id=\"start\" />", """
            <bpmn:extensionElements>
              <crm:startVariable name="amount" type="number" label="Deal amount" required="true" />
              <crm:startVariable name="urgent" type="boolean" />
            </bpmn:extensionElements>
            <bpmn:startEvent id="start" />
            """, StringComparison.Ordinal);
        await using (var scope = server.Host.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<RouteMapEditing>().PublishAsync(xml, key)).Succeeded.ShouldBeTrue();
        }

        using var anna = await server.SignInWithCookieAsync("anna");
        var html = await anna.GetStringAsync($"/route-maps/{key}");

        html.ShouldContain("data-testid=\"start-declared\"");
        html.ShouldContain("Deal amount *");
        html.ShouldContain("data-testid=\"start-amount\" type=\"number\"");
        html.ShouldContain("<select data-testid=\"start-urgent\"");
        html.ShouldContain("Other variables");
    }

    [Fact]
    public async Task A_map_with_only_a_draft_offers_no_start()
    {
        var key = "t" + Guid.NewGuid().ToString("N")[..12];
        await using (var scope = server.Host.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<RouteMapEditing>().SaveDraftAsync(RouteMapXml.Valid(key), key)).Map.ShouldNotBeNull();
        }

        using var carl = await server.SignInWithCookieAsync("carl");
        var html = await carl.GetStringAsync($"/route-maps/{key}");

        html.ShouldContain("data-testid=\"save-draft\"");
        html.ShouldNotContain("data-testid=\"start-instance\"");
    }

    [Fact]
    public async Task An_unknown_instance_says_so()
    {
        using var carl = await server.SignInWithCookieAsync("carl");
        var html = await carl.GetStringAsync($"/instances/{Guid.NewGuid()}");
        html.ShouldContain("There is no instance");
    }

    [Fact]
    public async Task The_path_highlight_marks_visited_points_and_flows_and_where_the_instance_waits()
    {
        var key = "t" + Guid.NewGuid().ToString("N")[..12];
        await using var scope = server.Host.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<RouteMapEditing>().PublishAsync(RouteMapXml.Valid(key), key)).Map!.Status.ShouldBe(RouteMapStatus.Published);
        var engine = scope.ServiceProvider.GetRequiredService<IProcessEngine>();
        var instance = await engine.StartAsync(key);
        var tasks = await scope.ServiceProvider.GetRequiredService<Engine.Tasks.ITaskService>().GetTasksOfInstanceAsync(instance.Id);

        var highlight = InstancePath.Highlight(await engine.GetInstanceAsync(instance.Id), await engine.GetHistoryAsync(instance.Id), tasks);

        highlight.Visited.ShouldContain("start");
        highlight.Visited.ShouldContain("f1");
        highlight.Active.ShouldBe(["call"]);
    }
}
