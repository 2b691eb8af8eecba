using CrmBpm.Testing.Postgres;
using System.Net;
using System.Text.Json;
using CrmBpm.Engine;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;
using CrmBpm.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBpm.Server.Tests;

/// <summary>
/// The "Trust" attacks on other people's work: the CRM's own maps are started only by the CRM, a start or an operation
/// about a CRM record needs the right to change it, and the CRM follows only the process attached to a record.
/// </summary>
public abstract class NobodyActsOnWorkThatIsNotTheirs(ServerFixture server)
{
    [Fact]
    public async Task Nobody_starts_the_instruction_map_to_report_on_someone_elses_instruction()
    {
        var anna = await server.SignInAsync("anna");
        var boris = await server.SignInAsync("boris");
        var instruction = await anna.PostJsonAsync("/api/instructions", new { title = "Call Nordwind back", performerId = "helga" }).ExpectAsync(HttpStatusCode.Created);

        var refusal = await boris.PostJsonAsync("/api/instances", new
        {
            mapKey = "crm-instruction",
            variables = new { instructionId = instruction.Id().ToString(), author = "boris", performer = "boris", title = "forged", report = "Done (forged)" },
        }).ExpectAsync(HttpStatusCode.Forbidden);

        refusal.Str("code").ShouldBe("instance.crm-map");
        refusal.Str("detail").ShouldContain("crm-instruction");
        var unchanged = await anna.GetOkAsync($"/api/instructions/{instruction.Id()}");
        unchanged.GetProperty("report").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Theory]
    [InlineData("crm-claim-handling")]
    [InlineData("crm-claim-plan-item")]
    public async Task Nobody_starts_a_claim_map_through_the_api(string mapKey)
    {
        var boris = await server.SignInAsync("boris");

        var refusal = await boris.PostJsonAsync("/api/instances", new { mapKey, subjectType = "claim", subjectId = Guid.NewGuid().ToString() })
            .ExpectAsync(HttpStatusCode.Forbidden);

        refusal.Str("code").ShouldBe("instance.crm-map");
        refusal.Str("detail").ShouldContain(mapKey);
    }

    [Fact]
    public async Task A_start_naming_a_deal_needs_the_right_to_change_that_deal()
    {
        var anna = await server.SignInAsync("anna");
        var deal = await OpenManualDealAsync(anna, "Forklift batteries");

        foreach (var user in new[] { "boris", "carl" })
        {
            var client = await server.SignInAsync(user);
            (await client.PostJsonAsync("/api/instances", new { mapKey = "typical-sale", subjectType = "deal", subjectId = deal.Id().ToString() })
                .ExpectAsync(HttpStatusCode.Forbidden)).Str("code").ShouldBe("instance.subject-not-yours", user);
        }

        (await anna.PostJsonAsync("/api/instances", new { mapKey = "typical-sale", subjectType = "deal", subjectId = Guid.NewGuid().ToString() })
            .ExpectAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("subjectId", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task A_consultant_cannot_start_a_process_about_an_instruction_and_so_cannot_cancel_it()
    {
        var anna = await server.SignInAsync("anna");
        var carl = await server.SignInAsync("carl");
        var instruction = await anna.PostJsonAsync("/api/instructions", new { title = "Send the catalogue", performerId = "boris" }).ExpectAsync(HttpStatusCode.Created);

        (await carl.PostJsonAsync("/api/instances", new { mapKey = "typical-sale", subjectType = "instruction", subjectId = instruction.Id().ToString() })
            .ExpectAsync(HttpStatusCode.Forbidden)).Str("code").ShouldBe("instance.subject-not-yours");
        (await carl.PostJsonAsync($"/api/instances/{instruction.GetProperty("processInstanceId").GetGuid()}/terminate")
            .ExpectAsync(HttpStatusCode.NotFound)).Str("code").ShouldBe("instance.not-found");
        (await anna.GetOkAsync($"/api/instructions/{instruction.Id()}")).Str("status").ShouldNotBe("Cancelled");
    }

    [Fact]
    public async Task The_instruction_follows_only_its_own_process_even_when_another_one_names_it()
    {
        var anna = await server.SignInAsync("anna");
        var instruction = await anna.PostJsonAsync("/api/instructions", new { title = "Check the contract", performerId = "helga" }).ExpectAsync(HttpStatusCode.Created);
        var engine = server.Host.Services.GetRequiredService<IProcessEngine>();
        var tasks = server.Host.Services.GetRequiredService<ITaskService>();

        // What the attacker did before the API refused it: an own instance of the instruction map naming anna's instruction.
        var forged = await engine.StartAsync("crm-instruction", new StartOptions
        {
            StartedBy = "boris",
            Variables = new Dictionary<string, object?>
            {
                ["instructionId"] = instruction.Id().ToString(), ["title"] = "forged", ["description"] = "", ["author"] = "helga", ["performer"] = "boris",
                ["deadline"] = DateTimeOffset.UtcNow.AddDays(1).ToString("O"), ["report"] = "Done (forged)", ["returnComment"] = "", ["returnNote"] = "",
            },
        });
        var execute = (await tasks.GetTasksOfInstanceAsync(forged.Id)).First(t => t.IsActive);
        var boris = new Actor("boris", [], canActOnAnyTask: true);
        if (execute.RequiresAcceptance)
        {
            await tasks.AcceptAsync(execute.Id, boris);
        }

        await tasks.CompleteAsync(execute.Id, boris, new TaskCompletion());
        await engine.TerminateAsync(forged.Id, "forged", "boris");

        var after = await anna.GetOkAsync($"/api/instructions/{instruction.Id()}");
        after.GetProperty("report").ValueKind.ShouldBe(JsonValueKind.Null);
        after.Str("status").ShouldNotBe("Cancelled");
        after.GetProperty("processInstanceId").GetGuid().ShouldBe(instruction.GetProperty("processInstanceId").GetGuid());
    }

    [Fact]
    public async Task The_claim_follows_only_its_own_process_even_when_another_one_names_it()
    {
        var anna = await server.SignInAsync("anna");
        var claim = await anna.PostJsonAsync("/api/claims", new
        {
            partnerId = await ManagersDayThroughTheApi.PartnerIdAsync(anna, "Romashka"), reason = "Product quality", responsibleId = "helga",
            description = "The pallets arrived wet.", plan = Array.Empty<object>(),
        }).ExpectAsync(HttpStatusCode.Created);
        var engine = server.Host.Services.GetRequiredService<IProcessEngine>();
        var tasks = server.Host.Services.GetRequiredService<ITaskService>();

        var forged = await engine.StartAsync("crm-claim-handling", new StartOptions
        {
            StartedBy = "boris",
            Subject = new SubjectReference("claim", claim.Id().ToString()),
            Variables = new Dictionary<string, object?> { ["planItems"] = Array.Empty<object>(), ["responsible"] = "boris", ["partnerName"] = "x", ["summary"] = "x" },
        });
        var decide = (await tasks.GetTasksOfInstanceAsync(forged.Id)).First(t => t.IsActive);
        var boris = new Actor("boris", [], canActOnAnyTask: true);
        if (decide.RequiresAcceptance)
        {
            await tasks.AcceptAsync(decide.Id, boris);
        }

        await tasks.CompleteAsync(decide.Id, boris, new TaskCompletion { Outcome = "Not satisfied", Variables = new Dictionary<string, object?> { ["resultDetails"] = "forged" } });

        var after = await anna.GetOkAsync($"/api/claims/{claim.Id()}");
        after.GetProperty("result").ValueKind.ShouldBe(JsonValueKind.Null);
        after.GetProperty("processInstanceId").GetGuid().ShouldBe(claim.GetProperty("processInstanceId").GetGuid());
    }

    [Fact]
    public async Task Operating_an_instance_about_a_record_needs_the_right_to_change_the_record()
    {
        var anna = await server.SignInAsync("anna");
        var carl = await server.SignInAsync("carl");
        var admin = await server.SignInAsync("admin");
        var deal = await anna.PostJsonAsync("/api/deals", new
        {
            title = "Cold store doors", partnerId = await ManagersDayThroughTheApi.PartnerIdAsync(anna, "Nordwind"), kind = "ProcessControlled",
            routeMapKey = "typical-sale", potentialAmount = 5_000,
        }).ExpectAsync(HttpStatusCode.Created);
        var process = deal.GetProperty("processInstanceId").GetGuid();

        foreach (var operation in new[] { "suspend", "terminate", "retry" })
        {
            (await carl.PostJsonAsync($"/api/instances/{process}/{operation}").ExpectAsync(HttpStatusCode.NotFound)).Str("code").ShouldBe("instance.not-found");
        }

        (await admin.PostJsonAsync($"/api/instances/{process}/suspend").ExpectAsync(HttpStatusCode.OK)).Str("status").ShouldBe("Suspended");
        (await admin.PostJsonAsync($"/api/instances/{process}/resume").ExpectAsync(HttpStatusCode.OK)).Str("status").ShouldBe("Active");
    }

    private static async Task<JsonElement> OpenManualDealAsync(HttpClient client, string title) =>
        await client.PostJsonAsync("/api/deals", new
        {
            title, partnerId = await ManagersDayThroughTheApi.PartnerIdAsync(client, "Nordwind"), kind = "ManualStages", potentialAmount = 1_000,
        }).ExpectAsync(HttpStatusCode.Created);
}

public sealed class NobodyActsOnWorkThatIsNotTheirsOnSqlite(SqliteServer server) : NobodyActsOnWorkThatIsNotTheirs(server), IClassFixture<SqliteServer>;

[RequiresPostgres]
public sealed class NobodyActsOnWorkThatIsNotTheirsOnPostgreSql(PostgresServer server) : NobodyActsOnWorkThatIsNotTheirs(server), IClassFixture<PostgresServer>;
