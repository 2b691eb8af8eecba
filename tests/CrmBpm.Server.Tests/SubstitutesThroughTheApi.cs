using CrmBpm.Testing.Postgres;
using System.Net;
using System.Text.Json;
using CrmBpm.Server.Tests.Infrastructure;

namespace CrmBpm.Server.Tests;

/// <summary>
/// Out of office through the API: while Anna is absent Boris sees her tasks marked on her behalf and acts on them with both
/// names in the history; before and after, nothing of hers is his and nothing was reassigned. Who may record for whom, and
/// every refusal naming its field. The fixture's database is shared by the class, so each test removes its absences.
/// </summary>
public abstract class SubstitutesThroughTheApi(ServerFixture server)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private static object Absence(string substitute, DateTimeOffset from, DateTimeOffset to, string? absent = null, string[]? roles = null) =>
        new { absentUserId = absent, substituteUserId = substitute, from, to, performerRoles = roles };

    private static async Task<HashSet<Guid>> TaskIdsAsync(HttpClient client, Func<JsonElement, bool>? where = null) =>
        [.. (await client.GetOkAsync("/api/tasks?pageSize=200")).Items().Where(t => where?.Invoke(t) ?? true).Select(t => t.Id())];

    private static async Task DeleteAsync(HttpClient client, JsonElement absence) =>
        (await client.DeleteAsync($"/api/absences/{absence.Id()}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

    [Fact]
    public async Task During_the_absence_the_substitute_sees_the_absent_persons_tasks_marked_for_them_and_afterwards_not()
    {
        var anna = await server.SignInAsync("anna");
        var boris = await server.SignInAsync("boris");
        var annas = await TaskIdsAsync(anna);
        var borisOwn = await TaskIdsAsync(boris);
        annas.ShouldNotBeEmpty();
        var annasOnly = annas.Except(borisOwn).ToHashSet();
        annasOnly.ShouldNotBeEmpty();

        var absence = await anna.PostJsonAsync("/api/absences", Absence("boris", Now.AddMinutes(-1), Now.AddDays(3))).ExpectAsync(HttpStatusCode.Created);
        try
        {
            absence.GetProperty("active").GetBoolean().ShouldBeTrue();
            absence.Str("substituteName").ShouldBe("Boris Nowak");
            var seen = (await boris.GetOkAsync("/api/tasks?pageSize=200")).Items().ToList();
            seen.Select(t => t.Id()).ToHashSet().IsSupersetOf(annas).ShouldBeTrue();
            seen.Where(t => annasOnly.Contains(t.Id())).ShouldAllBe(t => t.GetProperty("onBehalfOf").GetString() == "anna");
            seen.Where(t => borisOwn.Contains(t.Id())).ShouldAllBe(t => t.GetProperty("onBehalfOf").ValueKind == JsonValueKind.Null);
            (await TaskIdsAsync(anna)).SetEquals(annas).ShouldBeTrue("the absent person still sees their own tasks");
            (await boris.GetOkAsync($"/api/tasks/{annasOnly.First()}")).Str("onBehalfOf").ShouldBe("anna");

            await boris.PostJsonAsync($"/api/absences/{absence.Id()}/end").ExpectAsync(HttpStatusCode.Forbidden);
            var ended = await anna.PostJsonAsync($"/api/absences/{absence.Id()}/end").ExpectAsync(HttpStatusCode.OK);
            ended.GetProperty("active").GetBoolean().ShouldBeFalse();

            (await TaskIdsAsync(boris)).SetEquals(borisOwn).ShouldBeTrue("after the absence the substitute sees only their own");
            await boris.GetAsync($"/api/tasks/{annasOnly.First()}").ExpectAsync(HttpStatusCode.Forbidden);
            (await TaskIdsAsync(anna)).SetEquals(annas).ShouldBeTrue("nothing was reassigned");
        }
        finally
        {
            await DeleteAsync(anna, absence);
        }
    }

    [Fact]
    public async Task Acting_on_behalf_is_recorded_with_both_names_and_the_task_stays_the_absent_persons()
    {
        var anna = await server.SignInAsync("anna");
        var boris = await server.SignInAsync("boris");
        var absence = await anna.PostJsonAsync("/api/absences", Absence("boris", Now.AddMinutes(-1), Now.AddDays(1))).ExpectAsync(HttpStatusCode.Created);
        try
        {
            var task = (await boris.GetOkAsync("/api/tasks?pageSize=200")).Items().First(t => t.GetProperty("onBehalfOf").GetString() == "anna");

            var postponed = await boris.PostJsonAsync($"/api/tasks/{task.Id()}/postpone", new { until = Now.AddMinutes(30), comment = "Anna is back Monday" })
                .ExpectAsync(HttpStatusCode.OK);

            postponed.Str("onBehalfOf").ShouldBe("anna");
            var history = (await anna.GetOkAsync($"/api/instances/{task.GetProperty("instanceId").GetGuid()}/history?pageSize=200")).Items().ToList();
            var entry = history.Last(h => h.Str("kind") == "TaskPostponed");
            entry.Str("actor").ShouldBe("boris");
            entry.Str("onBehalfOf").ShouldBe("anna");
            var after = await anna.GetOkAsync($"/api/tasks/{task.Id()}");
            after.GetProperty("assigneeId").GetString().ShouldBe(task.GetProperty("assigneeId").GetString());
        }
        finally
        {
            await DeleteAsync(anna, absence);
        }
    }

    [Fact]
    public async Task A_planned_absence_shows_nothing_before_it_starts()
    {
        var anna = await server.SignInAsync("anna");
        var boris = await server.SignInAsync("boris");
        var before = await TaskIdsAsync(boris);
        var absence = await anna.PostJsonAsync("/api/absences", Absence("boris", Now.AddDays(10), Now.AddDays(12))).ExpectAsync(HttpStatusCode.Created);
        try
        {
            absence.GetProperty("active").GetBoolean().ShouldBeFalse();
            (await TaskIdsAsync(boris)).SetEquals(before).ShouldBeTrue();
            (await boris.GetOkAsync("/api/absences")).Items().Select(a => a.Id()).ShouldContain(absence.Id());
            var refusal = await anna.PostJsonAsync($"/api/absences/{absence.Id()}/end").ExpectAsync(HttpStatusCode.Conflict);
            refusal.Str("code").ShouldBe("absence.not-started");
        }
        finally
        {
            await DeleteAsync(anna, absence);
        }
    }

    [Fact]
    public async Task A_role_limited_absence_shows_only_tasks_of_those_roles()
    {
        var anna = await server.SignInAsync("anna");
        var boris = await server.SignInAsync("boris");
        var borisOwn = await TaskIdsAsync(boris);
        var annasPersonal = await TaskIdsAsync(anna, t => t.GetProperty("performerRole").ValueKind == JsonValueKind.Null);
        annasPersonal.ShouldNotBeEmpty();
        var absence = await anna.PostJsonAsync("/api/absences", Absence("boris", Now.AddMinutes(-1), Now.AddDays(1), roles: ["Claims officer"]))
            .ExpectAsync(HttpStatusCode.Created);
        try
        {
            absence.GetProperty("performerRoles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["Claims officer"]);
            var seen = (await boris.GetOkAsync("/api/tasks?pageSize=200")).Items().ToList();
            seen.Select(t => t.Id()).ShouldNotContain(id => annasPersonal.Contains(id));
            seen.Where(t => !borisOwn.Contains(t.Id())).ShouldAllBe(t => t.GetProperty("performerRole").GetString() == "Claims officer");
        }
        finally
        {
            await DeleteAsync(anna, absence);
        }
    }

    [Fact]
    public async Task Substitution_is_not_passed_along_a_chain()
    {
        var anna = await server.SignInAsync("anna");
        var boris = await server.SignInAsync("boris");
        var helga = await server.SignInAsync("helga");
        var annasOnly = (await TaskIdsAsync(anna)).Except(await TaskIdsAsync(boris)).Except(await TaskIdsAsync(helga)).ToHashSet();
        annasOnly.ShouldNotBeEmpty();
        var annaAway = await anna.PostJsonAsync("/api/absences", Absence("boris", Now.AddMinutes(-1), Now.AddDays(1))).ExpectAsync(HttpStatusCode.Created);
        var borisAway = await boris.PostJsonAsync("/api/absences", Absence("helga", Now.AddMinutes(-1), Now.AddDays(1))).ExpectAsync(HttpStatusCode.Created);
        try
        {
            var helgaSees = (await helga.GetOkAsync("/api/tasks?pageSize=200")).Items().ToList();
            helgaSees.Select(t => t.Id()).ShouldNotContain(id => annasOnly.Contains(id));
        }
        finally
        {
            await DeleteAsync(boris, borisAway);
            await DeleteAsync(anna, annaAway);
        }
    }

    [Fact]
    public async Task Overlapping_absences_of_one_person_are_refused_naming_the_existing_one()
    {
        var anna = await server.SignInAsync("anna");
        var first = await anna.PostJsonAsync("/api/absences", Absence("boris", Now.AddDays(20), Now.AddDays(25))).ExpectAsync(HttpStatusCode.Created);
        try
        {
            var refusal = await anna.PostJsonAsync("/api/absences", Absence("helga", Now.AddDays(24), Now.AddDays(30))).ExpectAsync(HttpStatusCode.Conflict);

            refusal.Str("code").ShouldBe("absence.overlaps");
            refusal.Str("detail").ShouldContain("boris");
            var adjacent = await anna.PostJsonAsync("/api/absences", Absence("helga", Now.AddDays(25), Now.AddDays(30))).ExpectAsync(HttpStatusCode.Created);
            await DeleteAsync(anna, adjacent);
        }
        finally
        {
            await DeleteAsync(anna, first);
        }
    }

    [Theory]
    [InlineData("anna", 1, 2, "substituteUserId")]
    [InlineData("nobody", 1, 2, "substituteUserId")]
    [InlineData("carl", 1, 2, "substituteUserId")]
    [InlineData("boris", 2, 1, "to")]
    [InlineData("boris", -3, -2, "to")]
    [InlineData("boris", 1, 400, "to")]
    public async Task A_wrong_absence_is_refused_naming_the_field(string substitute, int fromDays, int toDays, string field)
    {
        var anna = await server.SignInAsync("anna");

        var refusal = await anna.PostJsonAsync("/api/absences", Absence(substitute, Now.AddDays(fromDays), Now.AddDays(toDays))).ExpectAsync(HttpStatusCode.BadRequest);

        refusal.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(refusal.ToString());
    }

    [Fact]
    public async Task A_role_the_absent_person_is_not_in_is_refused()
    {
        var anna = await server.SignInAsync("anna");

        var refusal = await anna.PostJsonAsync("/api/absences", Absence("boris", Now.AddDays(1), Now.AddDays(2), roles: ["Lawyer"])).ExpectAsync(HttpStatusCode.BadRequest);

        refusal.GetProperty("errors").TryGetProperty("performerRoles[0]", out _).ShouldBeTrue(refusal.ToString());
        refusal.ToString().ShouldContain("Claims officer");
    }

    [Fact]
    public async Task A_manager_records_only_their_own_a_head_for_the_team_an_administrator_for_anyone()
    {
        var boris = await server.SignInAsync("boris");
        var helga = await server.SignInAsync("helga");
        var admin = await server.SignInAsync("admin");

        (await boris.PostJsonAsync("/api/absences", Absence("helga", Now.AddDays(40), Now.AddDays(41), absent: "anna")).ExpectAsync(HttpStatusCode.Forbidden))
            .Str("code").ShouldBe("absence.not-yours");
        var byHead = await helga.PostJsonAsync("/api/absences", Absence("boris", Now.AddDays(40), Now.AddDays(41), absent: "anna")).ExpectAsync(HttpStatusCode.Created);
        byHead.Str("recordedBy").ShouldBe("helga");
        (await boris.DeleteAsync($"/api/absences/{byHead.Id()}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.GetOkAsync("/api/absences")).Items().Select(a => a.Id()).ShouldContain(byHead.Id());
        await DeleteAsync(admin, byHead);

        var byAdmin = await admin.PostJsonAsync("/api/absences", Absence("anna", Now.AddDays(40), Now.AddDays(41), absent: "boris")).ExpectAsync(HttpStatusCode.Created);
        await DeleteAsync(helga, byAdmin);
        (await admin.DeleteAsync($"/api/absences/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class SubstitutesThroughTheApiOnSqlite(SqliteServer server) : SubstitutesThroughTheApi(server), IClassFixture<SqliteServer>;

[RequiresPostgres]
public sealed class SubstitutesThroughTheApiOnPostgreSql(PostgresServer server) : SubstitutesThroughTheApi(server), IClassFixture<PostgresServer>;
