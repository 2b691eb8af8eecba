using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using CrmBpm.Server.Tests.Infrastructure;
using CrmBpm.Testing.Postgres;

namespace CrmBpm.Server.Tests;

/// <summary>
/// A map addresses "the head of the deal's department": the role Head of department for the addressing object
/// <c>${department}</c>. A deal's process is given its manager's department, and the pool of that role for a department is
/// its head (or the nearest head above it), read from the structure, so a new head takes over without signing in again, and
/// an absent head's substitute sees those tasks too.
/// </summary>
public abstract class HeadOfTheDealsDepartmentThroughTheApi(ServerFixture server)
{
    private const string Approval = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:crm="https://crmbpm.dev/schema/bpmn" id="d" targetNamespace="https://crmbpm.dev/maps">
          <bpmn:process id="KEY" name="Discount approval" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="approve" name="Approve the discount" crm:performerRole="Head of department" crm:addressingObject="${department}" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="approve" />
            <bpmn:sequenceFlow id="f2" sourceRef="approve" targetRef="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Fact]
    public async Task The_head_of_the_managers_department_gets_the_task_and_a_new_head_takes_it_over()
    {
        var carl = await server.SignInAsync("carl");
        var key = $"discount-{Guid.NewGuid():N}"[..20];
        await carl.PostAsync("/api/route-maps", new StringContent(Approval.Replace("KEY", key, StringComparison.Ordinal), Encoding.UTF8, new MediaTypeHeaderValue("application/xml")))
            .ExpectAsync(HttpStatusCode.OK);
        var published = await carl.PostJsonAsync($"/api/route-maps/{key}/publish").ExpectAsync(HttpStatusCode.OK);
        published.Str("status").ShouldBe("Published");
        var anna = await server.SignInAsync("anna");
        await anna.PostJsonAsync("/api/deals", new
        {
            title = "Fleet discount", partnerId = await ManagersDayThroughTheApi.PartnerIdAsync(anna, "Nordwind"), kind = "ProcessControlled", routeMapKey = key,
        }).ExpectAsync(HttpStatusCode.Created);
        var helga = await server.SignInAsync("helga");
        var boris = await server.SignInAsync("boris");

        var task = (await helga.GetOkAsync("/api/tasks?pageSize=200")).Items().Single(t => t.Str("title") == "Approve the discount");
        task.Str("performerRole").ShouldBe("Head of department");
        task.Str("performerAddressingObject").ShouldBe("Sales", "anna, the deal's manager, is in Sales, which helga heads");
        (await anna.GetOkAsync("/api/tasks?pageSize=200")).Items().ShouldNotContain(t => t.Id() == task.Id());
        (await boris.GetOkAsync("/api/tasks?pageSize=200")).Items().ShouldNotContain(t => t.Id() == task.Id());

        using var admin = await server.SignInAsync("admin");
        await admin.PutAsJsonAsync("/api/admin/addressing-objects/Sales", new { kind = "Department", parent = "Head office", head = "boris" }, ServerFixture.Json)
            .ExpectAsync(HttpStatusCode.OK);

        (await boris.GetOkAsync("/api/tasks?pageSize=200")).Items().ShouldContain(t => t.Id() == task.Id(), "the new head, without signing in again");

        // Boris is away: his substitute sees the pool's task too, marked for him, and completes it on his behalf.
        var now = DateTimeOffset.UtcNow;
        await boris.PostJsonAsync("/api/absences", new { substituteUserId = "anna", from = now.AddMinutes(-1), to = now.AddDays(2) }).ExpectAsync(HttpStatusCode.Created);
        var forBoris = (await anna.GetOkAsync("/api/tasks?pageSize=200")).Items().Single(t => t.Id() == task.Id());
        forBoris.Str("onBehalfOf").ShouldBe("boris");
        await anna.PostJsonAsync($"/api/tasks/{task.Id()}/complete", new { }).ExpectAsync(HttpStatusCode.OK);
        (await admin.GetOkAsync($"/api/instances/{task.GetProperty("instanceId").GetGuid()}")).Str("status").ShouldBe("Completed");
    }
}

public sealed class HeadOfTheDealsDepartmentThroughTheApiOnSqlite(SqliteServer server) : HeadOfTheDealsDepartmentThroughTheApi(server), IClassFixture<SqliteServer>;

[RequiresPostgres]
public sealed class HeadOfTheDealsDepartmentThroughTheApiOnPostgreSql(PostgresServer server) : HeadOfTheDealsDepartmentThroughTheApi(server), IClassFixture<PostgresServer>;
