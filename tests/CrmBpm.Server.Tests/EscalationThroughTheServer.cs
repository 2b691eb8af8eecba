using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CrmBpm.Engine.Timers;
using CrmBpm.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBpm.Server.Tests;

/// <summary>
/// An escalation ladder in the server finds heads in the organisation: anna works in Sales, which helga heads, so helga is
/// notified when anna's task is overdue and then gets it (the North, the task's addressing object, is a region without a head).
/// </summary>
public sealed class EscalationThroughTheServer(SqliteServer server) : IClassFixture<SqliteServer>
{
    private const string Map = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:crm="https://crmbpm.dev/schema/bpmn" id="d" targetNamespace="https://crmbpm.dev/maps">
          <bpmn:process id="KEY" name="Call back" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="call" name="Call the customer back" crm:performerUser="anna" crm:performerRole="Sales manager" crm:addressingObject="North" crm:deadline="PT0S" />
            <bpmn:boundaryEvent id="notify" cancelActivity="false" attachedToRef="call" crm:escalation="notify-head"><bpmn:timerEventDefinition><bpmn:timeDuration>PT0S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            <bpmn:boundaryEvent id="reassign" cancelActivity="false" attachedToRef="call" crm:escalation="reassign-to-head"><bpmn:timerEventDefinition><bpmn:timeDuration>PT0S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="call" />
            <bpmn:sequenceFlow id="f2" sourceRef="call" targetRef="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Fact]
    public async Task The_head_of_the_holders_department_is_notified_and_then_gets_the_overdue_task()
    {
        using var carl = await server.SignInAsync("carl");
        var key = $"call-back-{Guid.NewGuid():N}"[..20];
        await carl.PostAsync("/api/route-maps", new StringContent(Map.Replace("KEY", key, StringComparison.Ordinal), Encoding.UTF8, new MediaTypeHeaderValue("application/xml")))
            .ExpectAsync(HttpStatusCode.OK);
        await carl.PostJsonAsync($"/api/route-maps/{key}/publish").ExpectAsync(HttpStatusCode.OK);
        using var admin = await server.SignInAsync("admin");
        var instance = await admin.PostJsonAsync("/api/instances", new { mapKey = key }).ExpectAsync(HttpStatusCode.Created);

        var escalated = new List<string>();
        for (var attempt = 0; attempt < 50 && escalated.Count < 2; attempt++)
        {
            await server.Host.Services.GetRequiredService<TimerProcessor>().FireDueTimersAsync();
            escalated = [.. (await admin.GetOkAsync($"/api/instances/{instance.Id()}/history")).Items()
                .Where(h => h.Str("kind") == "TaskEscalated").Select(h => h.Str("details"))];
            await Task.Delay(50);
        }

        escalated.ShouldBe(["step 1, NotifyHead: helga", "step 2, ReassignToHead: to helga"], ignoreOrder: false);
        var task = (await admin.GetOkAsync($"/api/instances/{instance.Id()}/tasks")).Items().Single();
        task.Str("assigneeId").ShouldBe("helga");
    }
}
