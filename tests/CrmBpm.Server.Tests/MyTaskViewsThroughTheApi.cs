using System.Net;
using System.Text.Json;
using CrmBpm.Server.Tests.Infrastructure;
using CrmBpm.Testing.Postgres;

namespace CrmBpm.Server.Tests;

/// <summary>
/// The views of My tasks through <c>GET /api/tasks</c>: open today, postponed (with the date, brought back by
/// <c>POST /api/tasks/{id}/bring-back</c>), done (newest first, with outcome and time), and sorting by any column either way,
/// for a Manager, a Head (their team's too) and an Administrator.
/// </summary>
public abstract class MyTaskViewsThroughTheApi(ServerFixture server)
{
    [Fact]
    public async Task A_postponed_task_leaves_the_open_view_shows_in_postponed_with_its_date_comes_back_and_once_done_is_in_done()
    {
        var anna = await server.SignInAsync("anna");
        var deal = await OpenTypicalSaleAsync(anna, "Postponed forklifts");
        var task = (await anna.GetOkAsync($"/api/tasks?subjectType=deal&subjectId={deal.Id()}")).Items().ShouldHaveSingleItem();
        var until = DateTimeOffset.UtcNow.AddDays(3);

        await anna.PostJsonAsync($"/api/tasks/{task.Id()}/postpone", new { until }).ExpectAsync(HttpStatusCode.OK);

        (await anna.GetOkAsync($"/api/tasks?subjectType=deal&subjectId={deal.Id()}")).Items().ShouldBeEmpty();
        var postponed = (await anna.GetOkAsync($"/api/tasks?view=Postponed&subjectType=deal&subjectId={deal.Id()}")).Items().ShouldHaveSingleItem();
        postponed.Id().ShouldBe(task.Id());
        postponed.GetProperty("postponedUntil").GetDateTimeOffset().ShouldBe(until, TimeSpan.FromMilliseconds(1));

        var back = await anna.PostJsonAsync($"/api/tasks/{task.Id()}/bring-back").ExpectAsync(HttpStatusCode.OK);

        back.GetProperty("postponedUntil").ValueKind.ShouldBe(JsonValueKind.Null);
        (await anna.GetOkAsync($"/api/tasks?view=Postponed&subjectType=deal&subjectId={deal.Id()}")).Items().ShouldBeEmpty();
        (await anna.GetOkAsync($"/api/tasks?subjectType=deal&subjectId={deal.Id()}")).Items().ShouldHaveSingleItem().Id().ShouldBe(task.Id());
        var again = await anna.PostJsonAsync($"/api/tasks/{task.Id()}/bring-back").ExpectAsync(HttpStatusCode.Conflict);
        again.Str("code").ShouldBe("task.not-postponed");

        await anna.PostJsonAsync($"/api/tasks/{task.Id()}/complete").ExpectAsync(HttpStatusCode.OK);

        var done = (await anna.GetOkAsync("/api/tasks?view=Done&pageSize=1")).Items().ShouldHaveSingleItem();
        done.Id().ShouldBe(task.Id(), "the newest completion comes first");
        done.Str("status").ShouldBe("Completed");
        done.Str("completedBy").ShouldBe("anna");
        done.GetProperty("closedAt").GetDateTimeOffset().ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(-1));
    }

    [Fact]
    public async Task The_done_view_is_each_person_s_own_and_not_a_team_list()
    {
        var helga = await server.SignInAsync("helga");
        var admin = await server.SignInAsync("admin");

        foreach (var done in (await helga.GetOkAsync("/api/tasks?view=Done&pageSize=200")).Items())
        {
            done.Str("completedBy").ShouldBe("helga");
        }

        (await admin.GetOkAsync("/api/tasks?view=Done")).GetProperty("page").GetInt32().ShouldBe(1);
        var refused = await helga.GetAsync("/api/tasks?view=Done&scope=Team").ExpectAsync(HttpStatusCode.BadRequest);
        refused.GetProperty("errors").GetProperty("scope").EnumerateArray().ShouldHaveSingleItem().GetString()!.ShouldContain("scope=Mine");
    }

    [Fact]
    public async Task A_head_sees_the_team_s_postponed_tasks_and_may_bring_one_back()
    {
        var anna = await server.SignInAsync("anna");
        var helga = await server.SignInAsync("helga");
        var admin = await server.SignInAsync("admin");
        var deal = await OpenTypicalSaleAsync(anna, "Team postponed pallets");
        var task = (await anna.GetOkAsync($"/api/tasks?subjectType=deal&subjectId={deal.Id()}")).Items().ShouldHaveSingleItem();
        await anna.PostJsonAsync($"/api/tasks/{task.Id()}/accept").ExpectAsync(HttpStatusCode.OK); // a pool task: now Anna's own
        await anna.PostJsonAsync($"/api/tasks/{task.Id()}/postpone", new { until = DateTimeOffset.UtcNow.AddDays(1) }).ExpectAsync(HttpStatusCode.OK);

        (await helga.GetOkAsync($"/api/tasks?scope=Team&view=Postponed&subjectType=deal&subjectId={deal.Id()}")).Items().ShouldHaveSingleItem().Id().ShouldBe(task.Id());
        (await admin.GetOkAsync($"/api/tasks?scope=Team&view=Postponed&subjectType=deal&subjectId={deal.Id()}")).Items().ShouldHaveSingleItem();
        (await helga.GetOkAsync($"/api/tasks?view=Postponed&subjectType=deal&subjectId={deal.Id()}")).Items().ShouldBeEmpty("not in her own list");

        await helga.PostJsonAsync($"/api/tasks/{task.Id()}/bring-back").ExpectAsync(HttpStatusCode.OK);

        (await anna.GetOkAsync($"/api/tasks?subjectType=deal&subjectId={deal.Id()}")).Items().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_manager_may_not_bring_back_someone_else_s_task()
    {
        var anna = await server.SignInAsync("anna");
        var boris = await server.SignInAsync("boris");
        var deal = await OpenTypicalSaleAsync(anna, "Not Boris's crates");
        var task = (await anna.GetOkAsync($"/api/tasks?subjectType=deal&subjectId={deal.Id()}")).Items().ShouldHaveSingleItem();
        await anna.PostJsonAsync($"/api/tasks/{task.Id()}/accept").ExpectAsync(HttpStatusCode.OK); // a pool task: now Anna's own
        await anna.PostJsonAsync($"/api/tasks/{task.Id()}/postpone", new { until = DateTimeOffset.UtcNow.AddDays(1) }).ExpectAsync(HttpStatusCode.OK);

        var refused = await boris.PostJsonAsync($"/api/tasks/{task.Id()}/bring-back").ExpectAsync(HttpStatusCode.Forbidden);

        refused.Str("code").ShouldBe("task.not-yours");
    }

    [Theory]
    [InlineData("anna", "")]
    [InlineData("helga", "")]
    [InlineData("helga", "&scope=Team")]
    [InlineData("admin", "&scope=Team")]
    public async Task My_tasks_sort_by_title_either_way_and_by_creation(string user, string scope)
    {
        var anna = await server.SignInAsync("anna");
        await OpenTypicalSaleAsync(anna, "Sorting a");
        await OpenTypicalSaleAsync(anna, "Sorting b");
        var client = await server.SignInAsync(user);

        var byTitle = (await client.GetOkAsync($"/api/tasks?sort=Title&pageSize=200{scope}")).Items().Select(t => t.Str("title")).ToList();
        var byTitleDown = (await client.GetOkAsync($"/api/tasks?sort=Title&descending=true&pageSize=200{scope}")).Items().Select(t => t.Str("title")).ToList();
        var byCreation = (await client.GetOkAsync($"/api/tasks?sort=Created&pageSize=200{scope}")).Items().Select(t => t.GetProperty("createdAt").GetDateTimeOffset()).ToList();

        byTitle.Select(t => t.ToLowerInvariant()).ShouldBe(byTitle.Select(t => t.ToLowerInvariant()).Order(StringComparer.Ordinal));
        byTitleDown.Select(t => t.ToLowerInvariant()).ShouldBe(byTitle.Select(t => t.ToLowerInvariant()).Reverse());
        byCreation.ShouldBe(byCreation.Order());
        if (user != "anna" && scope == "")
        {
            return; // helga's own list need not hold Anna's tasks
        }

        byTitle.Count.ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task An_unknown_view_or_sort_is_refused_naming_the_parameter()
    {
        var anna = await server.SignInAsync("anna");

        (await anna.GetAsync("/api/tasks?sort=subjectName").ExpectAsync(HttpStatusCode.BadRequest)).GetRawText().ShouldContain("sort");
        (await anna.GetAsync("/api/tasks?view=later").ExpectAsync(HttpStatusCode.BadRequest)).GetRawText().ShouldContain("view");
    }

    [Fact]
    public async Task The_openapi_document_lists_the_views_the_sorts_and_bringing_back()
    {
        using var anonymous = server.Anonymous();

        var paths = (await anonymous.GetOkAsync("/openapi/v1.json")).GetProperty("paths");

        var parameters = paths.GetProperty("/api/tasks").GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.Str("name")).ToList();
        parameters.ShouldContain("view");
        parameters.ShouldContain("sort");
        parameters.ShouldContain("descending");
        paths.GetProperty("/api/tasks/{taskId}/bring-back").GetProperty("post").Str("operationId").ShouldBe("BringBackTask");
    }

    private static async Task<JsonElement> OpenTypicalSaleAsync(HttpClient client, string title) =>
        await client.PostJsonAsync("/api/deals", new
        {
            title, partnerId = await ManagersDayThroughTheApi.PartnerIdAsync(client, "Nordwind"), kind = "ProcessControlled", routeMapKey = "typical-sale", potentialAmount = 10_000,
        }).ExpectAsync(HttpStatusCode.Created);
}

public sealed class MyTaskViewsThroughTheApiOnSqlite(SqliteServer server) : MyTaskViewsThroughTheApi(server), IClassFixture<SqliteServer>;

[RequiresPostgres]
public sealed class MyTaskViewsThroughTheApiOnPostgreSql(PostgresServer server) : MyTaskViewsThroughTheApi(server), IClassFixture<PostgresServer>;
