using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CrmBpm.Engine;
using CrmBpm.Engine.Runtime;
using CrmBpm.Server.Tests.Infrastructure;
using CrmBpm.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBpm.Server.Tests;

/// <summary>
/// Other systems send messages and signals to waiting processes through the API: a message reaches the instance its business
/// key names, a message nobody waits for answers 404, a signal reaches every waiting instance; a Manager or a Head may not send either.
/// </summary>
public abstract class MessagesAndSignalsThroughTheApi(ServerFixture server)
{
    private const string WaitForPaymentOrStop = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:crm="https://crmbpm.dev/schema/bpmn" id="d" targetNamespace="https://crmbpm.dev/maps">
          <bpmn:message id="payment" name="MESSAGE" />
          <bpmn:signal id="stop" name="SIGNAL" />
          <bpmn:process id="KEY" name="Wait for the payment" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:receiveTask id="wait" name="Payment arrives" messageRef="payment" />
            <bpmn:boundaryEvent id="stopped" attachedToRef="wait"><bpmn:signalEventDefinition signalRef="stop" /></bpmn:boundaryEvent>
            <bpmn:userTask id="ship" name="Ship the order" crm:performerRole="Sales manager" />
            <bpmn:endEvent id="end" />
            <bpmn:endEvent id="stop-end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
            <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="ship" />
            <bpmn:sequenceFlow id="f3" sourceRef="ship" targetRef="end" />
            <bpmn:sequenceFlow id="f4" sourceRef="stopped" targetRef="stop-end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    private async Task<(string Message, string Signal, Guid First, Guid Second)> TwoWaitingInstancesAsync()
    {
        var carl = await server.SignInAsync("carl");
        var key = $"payment-{Guid.NewGuid():N}"[..24];
        var (message, signal) = ($"paid-{key}", $"stop-{key}");
        var xml = WaitForPaymentOrStop.Replace("KEY", key, StringComparison.Ordinal).Replace("MESSAGE", message, StringComparison.Ordinal).Replace("SIGNAL", signal, StringComparison.Ordinal);
        await carl.PostAsync("/api/route-maps", new StringContent(xml, Encoding.UTF8, new MediaTypeHeaderValue("application/xml"))).ExpectAsync(HttpStatusCode.OK);
        await carl.PostJsonAsync($"/api/route-maps/{key}/publish").ExpectAsync(HttpStatusCode.OK);
        var engine = server.Host.Services.GetRequiredService<IProcessEngine>();
        var first = await engine.StartAsync(key, new StartOptions { BusinessKey = $"{key}-1" });
        var second = await engine.StartAsync(key, new StartOptions { BusinessKey = $"{key}-2" });
        return (message, signal, first.Id, second.Id);
    }

    [Fact]
    public async Task A_message_reaches_the_instance_its_business_key_names_and_sets_its_variables()
    {
        var (message, _, _, second) = await TwoWaitingInstancesAsync();
        var carl = await server.SignInAsync("carl");

        var result = await carl.PostJsonAsync("/api/messages", new { messageName = message, businessKey = $"{message[5..]}-2", variables = new { amount = 99 } })
            .ExpectAsync(HttpStatusCode.OK);

        result.GetProperty("reachedInstanceIds").EnumerateArray().Select(i => i.GetGuid()).ShouldBe([second]);
        var instance = await server.Host.Services.GetRequiredService<IProcessEngine>().GetInstanceAsync(second);
        instance.Variables["amount"].GetInt32().ShouldBe(99);
        instance.Tokens.ShouldHaveSingleItem().PointId.ShouldBe("ship");
    }

    [Fact]
    public async Task A_message_nobody_waits_for_answers_404_with_its_code()
    {
        var (message, _, _, _) = await TwoWaitingInstancesAsync();
        var admin = await server.SignInAsync("admin");

        var problem = await admin.PostJsonAsync("/api/messages", new { messageName = message, businessKey = "nobody" }).ExpectAsync(HttpStatusCode.NotFound);

        problem.Str("code").ShouldBe("message.not-correlated");
        await admin.PostJsonAsync("/api/messages", new { businessKey = "no name" }).ExpectAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_signal_reaches_every_waiting_instance()
    {
        var (_, signal, first, second) = await TwoWaitingInstancesAsync();
        var admin = await server.SignInAsync("admin");

        var result = await admin.PostJsonAsync("/api/signals", new { signalName = signal }).ExpectAsync(HttpStatusCode.OK);

        result.GetProperty("reachedInstanceIds").EnumerateArray().Select(i => i.GetGuid()).ShouldBe([first, second], ignoreOrder: true);
        (await server.Host.Services.GetRequiredService<IProcessEngine>().GetInstanceAsync(first)).Status.ShouldBe(InstanceStatus.Completed);
        (await admin.PostJsonAsync("/api/signals", new { signalName = signal }).ExpectAsync(HttpStatusCode.OK)).GetProperty("reachedInstanceIds").GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData("anna")]
    [InlineData("helga")]
    public async Task A_manager_or_a_head_may_send_neither_and_nothing_moves(string user)
    {
        var (message, signal, first, _) = await TwoWaitingInstancesAsync();
        var client = await server.SignInAsync(user);

        await client.PostJsonAsync("/api/messages", new { messageName = message }).ExpectAsync(HttpStatusCode.Forbidden);
        await client.PostJsonAsync("/api/signals", new { signalName = signal }).ExpectAsync(HttpStatusCode.Forbidden);

        (await server.Host.Services.GetRequiredService<IProcessEngine>().GetInstanceAsync(first)).Tokens.ShouldHaveSingleItem().PointId.ShouldBe("wait");
    }
}

public sealed class MessagesAndSignalsThroughTheApiOnSqlite(SqliteServer server) : MessagesAndSignalsThroughTheApi(server), IClassFixture<SqliteServer>;

[RequiresPostgres]
public sealed class MessagesAndSignalsThroughTheApiOnPostgreSql(PostgresServer server) : MessagesAndSignalsThroughTheApi(server), IClassFixture<PostgresServer>;
