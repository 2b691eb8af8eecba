using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CrmBpm.Engine.Tasks;
using CrmBpm.Server.Identity;
using CrmBpm.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBpm.Server.Tests;

/// <summary>
/// An Administrator creates, edits, deactivates, reactivates, resets and unlocks users through /api/admin; every change is
/// in the audit log; the last active Administrator stays; a deactivated user's tasks go to their pools or a chosen person.
/// </summary>
public sealed class AdministeringUsersThroughTheApi(SqliteServer server) : IClassFixture<SqliteServer>
{
    [Fact]
    public async Task A_created_user_gets_a_one_time_password_that_opens_nothing_until_they_choose_their_own()
    {
        using var admin = await server.SignInAsync("admin");
        var created = await admin.PostJsonAsync("/api/admin/users", NewUser("dora", roles: ["Manager"], pools: ["Sales manager@South"], department: "Sales"))
            .ExpectAsync(HttpStatusCode.Created);
        var oneTime = created.Str("oneTimePassword");
        created.GetProperty("user").GetProperty("mustChangePassword").GetBoolean().ShouldBeTrue();

        using var anonymous = server.Anonymous();
        var refused = await anonymous.PostJsonAsync("/api/auth/token", new { userName = "dora", password = oneTime }).ExpectAsync(HttpStatusCode.Forbidden);
        refused.Str("code").ShouldBe("auth.password-change-required");
        var weak = await anonymous.PostJsonAsync("/api/auth/password", new { userName = "dora", currentPassword = oneTime, newPassword = "nodigits" })
            .ExpectAsync(HttpStatusCode.BadRequest);
        weak.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["newPassword"]);
        await anonymous.PostJsonAsync("/api/auth/password", new { userName = "dora", currentPassword = oneTime, newPassword = "doras-own-pass-1" })
            .ExpectAsync(HttpStatusCode.NoContent);

        using var dora = await TokenClientAsync("dora", "doras-own-pass-1");
        var me = await dora.GetOkAsync("/api/auth/me");
        me.GetProperty("pools").EnumerateArray().Select(p => p.GetString()).ShouldBe(["Sales manager@South"]);
        me.Str("department").ShouldBe("Sales");

        var audit = (await admin.GetOkAsync("/api/admin/audit?target=dora")).Items().ToList();
        var entry = audit.Single(e => e.Str("action") == "user.create");
        entry.Str("actor").ShouldBe("admin");
        entry.GetProperty("before").ValueKind.ShouldBe(JsonValueKind.Null);
        entry.Str("after").ShouldContain("Sales manager@South");
        entry.Str("after").ShouldNotContain(oneTime, customMessage: "the audit log never holds a password");
    }

    [Fact]
    public async Task Each_refused_field_is_named_with_its_rule()
    {
        using var admin = await server.SignInAsync("admin");
        var problem = await admin.PostJsonAsync("/api/admin/users", new
        {
            userName = "bad user!", displayName = "", email = "not-an-address", language = "de", timeZone = "Mars/Olympus", roles = new[] { "Pilot" }, pools = new[] { "a@b@c" },
        }).ExpectAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order().ShouldBe(["displayName", "email", "language", "pools[0]", "roles", "timeZone"]);

        var duplicate = await admin.PostJsonAsync("/api/admin/users", NewUser("anna")).ExpectAsync(HttpStatusCode.BadRequest);
        duplicate.GetProperty("errors").GetProperty("userName")[0].GetString()!.ShouldContain("already taken");
        var invalidName = await admin.PostJsonAsync("/api/admin/users", NewUser("bad user!")).ExpectAsync(HttpStatusCode.BadRequest);
        invalidName.GetProperty("errors").GetProperty("userName")[0].GetString()!.ShouldContain("invalid");
    }

    [Fact]
    public async Task An_edit_replaces_profile_roles_department_and_pools_and_the_audit_keeps_before_and_after()
    {
        using var admin = await server.SignInAsync("admin");
        await admin.PostJsonAsync("/api/admin/performer-roles", new { name = "Lawyer" }).ExpectAsync(HttpStatusCode.Created);
        await admin.PostJsonAsync("/api/admin/addressing-objects", new { name = "Legal", kind = "Department" }).ExpectAsync(HttpStatusCode.Created);
        await admin.PostJsonAsync("/api/admin/users", NewUser("egon", roles: ["Manager"], pools: ["Lawyer"])).ExpectAsync(HttpStatusCode.Created);

        var edited = await admin.PutAsJsonAsync("/api/admin/users/egon", new
        {
            displayName = "Egon Krause", email = "egon@example.com", phone = "+49 30 555", language = "ru", timeZone = "Europe/Berlin",
            roles = new[] { "Head" }, department = "Legal", pools = new[] { "Lawyer@North", "Accountant" },
        }, ServerFixture.Json).ExpectAsync(HttpStatusCode.OK);
        edited.Str("language").ShouldBe("ru");
        edited.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["Head"]);
        edited.GetProperty("pools").EnumerateArray().Select(r => r.GetString()).ShouldBe(["Lawyer@North", "Accountant"], ignoreOrder: true);

        var users = (await admin.GetOkAsync("/api/users?pageSize=200")).Items().Single(u => u.Str("id") == "egon");
        users.Str("department").ShouldBe("Legal");
        var update = (await admin.GetOkAsync("/api/admin/audit?target=egon")).Items().First();
        update.Str("action").ShouldBe("user.update");
        update.Str("before").ShouldContain("\"Lawyer\"");
        update.Str("after").ShouldContain("Lawyer@North");
    }

    [Fact]
    public async Task Memberships_and_the_department_come_from_the_catalogues_and_a_typo_is_refused_naming_the_field_and_the_value()
    {
        using var admin = await server.SignInAsync("admin");
        var problem = await admin.PostJsonAsync("/api/admin/users", new
        {
            userName = "hugo", displayName = "Hugo", roles = new[] { "Manager" }, department = "Sales Nort", pools = new[] { "Sales manager@North", "Sales manger", "Accountant@Narnia" },
        }).ExpectAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).Order().ShouldBe(["department", "pools[1]", "pools[2]"]);
        errors.GetProperty("pools[1]")[0].GetString()!.ShouldStartWith("'Sales manger' is not a performer role");
        errors.GetProperty("pools[2]")[0].GetString()!.ShouldStartWith("'Narnia' is not an addressing object");
        errors.GetProperty("department")[0].GetString()!.ShouldStartWith("'Sales Nort' is not a Department");
        (await admin.PostJsonAsync("/api/admin/users", NewUser("hugo", department: "North")).ExpectAsync(HttpStatusCode.BadRequest))
            .GetProperty("errors").GetProperty("department")[0].GetString()!.ShouldContain("not a Department", customMessage: "North is a region");

        var created = await admin.PostJsonAsync("/api/admin/users", NewUser("hugo", pools: ["sales MANAGER@north"], department: "sales")).ExpectAsync(HttpStatusCode.Created);
        created.GetProperty("user").GetProperty("pools").EnumerateArray().Select(p => p.GetString()).ShouldBe(["Sales manager@North"], "claims use the catalogue's spelling");
        created.GetProperty("user").Str("department").ShouldBe("Sales");
    }

    [Fact]
    public async Task The_list_is_searched_and_paginated()
    {
        using var admin = await server.SignInAsync("admin");
        var page = await admin.GetOkAsync("/api/admin/users?search=PETROVA&pageSize=1");
        page.Items().Select(u => u.Str("userName")).ShouldBe(["anna"]);
        page.GetProperty("total").GetInt64().ShouldBe(1);
        var all = await admin.GetOkAsync("/api/admin/users?pageSize=2&page=2");
        all.Items().Count().ShouldBe(2);
        all.GetProperty("total").GetInt64().ShouldBeGreaterThanOrEqualTo(5);
    }

    [Fact]
    public async Task The_last_active_administrator_can_be_neither_demoted_nor_deactivated()
    {
        using var admin = await server.SignInAsync("admin");
        var demoted = await admin.PutAsJsonAsync("/api/admin/users/admin", new { displayName = "Administrator", roles = new[] { "Manager" } }, ServerFixture.Json)
            .ExpectAsync(HttpStatusCode.Conflict);
        demoted.Str("code").ShouldBe("user.last-administrator");

        await admin.PostJsonAsync("/api/admin/users", NewUser("root2", roles: ["Administrator"])).ExpectAsync(HttpStatusCode.Created);
        await admin.PostJsonAsync("/api/admin/users/root2/deactivate").ExpectAsync(HttpStatusCode.OK);
        (await admin.PostJsonAsync("/api/admin/users/admin/deactivate").ExpectAsync(HttpStatusCode.Conflict)).Str("code").ShouldBe("user.self");
        (await admin.PutAsJsonAsync("/api/admin/users/admin", new { displayName = "Administrator", roles = new[] { "Manager" } }, ServerFixture.Json)
            .ExpectAsync(HttpStatusCode.Conflict)).Str("code").ShouldBe("user.last-administrator", "a deactivated Administrator does not count");
    }

    [Fact]
    public async Task A_reset_password_replaces_the_old_one_with_a_one_time_password_and_ends_the_refresh_tokens()
    {
        using var admin = await server.SignInAsync("admin");
        var created = await admin.PostJsonAsync("/api/admin/users", NewUser("fritz")).ExpectAsync(HttpStatusCode.Created);
        using var anonymous = server.Anonymous();
        await anonymous.PostJsonAsync("/api/auth/password", new { userName = "fritz", currentPassword = created.Str("oneTimePassword"), newPassword = "fritz-pass-1" })
            .ExpectAsync(HttpStatusCode.NoContent);
        var tokens = await anonymous.PostJsonAsync("/api/auth/token", new { userName = "fritz", password = "fritz-pass-1" }).ExpectAsync(HttpStatusCode.OK);

        var reset = await admin.PostJsonAsync("/api/admin/users/fritz/reset-password").ExpectAsync(HttpStatusCode.OK);
        var oneTime = reset.Str("oneTimePassword");
        oneTime.ShouldNotBe(created.Str("oneTimePassword"));
        await anonymous.PostJsonAsync("/api/auth/token", new { userName = "fritz", password = "fritz-pass-1" }).ExpectAsync(HttpStatusCode.Unauthorized);
        await anonymous.PostJsonAsync("/api/auth/token", new { userName = "fritz", password = oneTime }).ExpectAsync(HttpStatusCode.Forbidden);
        await anonymous.PostJsonAsync("/api/auth/refresh", new { refreshToken = tokens.Str("refreshToken") }).ExpectAsync(HttpStatusCode.Unauthorized);
        (await admin.GetOkAsync("/api/admin/audit?target=fritz")).Items().First().Str("action").ShouldBe("user.reset-password");
    }

    [Fact]
    public async Task A_locked_out_user_is_unlocked_by_the_administrator()
    {
        using var admin = await server.SignInAsync("admin");
        var created = await admin.PostJsonAsync("/api/admin/users", NewUser("gina")).ExpectAsync(HttpStatusCode.Created);
        using var anonymous = server.Anonymous();
        await anonymous.PostJsonAsync("/api/auth/password", new { userName = "gina", currentPassword = created.Str("oneTimePassword"), newPassword = "gina-pass-1" })
            .ExpectAsync(HttpStatusCode.NoContent);
        // Five wrong passwords from this client (all it may give for gina), the rest of the lockout's 20 from elsewhere.
        for (var i = 0; i < 5; i++)
        {
            await anonymous.PostJsonAsync("/api/auth/token", new { userName = "gina", password = "wrong-guess-1" }).ExpectAsync(HttpStatusCode.Unauthorized);
        }

        using (var scope = server.Host.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CrmBpmUser>>();
            var gina = (await users.FindByNameAsync("gina"))!;
            for (var i = 5; i < 20; i++)
            {
                await users.AccessFailedAsync(gina);
            }
        }

        (await anonymous.PostJsonAsync("/api/auth/token", new { userName = "gina", password = "gina-pass-1" }).ExpectAsync(HttpStatusCode.Unauthorized))
            .Str("code").ShouldBe("auth.locked-out");
        (await admin.GetOkAsync("/api/admin/users/gina")).GetProperty("isLockedOut").GetBoolean().ShouldBeTrue();
        (await admin.PostJsonAsync("/api/admin/users/gina/unlock").ExpectAsync(HttpStatusCode.OK)).GetProperty("isLockedOut").GetBoolean().ShouldBeFalse();
        await anonymous.PostJsonAsync("/api/auth/token", new { userName = "gina", password = "gina-pass-1" }).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Deactivating_boris_returns_his_pool_tasks_to_the_pool_needs_a_person_for_his_own_and_ends_his_sign_ins()
    {
        var engine = server.Host.Services.GetRequiredService<ITaskService>();
        var held = await HeldAsync(engine, "boris");
        held.ShouldContain(t => t.PerformerRole == null, "the demo claim's plan gives boris a task of his own");
        using var admin = await server.SignInAsync("admin");
        using var anonymous = server.Anonymous();
        var refresh = (await anonymous.PostJsonAsync("/api/auth/token", new { userName = "boris", password = "manager2" }).ExpectAsync(HttpStatusCode.OK)).Str("refreshToken");

        var refused = await admin.PostJsonAsync("/api/admin/users/boris/deactivate").ExpectAsync(HttpStatusCode.BadRequest);
        refused.Str("code").ShouldBe("user.tasks-need-a-person");
        var message = refused.GetProperty("errors").GetProperty("reassignTo")[0].GetString()!;
        foreach (var task in held.Where(t => t.PerformerRole == null))
        {
            message.ShouldContain(task.Title);
        }

        (await HeldAsync(engine, "boris")).Count.ShouldBe(held.Count, "a refused deactivation moves nothing");
        (await admin.PostJsonAsync("/api/admin/users/boris/deactivate", new { reassignTo = "nobody" }).ExpectAsync(HttpStatusCode.BadRequest))
            .GetProperty("errors").GetProperty("reassignTo").ValueKind.ShouldBe(JsonValueKind.Array);

        var done = await admin.PostJsonAsync("/api/admin/users/boris/deactivate", new { reassignTo = "helga" }).ExpectAsync(HttpStatusCode.OK);
        done.GetProperty("tasks").GetProperty("redirected").GetInt32().ShouldBe(held.Count(t => t.PerformerRole == null));
        done.GetProperty("tasks").GetProperty("returnedToPools").GetInt32().ShouldBe(held.Count(t => t.PerformerRole != null));
        (await HeldAsync(engine, "boris")).ShouldBeEmpty();
        foreach (var task in held)
        {
            var now = await engine.GetAsync(task.Id);
            now.AssigneeId.ShouldBe(task.PerformerRole == null ? "helga" : null, task.Title);
        }

        (await anonymous.PostJsonAsync("/api/auth/token", new { userName = "boris", password = "manager2" }).ExpectAsync(HttpStatusCode.Unauthorized))
            .Str("code").ShouldBe("auth.invalid-credentials");
        await anonymous.PostJsonAsync("/api/auth/refresh", new { refreshToken = refresh }).ExpectAsync(HttpStatusCode.Unauthorized);
        (await admin.GetOkAsync("/api/admin/audit?target=boris")).Items().First().Str("note").ShouldContain("redirected to helga");

        await admin.PostJsonAsync("/api/admin/users/boris/reactivate").ExpectAsync(HttpStatusCode.OK);
        await anonymous.PostJsonAsync("/api/auth/token", new { userName = "boris", password = "manager2" }).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Dropping_the_demo_users_is_refused_while_only_demo_administrators_exist()
    {
        using var admin = await server.SignInAsync("admin");
        var refused = await admin.PostJsonAsync("/api/admin/demo-users/drop", new { reassignTo = "anna" }).ExpectAsync(HttpStatusCode.Conflict);
        refused.Str("code").ShouldBe("user.last-administrator");
        (await admin.GetOkAsync("/api/admin/users/anna")).GetProperty("isDemo").GetBoolean().ShouldBeTrue();
    }

    private static object NewUser(string userName, string[]? roles = null, string[]? pools = null, string? department = null) =>
        new { userName, displayName = $"{userName} Example", roles = roles ?? ["Manager"], pools = pools ?? [], department };

    private async Task<HttpClient> TokenClientAsync(string userName, string password)
    {
        var client = server.Anonymous();
        var token = (await client.PostJsonAsync("/api/auth/token", new { userName, password }).ExpectAsync(HttpStatusCode.OK)).Str("accessToken");
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    private static async Task<IReadOnlyList<WorkTask>> HeldAsync(ITaskService engine, string userName) =>
        (await engine.MyTasksAsync(new TaskQuery { Actor = new Actor(userName), IncludePostponed = true, PageSize = 500 })).Items;
}
