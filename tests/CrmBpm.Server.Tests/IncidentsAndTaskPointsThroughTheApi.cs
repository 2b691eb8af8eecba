using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CrmBpm.Server.Tests.Infrastructure;
using CrmBpm.Testing.Postgres;

namespace CrmBpm.Server.Tests;

/// <summary>
/// What an integration reads without loading the map: a task names its Action, and a stuck instance (and its stuck token)
/// carries the incident's stable code beside the message.
/// </summary>
public abstract class IncidentsAndTaskPointsThroughTheApi(ServerFixture server)
{
    private const string CallThenDecide = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:crm="https://crmbpm.dev/schema/bpmn" id="d" targetNamespace="https://crmbpm.dev/maps">
          <bpmn:process id="KEY" name="Call and decide" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="call" name="Call the customer back" crm:performerRole="Sales manager" crm:title="Call {customer}" />
            <bpmn:endEvent id="small" />
            <bpmn:endEvent id="big" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="call" />
            <bpmn:sequenceFlow id="f2" sourceRef="call" targetRef="small"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${amount &gt; 10}</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="f3" sourceRef="call" targetRef="big"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${amount &gt; 100}</bpmn:conditionExpression></bpmn:sequenceFlow>
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Fact]
    public async Task A_task_names_its_action_and_a_stuck_instance_carries_the_incident_code()
    {
        var carl = await server.SignInAsync("carl");
        var key = $"decide-{Guid.NewGuid():N}"[..20];
        await carl.PostAsync("/api/route-maps", new StringContent(CallThenDecide.Replace("KEY", key, StringComparison.Ordinal), Encoding.UTF8, new MediaTypeHeaderValue("application/xml")))
            .ExpectAsync(HttpStatusCode.OK);
        await carl.PostJsonAsync($"/api/route-maps/{key}/publish").ExpectAsync(HttpStatusCode.OK);
        var anna = await server.SignInAsync("anna");
        var instance = await anna.PostJsonAsync("/api/instances", new { mapKey = key, variables = new { customer = "Nordwind" } }).ExpectAsync(HttpStatusCode.Created);
        instance.TryGetProperty("incidentCode", out var none).ShouldBeTrue();
        none.ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);

        var task = (await anna.GetOkAsync($"/api/instances/{instance.Id()}/tasks")).Items().ShouldHaveSingleItem();
        (task.Str("pointId"), task.Str("pointName"), task.Str("title")).ShouldBe(("call", "Call the customer back", "Call Nordwind"));
        await anna.PostJsonAsync($"/api/tasks/{task.Id()}/complete", new { variables = new { amount = 1 } }).ExpectAsync(HttpStatusCode.OK);

        var stuck = await anna.GetOkAsync($"/api/instances/{instance.Id()}");
        stuck.Str("status").ShouldBe("Incident");
        stuck.Str("incidentCode").ShouldBe("no-flow-matched");
        stuck.Str("incidentMessage").ShouldContain("Call the customer back");
        var token = stuck.GetProperty("tokens").EnumerateArray().ShouldHaveSingleItem();
        (token.Str("pointId"), token.Str("incidentCode")).ShouldBe(("call", "no-flow-matched"));
    }
}

public sealed class IncidentsAndTaskPointsThroughTheApiOnSqlite(SqliteServer server) : IncidentsAndTaskPointsThroughTheApi(server), IClassFixture<SqliteServer>;

[RequiresPostgres]
public sealed class IncidentsAndTaskPointsThroughTheApiOnPostgreSql(PostgresServer server) : IncidentsAndTaskPointsThroughTheApi(server), IClassFixture<PostgresServer>;
