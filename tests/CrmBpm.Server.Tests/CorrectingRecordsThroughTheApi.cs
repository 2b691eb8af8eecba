using CrmBpm.Testing.Postgres;
using System.Net;
using System.Text.Json;
using CrmBpm.Server.Tests.Infrastructure;

namespace CrmBpm.Server.Tests;

/// <summary>
/// Deals, partners, contacts and claim plans corrected through the API: each change logged with who, before and after,
/// a save on an outdated version refused with 409 naming the record, refusals naming the field, reassignment by a Head only.
/// </summary>
public abstract class CorrectingRecordsThroughTheApi(ServerFixture server)
{
    private static async Task<JsonElement> OpenManualDealAsync(HttpClient client, string title) =>
        await client.PostJsonAsync("/api/deals", new
        {
            title, partnerId = await ManagersDayThroughTheApi.PartnerIdAsync(client, "Nordwind"), kind = "ManualStages", potentialAmount = 5_000,
        }).ExpectAsync(HttpStatusCode.Created);

    private static Task<HttpResponseMessage> PutJsonAsync(HttpClient client, string url, object body) =>
        client.PutAsync(url, new StringContent(JsonSerializer.Serialize(body, ServerFixture.Json), System.Text.Encoding.UTF8, "application/json"));

    [Fact]
    public async Task A_deal_is_corrected_with_its_version_and_a_second_save_of_that_version_gets_409_naming_the_deal()
    {
        var anna = await server.SignInAsync("anna");
        var deal = await OpenManualDealAsync(anna, "Warehouse tablets");
        var version = deal.GetProperty("version").GetInt64();

        var edited = await PutJsonAsync(anna, $"/api/deals/{deal.Id()}/details", new
        {
            version, title = "Warehouse tablets", potentialAmount = 7_500, expectedCloseDate = "2026-12-20", description = "30 rugged tablets",
        }).ExpectAsync(HttpStatusCode.OK);
        var stale = await PutJsonAsync(anna, $"/api/deals/{deal.Id()}/details", new { version, title = "Warehouse tablets", potentialAmount = 1 })
            .ExpectAsync(HttpStatusCode.Conflict);
        var missing = await PutJsonAsync(anna, $"/api/deals/{deal.Id()}/details", new { title = "x" }).ExpectAsync(HttpStatusCode.BadRequest);

        edited.Str("expectedCloseDate").ShouldBe("2026-12-20");
        edited.GetProperty("version").GetInt64().ShouldBe(version + 1);
        var log = edited.GetProperty("changeLog").EnumerateArray().Select(c => (c.Str("field"), c.Str("after"), c.Str("by"))).ToList();
        log.ShouldBe([("PotentialAmount", "7500", "anna"), ("ExpectedCloseDate", "2026-12-20", "anna"), ("Description", "30 rugged tablets", "anna")]);
        (stale.Str("code"), stale.Str("recordType"), stale.GetProperty("recordId").GetGuid()).ShouldBe(("record.changed-meanwhile", "deal", deal.Id()));
        stale.Str("detail").ShouldContain("'Warehouse tablets'");
        missing.GetProperty("errors").TryGetProperty("version", out _).ShouldBeTrue();
        (await anna.GetOkAsync($"/api/deals/{deal.Id()}")).GetProperty("deal").GetProperty("potentialAmount").GetDecimal().ShouldBe(7_500m);
    }

    [Fact]
    public async Task A_head_reassigns_a_deal_and_the_task_the_old_manager_holds_follows_while_a_manager_may_not()
    {
        var anna = await server.SignInAsync("anna");
        var helga = await server.SignInAsync("helga");
        var boris = await server.SignInAsync("boris");
        var deal = await anna.PostJsonAsync("/api/deals", new
        {
            title = "Reassigned scanners", partnerId = await ManagersDayThroughTheApi.PartnerIdAsync(anna, "Nordwind"), kind = "ProcessControlled", routeMapKey = "typical-sale",
        }).ExpectAsync(HttpStatusCode.Created);
        var task = (await anna.GetOkAsync($"/api/tasks?subjectType=deal&subjectId={deal.Id()}")).Items().ShouldHaveSingleItem();
        await anna.PostJsonAsync($"/api/tasks/{task.Id()}/accept").ExpectAsync(HttpStatusCode.OK);
        var version = (await anna.GetOkAsync($"/api/deals/{deal.Id()}")).GetProperty("deal").GetProperty("version").GetInt64();

        await anna.PostJsonAsync($"/api/deals/{deal.Id()}/manager", new { managerId = "boris", version }).ExpectAsync(HttpStatusCode.Forbidden);
        var unknown = await helga.PostJsonAsync($"/api/deals/{deal.Id()}/manager", new { managerId = "nobody", version }).ExpectAsync(HttpStatusCode.BadRequest);
        var reassigned = await helga.PostJsonAsync($"/api/deals/{deal.Id()}/manager", new { managerId = "boris", version }).ExpectAsync(HttpStatusCode.OK);

        unknown.GetProperty("errors").TryGetProperty("managerId", out _).ShouldBeTrue();
        reassigned.Str("managerId").ShouldBe("boris");
        reassigned.GetProperty("changeLog").EnumerateArray().Select(c => (c.Str("field"), c.Str("before"), c.Str("after"), c.Str("by")))
            .ShouldBe([("Manager", "anna", "boris", "helga"), ($"Task '{task.Str("title")}'", "anna", "boris", "helga")]);
        (await boris.GetOkAsync($"/api/tasks/{task.Id()}")).Str("assigneeId").ShouldBe("boris");
        var history = await helga.GetOkAsync($"/api/instances/{reassigned.Str("processInstanceId")}/history?pageSize=100");
        history.Items().ShouldContain(h => h.Str("kind") == "TaskRedirected" && h.Str("actor") == "helga");
    }

    [Fact]
    public async Task A_partner_gets_several_phones_in_e164_and_a_bad_or_duplicate_one_is_refused_naming_the_line()
    {
        var anna = await server.SignInAsync("anna");
        var partner = await anna.PostJsonAsync("/api/partners", new { name = "Correctable Ltd", phone = "+44 20 7946 0018" }).ExpectAsync(HttpStatusCode.Created);
        var version = partner.GetProperty("version").GetInt64();

        var bad = await PutJsonAsync(anna, $"/api/partners/{partner.Id()}", new
        {
            version, name = "Correctable Ltd", kind = "Company", phones = new object[] { new { kind = "Work", number = "+44 20 7946 0018" }, new { kind = "Mobile", number = "12" } },
        }).ExpectAsync(HttpStatusCode.BadRequest);
        var edited = await PutJsonAsync(anna, $"/api/partners/{partner.Id()}", new
        {
            version, name = "Correctable Ltd", kind = "Company", relations = "Customer, Supplier",
            phones = new object[] { new { kind = "Work", number = "+44 20 7946 0018" }, new { kind = "Mobile", number = "+44 7700 900123" } },
            emails = new object[] { new { kind = "Billing", address = "billing@correctable.example" } },
            addresses = new object[] { new { kind = "Legal", text = "1 High St, London" } },
        }).ExpectAsync(HttpStatusCode.OK);
        var other = await anna.PostJsonAsync("/api/partners", new { name = "Someone Else Ltd" }).ExpectAsync(HttpStatusCode.Created);
        var duplicate = await PutJsonAsync(anna, $"/api/partners/{other.Id()}", new
        {
            version = other.GetProperty("version").GetInt64(), name = "Someone Else Ltd", kind = "Company", phones = new object[] { new { kind = "Work", number = "+447700900123" } },
        }).ExpectAsync(HttpStatusCode.Conflict);

        bad.GetProperty("errors").TryGetProperty("phones[1].number", out _).ShouldBeTrue();
        edited.GetProperty("phones").EnumerateArray().Select(p => (p.Str("kind"), p.Str("number"))).ShouldBe([("Work", "+442079460018"), ("Mobile", "+447700900123")]);
        edited.Str("email").ShouldBe("billing@correctable.example");
        edited.GetProperty("changeLog").EnumerateArray().Select(c => c.Str("field")).ShouldBe(["Relations", "Phones", "Emails", "Addresses"]);
        duplicate.Str("code").ShouldBe("duplicate.found");
        duplicate.GetProperty("matches").EnumerateArray().ShouldHaveSingleItem().GetProperty("recordId").GetGuid().ShouldBe(partner.Id());
    }

    [Fact]
    public async Task A_contact_is_corrected_only_under_its_own_partner()
    {
        var anna = await server.SignInAsync("anna");
        var partner = await anna.PostJsonAsync("/api/partners", new { name = "Contact Corrections GmbH" }).ExpectAsync(HttpStatusCode.Created);
        var contact = await anna.PostJsonAsync($"/api/partners/{partner.Id()}/contacts", new { name = "Jan Kowal" }).ExpectAsync(HttpStatusCode.Created);
        var body = new { version = contact.GetProperty("version").GetInt64(), name = "Jan Kowalski", position = "Buyer", phones = new object[] { new { kind = "Mobile", number = "+48 601 234 567" } } };

        await PutJsonAsync(anna, $"/api/partners/{Guid.NewGuid()}/contacts/{contact.Id()}", body).ExpectAsync(HttpStatusCode.NotFound);
        var edited = await PutJsonAsync(anna, $"/api/partners/{partner.Id()}/contacts/{contact.Id()}", body).ExpectAsync(HttpStatusCode.OK);

        (edited.Str("name"), edited.Str("position"), edited.Str("phone")).ShouldBe(("Jan Kowalski", "Buyer", "+48601234567"));
        edited.GetProperty("changeLog").EnumerateArray().Select(c => c.Str("field")).ShouldBe(["Name", "Position", "Phones"]);
    }

    [Fact]
    public async Task A_claims_plan_item_is_redirected_and_removed_by_those_who_may_change_the_claim()
    {
        var anna = await server.SignInAsync("anna");
        var boris = await server.SignInAsync("boris");
        var helga = await server.SignInAsync("helga");
        var claim = await anna.PostJsonAsync("/api/claims", new
        {
            partnerId = await ManagersDayThroughTheApi.PartnerIdAsync(anna, "Romashka"), reason = "Product quality", responsibleId = "helga", description = "Scratched casing.",
            plan = new[]
            {
                new { title = "Inspect the casing", performerId = "anna", deadline = DateTimeOffset.UtcNow.AddDays(2) },
                new { title = "Call the customer", performerId = "anna", deadline = DateTimeOffset.UtcNow.AddDays(1) },
            },
        }).ExpectAsync(HttpStatusCode.Created);
        var inspect = claim.GetProperty("planItems")[0];
        var call = claim.GetProperty("planItems")[1];
        var version = (await anna.GetOkAsync($"/api/claims/{claim.Id()}")).GetProperty("version").GetInt64();

        var redirected = await PutJsonAsync(helga, $"/api/claims/{claim.Id()}/plan-items/{inspect.Id()}", new
        {
            title = "Inspect the casing", performerId = "boris", deadline = inspect.GetProperty("deadline").GetDateTimeOffset(), version,
        }).ExpectAsync(HttpStatusCode.OK);
        await boris.DeleteAsync($"/api/claims/{claim.Id()}/plan-items/{call.Id()}?version={version + 1}").ExpectAsync(HttpStatusCode.Forbidden);
        var stale = await anna.DeleteAsync($"/api/claims/{claim.Id()}/plan-items/{call.Id()}?version={version}").ExpectAsync(HttpStatusCode.Conflict);
        var removed = await anna.DeleteAsync($"/api/claims/{claim.Id()}/plan-items/{call.Id()}?version={version + 1}").ExpectAsync(HttpStatusCode.OK);

        redirected.Str("performerId").ShouldBe("boris");
        (await boris.GetOkAsync($"/api/tasks/{redirected.GetProperty("taskId").GetGuid()}")).Str("assigneeId").ShouldBe("boris");
        stale.Str("recordType").ShouldBe("claim");
        removed.GetProperty("planItems")[1].Str("status").ShouldBe("Cancelled");
        removed.GetProperty("changeLog").EnumerateArray().Select(c => (c.Str("field"), c.Str("by")))
            .ShouldBe([("Plan item 'Inspect the casing': performer", "helga"), ("Plan item 'Call the customer'", "anna")]);
        (await anna.GetOkAsync($"/api/tasks?subjectType=claim&subjectId={claim.Id()}")).Items().ShouldBeEmpty();
    }
}

public sealed class CorrectingRecordsThroughTheApiOnSqlite(SqliteServer server) : CorrectingRecordsThroughTheApi(server), IClassFixture<SqliteServer>;

[RequiresPostgres]
public sealed class CorrectingRecordsThroughTheApiOnPostgreSql(PostgresServer server) : CorrectingRecordsThroughTheApi(server), IClassFixture<PostgresServer>;
