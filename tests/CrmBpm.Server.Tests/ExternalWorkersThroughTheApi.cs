using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using CrmBpm.Server.Identity;
using CrmBpm.Server.Tests.Infrastructure;
using CrmBpm.Testing.Postgres;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBpm.Server.Tests;

/// <summary>
/// External workers through /api/external-tasks: a map's external step (Camunda's camunda:type="external" camunda:topic) waits
/// for a worker that fetches and locks it, completes it, reports a failure or a BPMN error; a report without the lock is 409.
/// </summary>
public abstract class ExternalWorkersThroughTheApi(ServerFixture server)
{
    private const string ScoringMap = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="https://crmbpm.dev/maps">
          <bpmn:process id="KEY" name="Scoring" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:serviceTask id="score" name="Score the customer" camunda:type="external" camunda:topic="TOPIC" />
            <bpmn:boundaryEvent id="refused" attachedToRef="score">
              <bpmn:errorEventDefinition errorRef="Error_refused" camunda:errorMessageVariable="why" />
            </bpmn:boundaryEvent>
            <bpmn:endEvent id="end" />
            <bpmn:endEvent id="end-refused" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="score" />
            <bpmn:sequenceFlow id="f2" sourceRef="score" targetRef="end" />
            <bpmn:sequenceFlow id="f3" sourceRef="refused" targetRef="end-refused" />
          </bpmn:process>
          <bpmn:error id="Error_refused" errorCode="refused" />
        </bpmn:definitions>
        """;

    /// <summary>Publishes a fresh map whose topic is unique to the test, starts one instance; the topic and the instance id.</summary>
    private async Task<(string Topic, Guid InstanceId)> StartAsync(HttpClient admin)
    {
        var key = $"scoring-{Guid.NewGuid():N}"[..20];
        var xml = ScoringMap.Replace("KEY", key, StringComparison.Ordinal).Replace("TOPIC", key, StringComparison.Ordinal);
        await admin.PostAsync("/api/route-maps", new StringContent(xml, Encoding.UTF8, new MediaTypeHeaderValue("application/xml"))).ExpectAsync(HttpStatusCode.OK);
        await admin.PostJsonAsync($"/api/route-maps/{key}/publish").ExpectAsync(HttpStatusCode.OK);
        var instance = await admin.PostJsonAsync("/api/instances", new { mapKey = key, variables = new { amount = 500 } }).ExpectAsync(HttpStatusCode.Created);
        return (key, instance.Id());
    }

    private static Task<System.Text.Json.JsonElement> FetchAsync(HttpClient client, string worker, string topic, long lockDuration = 60_000) =>
        client.PostJsonAsync("/api/external-tasks/fetch-and-lock", new { workerId = worker, topics = new[] { topic }, maxTasks = 5, lockDuration }).ExpectAsync(HttpStatusCode.OK);

    [Fact]
    public async Task A_worker_fetches_the_task_with_its_variables_and_completes_it_once()
    {
        var admin = await server.SignInAsync("admin");
        var (topic, instanceId) = await StartAsync(admin);

        var task = (await FetchAsync(admin, "worker-1", topic)).EnumerateArray().ShouldHaveSingleItem();
        (task.Str("topic"), task.Str("processInstanceId"), task.Str("activityId"), task.Str("workerId")).ShouldBe((topic, instanceId.ToString(), "score", "worker-1"));
        task.GetProperty("variables").GetProperty("amount").GetInt32().ShouldBe(500);

        await admin.PostJsonAsync($"/api/external-tasks/{task.Id()}/complete", new { workerId = "worker-1", variables = new { score = 42 } }).ExpectAsync(HttpStatusCode.NoContent);

        var instance = await admin.GetOkAsync($"/api/instances/{instanceId}");
        instance.Str("status").ShouldBe("Completed");
        await admin.PostJsonAsync($"/api/external-tasks/{task.Id()}/complete", new { workerId = "worker-1" }).ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_worker_whose_lock_ran_out_gets_409_and_the_next_worker_completes()
    {
        var admin = await server.SignInAsync("admin");
        var (topic, _) = await StartAsync(admin);
        var first = (await FetchAsync(admin, "worker-1", topic, lockDuration: 1)).EnumerateArray().ShouldHaveSingleItem();
        await Task.Delay(50);

        var second = (await FetchAsync(admin, "worker-2", topic)).EnumerateArray().ShouldHaveSingleItem();

        second.Id().ShouldBe(first.Id());
        var conflict = await admin.PostJsonAsync($"/api/external-tasks/{first.Id()}/complete", new { workerId = "worker-1" }).ExpectAsync(HttpStatusCode.Conflict);
        conflict.Str("code").ShouldBe("external-task.lock-lost");
        await admin.PostJsonAsync($"/api/external-tasks/{second.Id()}/extend-lock", new { workerId = "worker-2", newDuration = 60_000 }).ExpectAsync(HttpStatusCode.NoContent);
        await admin.PostJsonAsync($"/api/external-tasks/{second.Id()}/complete", new { workerId = "worker-2" }).ExpectAsync(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_failure_without_retries_is_an_incident_with_the_worker_s_message()
    {
        var admin = await server.SignInAsync("admin");
        var (topic, instanceId) = await StartAsync(admin);
        var task = (await FetchAsync(admin, "worker-1", topic)).EnumerateArray().ShouldHaveSingleItem();

        await admin.PostJsonAsync($"/api/external-tasks/{task.Id()}/failure", new { workerId = "worker-1", errorMessage = "Bureau unreachable", retries = 0, retryTimeout = 0 })
            .ExpectAsync(HttpStatusCode.NoContent);

        var instance = await admin.GetOkAsync($"/api/instances/{instanceId}");
        instance.Str("status").ShouldBe("Incident");
        instance.Str("incidentMessage").ShouldContain("Bureau unreachable");
    }

    [Fact]
    public async Task A_bpmn_error_takes_the_error_boundary_and_a_request_without_a_worker_id_is_400()
    {
        var admin = await server.SignInAsync("admin");
        var (topic, instanceId) = await StartAsync(admin);
        var task = (await FetchAsync(admin, "worker-1", topic)).EnumerateArray().ShouldHaveSingleItem();

        var problem = await admin.PostJsonAsync($"/api/external-tasks/{task.Id()}/bpmn-error", new { errorCode = "refused" }).ExpectAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["workerId"]);
        await admin.PostJsonAsync($"/api/external-tasks/{task.Id()}/bpmn-error", new { workerId = "worker-1", errorCode = "refused", errorMessage = "Score too low" })
            .ExpectAsync(HttpStatusCode.NoContent);

        var instance = await admin.GetOkAsync($"/api/instances/{instanceId}");
        instance.Str("status").ShouldBe("Completed");
        instance.GetProperty("variables").Str("why").ShouldBe("Score too low");
    }

    [Theory]
    [InlineData(AppRoles.Worker, true)]
    [InlineData(AppRoles.Administrator, true)]
    [InlineData(AppRoles.Manager, false)]
    [InlineData(AppRoles.Consultant, false)]
    public async Task Only_a_worker_or_an_administrator_holds_the_external_work_policy(string role, bool allowed)
    {
        var authorization = server.Host.Services.GetRequiredService<IAuthorizationService>();
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "robot"), new Claim(ClaimTypes.Role, role)], "test"));

        (await authorization.AuthorizeAsync(user, Policies.ExternalWork)).Succeeded.ShouldBe(allowed);
    }
}

public sealed class ExternalWorkersThroughTheApiOnSqlite(SqliteServer server) : ExternalWorkersThroughTheApi(server), IClassFixture<SqliteServer>;

[RequiresPostgres]
public sealed class ExternalWorkersThroughTheApiOnPostgreSql(PostgresServer server) : ExternalWorkersThroughTheApi(server), IClassFixture<PostgresServer>;
