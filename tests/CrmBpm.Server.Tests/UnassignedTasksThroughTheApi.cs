using CrmBpm.Testing.Postgres;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CrmBpm.Server.Tests.Infrastructure;

namespace CrmBpm.Server.Tests;

/// <summary>
/// A map whose Action names no performer publishes with a warning; its tasks are in nobody's My tasks but in the Unassigned
/// list, which only Heads and Administrators read, and which they hand to a person or a pool (refusals name their field).
/// </summary>
public abstract class UnassignedTasksThroughTheApi(ServerFixture server)
{
    private const string Unaddressed = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="https://crmbpm.dev/maps">
          <bpmn:process id="KEY" name="Imported call back" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="call" name="Call the customer back" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="call" />
            <bpmn:sequenceFlow id="f2" sourceRef="call" targetRef="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    private async Task<(string Key, Guid InstanceId)> StartUnaddressedAsync()
    {
        var carl = await server.SignInAsync("carl");
        var key = $"unaddressed-{Guid.NewGuid():N}"[..24];
        await carl.PostAsync("/api/route-maps", new StringContent(Unaddressed.Replace("KEY", key, StringComparison.Ordinal), Encoding.UTF8, new MediaTypeHeaderValue("application/xml")))
            .ExpectAsync(HttpStatusCode.OK);
        (await carl.PostJsonAsync($"/api/route-maps/{key}/publish").ExpectAsync(HttpStatusCode.OK)).Str("status").ShouldBe("Published");
        var instance = await carl.PostJsonAsync("/api/instances", new { mapKey = key }).ExpectAsync(HttpStatusCode.Created);
        return (key, instance.Id());
    }

    private static async Task<System.Text.Json.JsonElement?> UnassignedTaskOfAsync(HttpClient client, Guid instanceId) =>
        (await client.GetOkAsync("/api/tasks/unassigned?pageSize=200")).Items().Where(t => t.GetProperty("instanceId").GetGuid() == instanceId).Cast<System.Text.Json.JsonElement?>().SingleOrDefault();

    [Fact]
    public async Task A_head_opens_the_unassigned_task_and_its_process_to_decide_and_a_manager_may_not()
    {
        var (_, instanceId) = await StartUnaddressedAsync();
        var helga = await server.SignInAsync("helga");
        var anna = await server.SignInAsync("anna");
        var task = (await UnassignedTaskOfAsync(helga, instanceId)).ShouldNotBeNull();

        (await helga.GetOkAsync($"/api/tasks/{task.Id()}")).Str("title").ShouldBe("Call the customer back");
        (await helga.GetOkAsync($"/api/instances/{instanceId}")).Id().ShouldBe(instanceId);

        await anna.GetAsync($"/api/tasks/{task.Id()}").ExpectAsync(HttpStatusCode.Forbidden);
        await anna.GetAsync($"/api/instances/{instanceId}").ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_head_lists_the_task_and_hands_it_to_a_manager_who_then_has_it_in_my_tasks()
    {
        var (key, instanceId) = await StartUnaddressedAsync();
        var helga = await server.SignInAsync("helga");
        var anna = await server.SignInAsync("anna");

        var listed = (await UnassignedTaskOfAsync(helga, instanceId)).ShouldNotBeNull();

        listed.Str("mapKey").ShouldBe(key);
        listed.Str("mapName").ShouldBe("Imported call back");
        listed.Str("pointName").ShouldBe("Call the customer back");
        listed.Str("title").ShouldBe("Call the customer back");
        (await anna.GetOkAsync("/api/tasks?pageSize=200")).Items().ShouldNotContain(t => t.Id() == listed.Id());

        var handed = await helga.PostJsonAsync($"/api/tasks/unassigned/{listed.Id()}/redirect", new { toUserId = "anna", comment = "Yours, please" }).ExpectAsync(HttpStatusCode.OK);

        handed.Str("assigneeId").ShouldBe("anna");
        (await UnassignedTaskOfAsync(helga, instanceId)).ShouldBeNull();
        (await anna.GetOkAsync("/api/tasks?pageSize=200")).Items().ShouldContain(t => t.Id() == listed.Id());
        var again = await helga.PostJsonAsync($"/api/tasks/unassigned/{listed.Id()}/redirect", new { toUserId = "boris" }).ExpectAsync(HttpStatusCode.Conflict);
        again.Str("code").ShouldBe("task.not-unassigned");
        var history = await (await server.SignInAsync("admin")).GetOkAsync($"/api/instances/{instanceId}/history");
        history.ToString().ShouldContain("to anna: Yours, please");
    }

    [Fact]
    public async Task An_administrator_hands_it_to_a_pool_whose_members_see_it()
    {
        var (_, instanceId) = await StartUnaddressedAsync();
        var admin = await server.SignInAsync("admin");
        var boris = await server.SignInAsync("boris");
        var listed = (await UnassignedTaskOfAsync(admin, instanceId)).ShouldNotBeNull();

        var handed = await admin.PostJsonAsync($"/api/tasks/unassigned/{listed.Id()}/redirect", new { toRole = "Sales manager", addressingObject = "North" }).ExpectAsync(HttpStatusCode.OK);

        handed.Str("performerRole").ShouldBe("Sales manager");
        handed.Str("performerAddressingObject").ShouldBe("North");
        handed.GetProperty("inPool").GetBoolean().ShouldBeTrue();
        (await boris.GetOkAsync("/api/tasks?pageSize=200")).Items().ShouldContain(t => t.Id() == listed.Id());
    }

    [Fact]
    public async Task A_hand_over_without_a_target_or_to_nobody_is_refused_naming_the_field_and_a_manager_is_refused_outright()
    {
        var (_, instanceId) = await StartUnaddressedAsync();
        var helga = await server.SignInAsync("helga");
        var anna = await server.SignInAsync("anna");
        var id = (await UnassignedTaskOfAsync(helga, instanceId)).ShouldNotBeNull().Id();
        var url = $"/api/tasks/unassigned/{id}/redirect";

        (await helga.PostJsonAsync(url, new { }).ExpectAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("toUserId", out _).ShouldBeTrue();
        (await helga.PostJsonAsync(url, new { toUserId = "anna", toRole = "Sales manager" }).ExpectAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("toUserId", out _).ShouldBeTrue();
        (await helga.PostJsonAsync(url, new { toUserId = "nobody-here" }).ExpectAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("toUserId")[0].GetString()!.ShouldContain("nobody-here");
        (await helga.PostJsonAsync(url, new { toRole = "Astronaut" }).ExpectAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("toRole")[0].GetString()!.ShouldContain("Nobody is in the pool of Astronaut");
        await anna.GetAsync("/api/tasks/unassigned").ExpectAsync(HttpStatusCode.Forbidden);
        await anna.PostJsonAsync(url, new { toUserId = "anna" }).ExpectAsync(HttpStatusCode.Forbidden);
        (await UnassignedTaskOfAsync(helga, instanceId)).ShouldNotBeNull();
    }
}

public sealed class UnassignedTasksThroughTheApiOnSqlite(SqliteServer server) : UnassignedTasksThroughTheApi(server), IClassFixture<SqliteServer>;

[RequiresPostgres]
public sealed class UnassignedTasksThroughTheApiOnPostgreSql(PostgresServer server) : UnassignedTasksThroughTheApi(server), IClassFixture<PostgresServer>;
