using CrmBpm.Testing.Postgres;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CrmBpm.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBpm.Server.Tests;

/// <summary>
/// My notifications through the API (issue #16): a task created for me shows up unread with a link to the task, I mark it
/// read or mark all read; every role reads only their own, and another person's notification is 404 to them.
/// </summary>
public abstract class NotificationsThroughTheApi(ServerFixture server)
{
    private static string Map(string key, string performer) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:crm="https://crmbpm.dev/schema/bpmn" id="d" targetNamespace="https://crmbpm.dev/maps">
          <bpmn:process id="{key}" name="Notify" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="call" name="Call {key}" crm:performerUser="{performer}" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="call" />
            <bpmn:sequenceFlow id="f2" sourceRef="call" targetRef="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>The admin publishes a fresh map with one task for <paramref name="performer"/> and starts it; the task's title.</summary>
    private async Task<string> GiveTaskAsync(string performer)
    {
        using var admin = await server.SignInAsync("admin");
        var key = $"notify-{Guid.NewGuid():N}"[..20];
        await admin.PostAsync("/api/route-maps", new StringContent(Map(key, performer), Encoding.UTF8, new MediaTypeHeaderValue("application/xml"))).ExpectAsync(HttpStatusCode.OK);
        await admin.PostJsonAsync($"/api/route-maps/{key}/publish").ExpectAsync(HttpStatusCode.OK);
        await admin.PostJsonAsync("/api/instances", new { mapKey = key }).ExpectAsync(HttpStatusCode.Created);
        return $"Call {key}";
    }

    private static async Task<JsonElement> NotificationTitledAsync(HttpClient client, string title) =>
        (await client.GetOkAsync("/api/notifications?pageSize=100")).Items().Single(n => n.Str("title") == title);

    private static async Task<int> UnreadAsync(HttpClient client) => (await client.GetOkAsync("/api/notifications/unread-count")).GetProperty("unread").GetInt32();

    [Fact]
    public async Task A_task_for_me_is_an_unread_notification_linking_to_it_until_I_mark_it_read()
    {
        using var anna = await server.SignInAsync("anna");
        var before = await UnreadAsync(anna);

        var title = await GiveTaskAsync("anna");

        (await UnreadAsync(anna)).ShouldBe(before + 1);
        var notification = await NotificationTitledAsync(anna, title);
        (notification.Str("kind"), notification.Str("subjectType"), notification.GetProperty("readAt").ValueKind).ShouldBe(("TaskAssigned", "task", JsonValueKind.Null));
        notification.Str("link").ShouldBe($"/tasks/{notification.Str("subjectId")}");
        var task = await anna.GetOkAsync($"/api/tasks/{notification.Str("subjectId")}");
        task.Str("title").ShouldBe(title);
        var unread = await anna.GetOkAsync("/api/notifications?unreadOnly=true&pageSize=100");
        unread.Items().ShouldContain(n => n.Id() == notification.Id());
        unread.GetProperty("unread").GetInt32().ShouldBe(before + 1);

        var read = await anna.PostJsonAsync($"/api/notifications/{notification.Id()}/read").ExpectAsync(HttpStatusCode.OK);
        read.GetProperty("readAt").ValueKind.ShouldBe(JsonValueKind.String);
        (await UnreadAsync(anna)).ShouldBe(before);
        (await anna.GetOkAsync("/api/notifications?unreadOnly=true&pageSize=100")).Items().ShouldNotContain(n => n.Id() == notification.Id());
        (await anna.GetOkAsync($"/api/notifications/{notification.Id()}")).GetProperty("readAt").ValueKind.ShouldBe(JsonValueKind.String);
    }

    [Fact]
    public async Task Mark_all_read_marks_every_one_of_mine_and_nobody_elses()
    {
        using var boris = await server.SignInAsync("boris");
        using var anna = await server.SignInAsync("anna");
        await GiveTaskAsync("boris");
        await GiveTaskAsync("anna");
        var annasUnread = await UnreadAsync(anna);
        annasUnread.ShouldBeGreaterThan(0);

        var marked = await boris.PostJsonAsync("/api/notifications/read-all").ExpectAsync(HttpStatusCode.OK);

        marked.GetProperty("marked").GetInt32().ShouldBeGreaterThan(0);
        (await UnreadAsync(boris)).ShouldBe(0);
        (await UnreadAsync(anna)).ShouldBe(annasUnread);
    }

    [Theory]
    [InlineData("helga")]
    [InlineData("carl")]
    [InlineData("admin")]
    [InlineData("boris")]
    [InlineData(null)] // a Worker
    public async Task Another_persons_notification_is_404_to_every_role(string? userName)
    {
        using var anna = await server.SignInAsync("anna");
        var annas = await NotificationTitledAsync(anna, await GiveTaskAsync("anna"));
        using var other = userName is null ? await WorkerAsync() : await server.SignInAsync(userName);

        (await other.GetAsync($"/api/notifications/{annas.Id()}").ExpectAsync(HttpStatusCode.NotFound)).Str("code").ShouldBe("notification.not-found");
        (await other.PostJsonAsync($"/api/notifications/{annas.Id()}/read").ExpectAsync(HttpStatusCode.NotFound)).Str("code").ShouldBe("notification.not-found");
        (await other.GetOkAsync("/api/notifications?pageSize=100")).Items().ShouldNotContain(n => n.Id() == annas.Id());
        await other.PostJsonAsync("/api/notifications/read-all").ExpectAsync(HttpStatusCode.OK);
        (await other.GetOkAsync("/api/notifications/unread-count")).GetProperty("unread").GetInt32().ShouldBe(0);

        (await anna.GetOkAsync($"/api/notifications/{annas.Id()}")).GetProperty("readAt").ValueKind.ShouldBe(JsonValueKind.Null, "nobody else marked it read");
    }

    [Fact]
    public async Task An_escalation_step_tells_the_head_it_names_and_an_overdue_task_tells_its_holder()
    {
        const string escalating = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:crm="https://crmbpm.dev/schema/bpmn" id="d" targetNamespace="https://crmbpm.dev/maps">
              <bpmn:process id="KEY" name="Call back" isExecutable="true">
                <bpmn:startEvent id="start" />
                <bpmn:userTask id="call" name="Call the customer back" crm:performerUser="anna" crm:deadline="PT0S" />
                <bpmn:boundaryEvent id="notify" cancelActivity="false" attachedToRef="call" crm:escalation="notify-head"><bpmn:timerEventDefinition><bpmn:timeDuration>PT0S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
                <bpmn:endEvent id="end" />
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="call" />
                <bpmn:sequenceFlow id="f2" sourceRef="call" targetRef="end" />
              </bpmn:process>
            </bpmn:definitions>
            """;
        using var admin = await server.SignInAsync("admin");
        var key = $"escalate-{Guid.NewGuid():N}"[..20];
        await admin.PostAsync("/api/route-maps", new StringContent(escalating.Replace("KEY", key, StringComparison.Ordinal), Encoding.UTF8, new MediaTypeHeaderValue("application/xml")))
            .ExpectAsync(HttpStatusCode.OK);
        await admin.PostJsonAsync($"/api/route-maps/{key}/publish").ExpectAsync(HttpStatusCode.OK);
        var instance = await admin.PostJsonAsync("/api/instances", new { mapKey = key }).ExpectAsync(HttpStatusCode.Created);
        var taskId = (await admin.GetOkAsync($"/api/instances/{instance.Id()}/tasks")).Items().Single().Id().ToString();
        using var helga = await server.SignInAsync("helga");
        using var anna = await server.SignInAsync("anna");

        List<JsonElement> helgas = [];
        List<JsonElement> annas = [];
        for (var attempt = 0; attempt < 50 && (helgas.Count == 0 || !annas.Any(n => n.Str("kind") == "DeadlineReached")); attempt++)
        {
            await server.Host.Services.GetRequiredService<CrmBpm.Engine.Timers.TimerProcessor>().FireDueTimersAsync();
            helgas = [.. (await helga.GetOkAsync("/api/notifications?pageSize=100")).Items().Where(n => n.Str("subjectId") == taskId)];
            annas = [.. (await anna.GetOkAsync("/api/notifications?pageSize=100")).Items().Where(n => n.Str("subjectId") == taskId)];
            await Task.Delay(50);
        }

        var told = helgas.ShouldHaveSingleItem();
        (told.Str("kind"), told.Str("detail"), told.Str("title"), told.Str("link")).ShouldBe(("TaskEscalated", "NotifyHead", "Call the customer back", $"/tasks/{taskId}"));
        annas.Select(n => n.Str("kind")).Order(StringComparer.Ordinal).ShouldBe(["DeadlineReached", "TaskAssigned"]);
    }

    [Fact]
    public async Task A_page_outside_the_limits_is_refused_naming_the_parameter()
    {
        using var anna = await server.SignInAsync("anna");

        var problem = await anna.GetAsync("/api/notifications?page=0").ExpectAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["page"]);
        await server.Anonymous().GetAsync("/api/notifications").ExpectAsync(HttpStatusCode.Unauthorized);
    }

    /// <summary>A Worker (no demo user is one): created by the admin, their own password set, signed in with a token.</summary>
    private async Task<HttpClient> WorkerAsync()
    {
        using var admin = await server.SignInAsync("admin");
        var userName = $"robot{Guid.NewGuid():N}"[..16];
        var created = await admin.PostJsonAsync("/api/admin/users", new { userName, displayName = "Robot", roles = new[] { "Worker" } }).ExpectAsync(HttpStatusCode.Created);
        var anonymous = server.Anonymous();
        await anonymous.PostJsonAsync("/api/auth/password", new { userName, currentPassword = created.Str("oneTimePassword"), newPassword = "robots-own-pass-1" })
            .ExpectAsync(HttpStatusCode.NoContent);
        var token = await anonymous.PostJsonAsync("/api/auth/token", new { userName, password = "robots-own-pass-1" }).ExpectAsync(HttpStatusCode.OK);
        anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Str("accessToken"));
        return anonymous;
    }
}

public sealed class NotificationsThroughTheApiOnSqlite(SqliteServer server) : NotificationsThroughTheApi(server), IClassFixture<SqliteServer>;

[RequiresPostgres]
public sealed class NotificationsThroughTheApiOnPostgreSql(PostgresServer server) : NotificationsThroughTheApi(server), IClassFixture<PostgresServer>;
