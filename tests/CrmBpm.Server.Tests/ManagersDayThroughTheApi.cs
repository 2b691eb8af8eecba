using CrmBpm.Testing.Postgres;
using System.Net;
using System.Text.Json;
using CrmBpm.Server.Tests.Infrastructure;

namespace CrmBpm.Server.Tests;

/// <summary>
/// A manager's whole day through the API: tasks appear as processes move, completing them moves deals through their
/// stages, skipping is refused naming the task, claims and instructions run to the end; a manager sees only their own.
/// </summary>
public abstract class ManagersDayThroughTheApi(ServerFixture server)
{
    [Fact]
    public async Task A_typical_sale_task_appears_in_my_tasks_and_completing_it_moves_the_deal_on()
    {
        var anna = await server.SignInAsync("anna");
        var deal = await OpenTypicalSaleAsync(anna, "Fleet tablets");
        deal.Str("stage").ShouldBe("qualification");

        var mine = await anna.GetOkAsync($"/api/tasks?subjectType=deal&subjectId={deal.Id()}");
        var task = mine.Items().ShouldHaveSingleItem();
        task.Str("pointId").ShouldBe("qualification");
        task.Str("mapKey").ShouldBe("typical-sale");

        await anna.PostJsonAsync($"/api/tasks/{task.Id()}/complete").ExpectAsync(HttpStatusCode.OK);

        var moved = await anna.GetOkAsync($"/api/deals/{deal.Id()}");
        moved.GetProperty("deal").Str("stage").ShouldBe("needs-analysis");
        var needsTask = moved.GetProperty("openTasks").EnumerateArray().ShouldHaveSingleItem();

        var refusal = await anna.PostJsonAsync($"/api/deals/{deal.Id()}/stage", new { stage = "Offer" }).ExpectAsync(HttpStatusCode.Conflict);
        refusal.Str("code").ShouldBe("deal.stage-controlled-by-process");
        refusal.Str("currentStage").ShouldBe("needs-analysis");
        refusal.GetProperty("tasks").EnumerateArray().ShouldHaveSingleItem().GetProperty("taskId").GetGuid().ShouldBe(needsTask.GetProperty("taskId").GetGuid());
        refusal.Str("detail").ShouldContain(needsTask.Str("title"));
    }

    [Fact]
    public async Task A_typical_sale_runs_to_won_through_the_tasks_of_anna_and_helga()
    {
        var anna = await server.SignInAsync("anna");
        var helga = await server.SignInAsync("helga");
        var deal = await OpenTypicalSaleAsync(anna, "Depot scanners");

        await CompleteAsync(anna, deal, "qualification");
        await CompleteAsync(anna, deal, "needs", new { needs = "40 scanners" });
        await CompleteAsync(anna, deal, "offer", new { amount = 12000 });
        (await anna.GetOkAsync($"/api/deals/{deal.Id()}")).GetProperty("deal").Str("stage").ShouldBe("proposal");
        await CompleteAsync(helga, deal, "creditCheck", new { creditApproved = true });
        await CompleteAsync(anna, deal, "agreement", new { customerAgrees = true });
        (await anna.GetOkAsync($"/api/deals/{deal.Id()}")).GetProperty("deal").GetProperty("potentialAmount").GetDecimal().ShouldBe(12000m, "the automatic step after the offer puts its amount on the deal");
        await CompleteAsync(anna, deal, "order");
        await CompleteAsync(helga, deal, "shipment");

        var won = (await anna.GetOkAsync($"/api/deals/{deal.Id()}")).GetProperty("deal");
        won.Str("status").ShouldBe("Won");
        won.Str("stage").ShouldBe("shipment");
        (await anna.GetOkAsync($"/api/tasks?subjectType=deal&subjectId={deal.Id()}")).GetProperty("total").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task A_claim_runs_from_registration_to_decision_through_its_plan_tasks()
    {
        var anna = await server.SignInAsync("anna");
        var boris = await server.SignInAsync("boris");
        var helga = await server.SignInAsync("helga");
        var partnerId = await PartnerIdAsync(anna, "Romashka");
        var claim = await anna.PostJsonAsync("/api/claims", new
        {
            partnerId, reason = "Product quality", department = "Quality", responsibleId = "helga", description = "Two units arrived broken.",
            plan = new[] { new { title = "Replace the broken units", performerId = "anna", deadline = DateTimeOffset.UtcNow.AddDays(2) } },
        }).ExpectAsync(HttpStatusCode.Created);

        (await helga.PostJsonAsync($"/api/claims/{claim.Id()}/decision", new { result = "Satisfied" }).ExpectAsync(HttpStatusCode.Conflict))
            .Str("code").ShouldStartWith("claim.");

        var annasItem = (await anna.GetOkAsync($"/api/tasks?subjectType=claim&subjectId={claim.Id()}")).Items().ShouldHaveSingleItem();
        await anna.PostJsonAsync($"/api/tasks/{annasItem.Id()}/complete").ExpectAsync(HttpStatusCode.OK);
        await anna.PostJsonAsync($"/api/claims/{claim.Id()}/plan-items", new { title = "Check the packaging line", performerId = "boris", deadline = DateTimeOffset.UtcNow.AddDays(1) })
            .ExpectAsync(HttpStatusCode.Created);
        var borisItem = (await boris.GetOkAsync($"/api/tasks?subjectType=claim&subjectId={claim.Id()}")).Items().ShouldHaveSingleItem();
        await boris.PostJsonAsync($"/api/tasks/{borisItem.Id()}/complete").ExpectAsync(HttpStatusCode.OK);

        var decided = await helga.PostJsonAsync($"/api/claims/{claim.Id()}/decision", new { result = "Satisfied", details = "Units replaced." }).ExpectAsync(HttpStatusCode.OK);
        decided.Str("status").ShouldBe("Closed");
        decided.Str("result").ShouldBe("Satisfied");
        decided.GetProperty("planItems").EnumerateArray().Select(i => i.Str("status")).ShouldAllBe(s => s == "Done");
    }

    [Fact]
    public async Task An_instruction_returned_with_a_comment_reaches_the_performer_and_ends_when_the_author_accepts()
    {
        var anna = await server.SignInAsync("anna");
        var boris = await server.SignInAsync("boris");
        var instruction = await anna.PostJsonAsync("/api/instructions", new { title = "Update the price list", performerId = "boris" }).ExpectAsync(HttpStatusCode.Created);
        var url = $"/api/instructions/{instruction.Id()}";

        await boris.PostJsonAsync($"{url}/accept").ExpectAsync(HttpStatusCode.OK);
        await boris.PostJsonAsync($"{url}/report", new { report = "Prices updated." }).ExpectAsync(HttpStatusCode.OK);
        (await anna.PostJsonAsync($"{url}/return", new { comment = "Add the new freight rates too." }).ExpectAsync(HttpStatusCode.OK))
            .GetProperty("returns").EnumerateArray().ShouldHaveSingleItem();

        var next = (await boris.GetOkAsync($"/api/tasks?subjectType=instruction&subjectId={instruction.Id()}")).Items().ShouldHaveSingleItem();
        next.Str("description").ShouldContain("Add the new freight rates too.");
        await boris.PostJsonAsync($"{url}/accept").ExpectAsync(HttpStatusCode.OK);
        await boris.PostJsonAsync($"{url}/report", new { report = "Freight rates added." }).ExpectAsync(HttpStatusCode.OK);
        var done = await anna.PostJsonAsync($"{url}/verify").ExpectAsync(HttpStatusCode.OK);

        done.Str("status").ShouldBe("Completed");
        (await anna.GetOkAsync("/api/instructions?role=Author")).Items().ShouldContain(i => i.Id() == instruction.Id());
    }

    [Fact]
    public async Task A_manager_sees_only_their_own_deals_and_tasks_while_the_head_sees_and_acts_on_the_team()
    {
        var anna = await server.SignInAsync("anna");
        var boris = await server.SignInAsync("boris");
        var helga = await server.SignInAsync("helga");
        var deal = await OpenTypicalSaleAsync(anna, "Warehouse robots");
        var task = (await anna.GetOkAsync($"/api/tasks?subjectType=deal&subjectId={deal.Id()}")).Items().ShouldHaveSingleItem();
        await anna.PostJsonAsync($"/api/tasks/{task.Id()}/accept").ExpectAsync(HttpStatusCode.OK);

        (await boris.GetAsync($"/api/deals/{deal.Id()}").ExpectAsync(HttpStatusCode.Forbidden)).Str("code").ShouldBe("deal.not-yours");
        (await boris.GetOkAsync("/api/deals?pageSize=200")).Items().ShouldNotContain(d => d.Id() == deal.Id());
        (await boris.GetAsync($"/api/tasks/{task.Id()}").ExpectAsync(HttpStatusCode.Forbidden)).Str("code").ShouldBe("task.not-yours");
        (await boris.PostJsonAsync($"/api/tasks/{task.Id()}/complete").ExpectAsync(HttpStatusCode.Forbidden)).Str("code").ShouldBe("task.not-yours");
        (await boris.GetOkAsync("/api/tasks?pageSize=200")).Items().ShouldNotContain(t => t.Id() == task.Id());
        await boris.GetAsync("/api/tasks?scope=Team").ExpectAsync(HttpStatusCode.Forbidden);

        await helga.GetOkAsync($"/api/deals/{deal.Id()}");
        (await helga.GetOkAsync("/api/tasks?scope=Team&pageSize=200")).Items().ShouldContain(t => t.Id() == task.Id());
        (await helga.PostJsonAsync($"/api/tasks/{task.Id()}/complete").ExpectAsync(HttpStatusCode.OK)).Str("completedBy").ShouldBe("helga");
        (await anna.GetOkAsync($"/api/deals/{deal.Id()}")).GetProperty("deal").Str("stage").ShouldBe("needs-analysis");
    }

    [Fact]
    public async Task The_demo_database_shows_a_living_system()
    {
        var admin = await server.SignInAsync("admin");
        (await admin.GetOkAsync("/api/users")).Items().Select(u => u.Str("id")).ShouldBe(["admin", "anna", "boris", "carl", "helga"], ignoreOrder: true);
        var maps = (await admin.GetOkAsync("/api/route-maps")).Items().ToList();
        maps.ShouldContain(m => m.Str("key") == "typical-sale" && m.Str("status") == "Published");
        maps.ShouldContain(m => m.Str("key") == "customer-onboarding" && m.Str("status") == "Published");
        var deals = (await admin.GetOkAsync("/api/deals?pageSize=200")).Items().ToList();
        deals.Select(d => d.Str("kind")).Distinct().ShouldBe(["ProcessControlled", "ManualStages", "NonProcess"], ignoreOrder: true);
        deals.Select(d => d.Str("status")).Distinct().ShouldBe(["InWork", "Won", "Lost"], ignoreOrder: true);
        (await admin.GetOkAsync("/api/claims")).Items().ShouldContain(c => c.GetProperty("planItems").GetArrayLength() > 0);
        (await admin.GetOkAsync("/api/instructions?status=Executing")).GetProperty("total").GetInt64().ShouldBeGreaterThan(0);
        (await admin.GetOkAsync("/api/leads")).GetProperty("total").GetInt64().ShouldBeGreaterThan(0);

        var anna = await server.SignInAsync("anna");
        var annasTasks = (await anna.GetOkAsync("/api/tasks?subjectType=deal&mapKey=typical-sale&pageSize=200")).Items().ToList();
        annasTasks.ShouldContain(t => t.GetProperty("assigneeId").ValueKind == JsonValueKind.String && t.Str("assigneeId") == "anna");
        var partner = await anna.GetOkAsync($"/api/partners/{await PartnerIdAsync(anna, "Nordwind")}");
        partner.GetProperty("counterparties").GetArrayLength().ShouldBeGreaterThan(0);
        partner.GetProperty("contacts").GetArrayLength().ShouldBeGreaterThan(0);
    }

    internal static async Task<Guid> PartnerIdAsync(HttpClient client, string name) =>
        (await client.GetOkAsync($"/api/partners?search={Uri.EscapeDataString(name)}")).Items().First().Id();

    private static async Task<JsonElement> OpenTypicalSaleAsync(HttpClient client, string title) =>
        await client.PostJsonAsync("/api/deals", new
        {
            title, partnerId = await PartnerIdAsync(client, "Nordwind"), kind = "ProcessControlled", routeMapKey = "typical-sale", potentialAmount = 10_000,
        }).ExpectAsync(HttpStatusCode.Created);

    /// <summary>
    /// Completes the deal's task at <paramref name="pointId"/>, waiting for it first: a task behind an automatic step (the
    /// Typical sale's "Offer amount to the deal") appears once the job executor has run the step, moments after the commit.
    /// </summary>
    private static async Task CompleteAsync(HttpClient client, JsonElement deal, string pointId, object? variables = null)
    {
        var waitUntil = DateTime.UtcNow.AddSeconds(15);
        List<JsonElement> found;
        while ((found = [.. (await client.GetOkAsync($"/api/tasks?subjectType=deal&subjectId={deal.Id()}")).Items().Where(t => t.Str("pointId") == pointId)]).Count == 0
            && DateTime.UtcNow < waitUntil)
        {
            await Task.Delay(50);
        }

        var task = found.ShouldHaveSingleItem();
        if (task.GetProperty("requiresAcceptance").GetBoolean())
        {
            await client.PostJsonAsync($"/api/tasks/{task.Id()}/accept").ExpectAsync(HttpStatusCode.OK);
        }

        await client.PostJsonAsync($"/api/tasks/{task.Id()}/complete", new { variables }).ExpectAsync(HttpStatusCode.OK);
    }
}

public sealed class ManagersDayThroughTheApiOnSqlite(SqliteServer server) : ManagersDayThroughTheApi(server), IClassFixture<SqliteServer>;

[RequiresPostgres]
public sealed class ManagersDayThroughTheApiOnPostgreSql(PostgresServer server) : ManagersDayThroughTheApi(server), IClassFixture<PostgresServer>;
