using CrmBpm.Testing.Postgres;
using System.Net;
using System.Text.Json;
using CrmBpm.Server.Tests.Infrastructure;

namespace CrmBpm.Server.Tests;

/// <summary>
/// An instance is seen by those who see its subject or take part in it (and their Heads, and Administrators); to
/// everybody else it answers exactly like a missing one. Its ids cannot be guessed, and a task hidden one by one is
/// hidden in the instance's task list too.
/// </summary>
public abstract class InstancesFollowTheirSubject(ServerFixture server)
{
    [Fact]
    public async Task A_deals_process_is_seen_by_whoever_sees_the_deal_and_answers_404_to_everybody_else()
    {
        var anna = await server.SignInAsync("anna");
        var deal = await OpenTypicalSaleAsync(anna, "Cold chain sensors");
        var process = deal.GetProperty("processInstanceId").GetGuid();
        // While the first task is open in the Sales manager pool, every member of the pool takes part; once anna holds it, only she does.
        var first = (await anna.GetOkAsync($"/api/tasks?subjectType=deal&subjectId={deal.Id()}")).Items().Single();
        await anna.PostJsonAsync($"/api/tasks/{first.Id()}/accept").ExpectAsync(HttpStatusCode.OK);

        foreach (var user in new[] { "anna", "helga", "admin" })
        {
            var client = await server.SignInAsync(user);
            (await client.GetOkAsync($"/api/instances/{process}")).GetProperty("variables").GetProperty("potentialAmount").GetDecimal().ShouldBe(7_500);
            await client.GetOkAsync($"/api/instances/{process}/tasks");
            await client.GetOkAsync($"/api/instances/{process}/history");
        }

        var boris = await server.SignInAsync("boris");
        var carl = await server.SignInAsync("carl");
        var missing = await boris.GetAsync($"/api/instances/{Guid.NewGuid()}").ExpectAsync(HttpStatusCode.NotFound);
        foreach (var client in new[] { boris, carl })
        {
            foreach (var url in new[] { $"/api/instances/{process}", $"/api/instances/{process}/tasks", $"/api/instances/{process}/history" })
            {
                var hidden = await client.GetAsync(url).ExpectAsync(HttpStatusCode.NotFound);
                hidden.Str("code").ShouldBe(missing.Str("code"));
                hidden.Str("title").ShouldBe(missing.Str("title"));
            }
        }
    }

    [Fact]
    public async Task An_instance_without_a_subject_is_seen_by_its_starter_and_his_head_only()
    {
        var helga = await server.SignInAsync("helga");
        var started = await helga.PostJsonAsync("/api/instances", new { mapKey = "typical-sale", variables = new { dealTitle = "Helga's own" } }).ExpectAsync(HttpStatusCode.Created);

        await helga.GetOkAsync($"/api/instances/{started.Id()}");
        await (await server.SignInAsync("admin")).GetOkAsync($"/api/instances/{started.Id()}");
        await (await server.SignInAsync("carl")).GetAsync($"/api/instances/{started.Id()}").ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Instance_and_task_ids_are_random_so_one_id_tells_nothing_about_the_next()
    {
        var anna = await server.SignInAsync("anna");
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var deal = await OpenTypicalSaleAsync(anna, $"Pallet scales {i}");
            ids.Add(deal.GetProperty("processInstanceId").GetGuid());
            ids.AddRange((await anna.GetOkAsync($"/api/tasks?subjectType=deal&subjectId={deal.Id()}")).Items().Select(t => t.Id()));
        }

        ids.Count.ShouldBe(6);
        ids.ShouldAllBe(id => id.Version == 4);
        // Sequential ids share everything but their last bytes; random ones share (almost) nothing.
        ids.Select(id => id.ToString()[..8]).Distinct().Count().ShouldBe(6);
    }

    [Fact]
    public async Task A_task_hidden_one_by_one_is_hidden_in_the_task_list_of_its_instance_too()
    {
        var anna = await server.SignInAsync("anna");
        var deal = await OpenTypicalSaleAsync(anna, "Loading ramps");
        await CompleteAsync(anna, deal, "qualification");
        await CompleteAsync(anna, deal, "needs", new { needs = "2 ramps" });
        await CompleteAsync(anna, deal, "offer", new { amount = 9000 });
        var process = deal.GetProperty("processInstanceId").GetGuid();

        // The credit check waits in the Accountant pool, which anna is not in.
        var helgas = (await (await server.SignInAsync("helga")).GetOkAsync($"/api/instances/{process}/tasks")).Items()
            .Single(t => t.Str("pointId") == "creditCheck" && t.Str("status") is "Open" or "Accepted");
        await anna.GetAsync($"/api/tasks/{helgas.Id()}").ExpectAsync(HttpStatusCode.Forbidden);

        var annasList = (await anna.GetOkAsync($"/api/instances/{process}/tasks")).Items().Select(t => t.Id()).ToList();
        annasList.ShouldNotContain(helgas.Id());
        annasList.ShouldNotBeEmpty();
    }

    private static async Task<JsonElement> OpenTypicalSaleAsync(HttpClient client, string title) =>
        await client.PostJsonAsync("/api/deals", new
        {
            title, partnerId = await ManagersDayThroughTheApi.PartnerIdAsync(client, "Nordwind"), kind = "ProcessControlled", routeMapKey = "typical-sale",
            potentialAmount = 7_500,
        }).ExpectAsync(HttpStatusCode.Created);

    private static async Task CompleteAsync(HttpClient client, JsonElement deal, string pointId, object? variables = null)
    {
        var task = (await client.GetOkAsync($"/api/tasks?subjectType=deal&subjectId={deal.Id()}")).Items().Single(t => t.Str("pointId") == pointId);
        if (task.GetProperty("requiresAcceptance").GetBoolean())
        {
            await client.PostJsonAsync($"/api/tasks/{task.Id()}/accept").ExpectAsync(HttpStatusCode.OK);
        }

        await client.PostJsonAsync($"/api/tasks/{task.Id()}/complete", new { variables }).ExpectAsync(HttpStatusCode.OK);
    }
}

public sealed class InstancesFollowTheirSubjectOnSqlite(SqliteServer server) : InstancesFollowTheirSubject(server), IClassFixture<SqliteServer>;

[RequiresPostgres]
public sealed class InstancesFollowTheirSubjectOnPostgreSql(PostgresServer server) : InstancesFollowTheirSubject(server), IClassFixture<PostgresServer>;
