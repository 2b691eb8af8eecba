using CrmBpm.Engine.Definitions;
using CrmBpm.Server.RouteMaps;
using CrmBpm.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBpm.Server.Tests;

/// <summary>What the route-map pages do with the designer's XML: save drafts, publish or be refused with the problems, import files.</summary>
public sealed class EditingRouteMapsInTheServer(SqliteServer server) : IClassFixture<SqliteServer>
{
    [Fact]
    public async Task Saving_the_designers_xml_stores_it_as_a_draft_with_its_problems()
    {
        var key = NewKey();
        var result = await WithEditingAsync(editing => editing.SaveDraftAsync(RouteMapXml.Valid(key), key));

        result.Succeeded.ShouldBeTrue();
        result.Map!.Key.ShouldBe(key);
        result.Map.Status.ShouldBe(RouteMapStatus.Draft);
        result.Problems.ShouldBeEmpty();
        (await WithMapsAsync(maps => maps.GetVersionsAsync(key))).Single().Status.ShouldBe(RouteMapStatus.Draft);
    }

    [Fact]
    public async Task Xml_that_does_not_import_is_refused_with_line_and_element_and_nothing_is_saved()
    {
        var key = NewKey();
        var result = await WithEditingAsync(editing => editing.SaveDraftAsync(RouteMapXml.NotImportable(key), key));

        result.Succeeded.ShouldBeFalse();
        result.Map.ShouldBeNull();
        var problem = result.ImportProblems.ShouldHaveSingleItem();
        problem.Line.ShouldBeGreaterThan(1);
        problem.ElementId.ShouldBe("call");
        (await WithMapsAsync(maps => maps.GetVersionsAsync(key))).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_map_of_another_key_is_not_saved_over_the_one_being_edited()
    {
        var result = await WithEditingAsync(editing => editing.SaveDraftAsync(RouteMapXml.Valid(NewKey()), "typical-sale"));

        result.Map.ShouldBeNull();
        result.ImportProblems.ShouldHaveSingleItem().Message.ShouldContain("typical-sale");
    }

    [Fact]
    public async Task Publishing_a_map_with_problems_is_refused_with_them_and_keeps_the_draft()
    {
        var key = NewKey();
        var result = await WithEditingAsync(editing => editing.PublishAsync(RouteMapXml.WithoutEnd(key), key));

        result.Succeeded.ShouldBeFalse();
        result.IsRefusedPublish.ShouldBeTrue();
        result.Problems.ShouldNotBeEmpty();
        result.Map!.Status.ShouldBe(RouteMapStatus.Draft);
        (await WithMapsAsync(maps => maps.GetLatestPublishedAsync(key))).ShouldBeNull();
    }

    [Fact]
    public async Task Publishing_a_valid_map_answers_the_new_published_version()
    {
        var key = NewKey();
        var first = await WithEditingAsync(editing => editing.PublishAsync(RouteMapXml.Valid(key), key));
        var second = await WithEditingAsync(editing => editing.PublishAsync(RouteMapXml.Valid(key, "Call back twice"), key));

        first.Succeeded.ShouldBeTrue();
        first.Map!.Version.ShouldBe(1);
        second.Map!.Version.ShouldBe(2);
        second.Map.Status.ShouldBe(RouteMapStatus.Published);
        (await WithMapsAsync(maps => maps.GetLatestPublishedAsync(key)))!.Name.ShouldBe("Call back twice");
    }

    [Fact]
    public async Task Importing_a_file_saves_every_process_as_a_draft()
    {
        var key = NewKey();
        var results = await WithEditingAsync(editing => editing.ImportAsync(RouteMapXml.Valid(key)));

        var saved = results.ShouldHaveSingleItem();
        saved.Map!.Key.ShouldBe(key);
        saved.Map.Status.ShouldBe(RouteMapStatus.Draft);
    }

    [Fact]
    public async Task Importing_a_file_with_a_service_task_saves_the_draft_with_its_problem_and_the_loss_report()
    {
        var key = NewKey();

        var saved = (await WithEditingAsync(editing => editing.ImportAsync(RouteMapXml.WithServiceTask(key)))).ShouldHaveSingleItem();

        saved.Map!.Key.ShouldBe(key);
        saved.Problems.ShouldContain(p => p.Code == "point.not-run-yet" && p.PointId == "mail");
        saved.LossReport.ShouldBe(["warning: 1 service task (serviceTask) will not run yet, so the map cannot be published: line 5"]);
    }

    [Fact]
    public async Task Importing_a_file_that_is_not_bpmn_lists_why_and_saves_nothing()
    {
        var results = await WithEditingAsync(editing => editing.ImportAsync("<not-bpmn/>"));

        var refused = results.ShouldHaveSingleItem();
        refused.Map.ShouldBeNull();
        refused.ImportProblems.ShouldNotBeEmpty();
    }

    private static string NewKey() => "t" + Guid.NewGuid().ToString("N")[..12];

    private async Task<T> WithEditingAsync<T>(Func<RouteMapEditing, Task<T>> action)
    {
        await using var scope = server.Host.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<RouteMapEditing>());
    }

    private async Task<T> WithMapsAsync<T>(Func<IRouteMapService, Task<T>> action)
    {
        await using var scope = server.Host.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<IRouteMapService>());
    }
}
