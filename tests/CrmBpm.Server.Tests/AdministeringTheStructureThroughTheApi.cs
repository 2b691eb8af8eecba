using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CrmBpm.Server.Identity;
using CrmBpm.Server.Organisation;
using CrmBpm.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBpm.Server.Tests;

/// <summary>
/// An Administrator keeps the company's performer roles and addressing objects (departments as a tree with heads, regions,
/// business directions) through /api/admin; nothing in use is deleted, the tree never goes round, every change is audited;
/// Consultants read the catalogue for the performer picker; a Head's team spans their sub-departments.
/// </summary>
public sealed class AdministeringTheStructureThroughTheApi(SqliteServer server) : IClassFixture<SqliteServer>
{
    [Fact]
    public async Task A_performer_role_is_created_once_regardless_of_case_described_and_audited()
    {
        using var admin = await server.SignInAsync("admin");
        var created = await admin.PostJsonAsync("/api/admin/performer-roles", new { name = " Lawyer ", description = "Reads contracts." }).ExpectAsync(HttpStatusCode.Created);
        created.Str("name").ShouldBe("Lawyer");
        (await admin.PostJsonAsync("/api/admin/performer-roles", new { name = "LAWYER" }).ExpectAsync(HttpStatusCode.Conflict)).Str("code").ShouldBe("performer-role.exists");
        var invalid = await admin.PostJsonAsync("/api/admin/performer-roles", new { name = "Lawyer@North" }).ExpectAsync(HttpStatusCode.BadRequest);
        invalid.GetProperty("errors").GetProperty("name")[0].GetString()!.ShouldContain("'@'");

        var edited = await admin.PutAsJsonAsync("/api/admin/performer-roles/lawyer", new { description = "Reads and signs contracts." }, ServerFixture.Json).ExpectAsync(HttpStatusCode.OK);
        edited.Str("name").ShouldBe("Lawyer", "the name is the key; an edit never renames");
        edited.Str("description").ShouldBe("Reads and signs contracts.");

        var page = await admin.GetOkAsync("/api/admin/performer-roles?search=contracts&pageSize=5");
        page.Items().Select(r => r.Str("name")).ShouldBe(["Lawyer"]);
        var audit = (await admin.GetOkAsync("/api/admin/audit?target=Lawyer")).Items().Select(e => e.Str("action")).ToList();
        audit.ShouldBe(["performer-role.update", "performer-role.create"]);
    }

    [Fact]
    public async Task Members_are_added_and_removed_on_the_role_and_a_role_with_members_is_not_deleted_naming_them()
    {
        using var admin = await server.SignInAsync("admin");
        await admin.PostJsonAsync("/api/admin/performer-roles", new { name = "Auditor" }).ExpectAsync(HttpStatusCode.Created);
        (await admin.PostJsonAsync("/api/admin/performer-roles/Auditor/members", new { userName = "anna", addressingObject = "Atlantis" }).ExpectAsync(HttpStatusCode.BadRequest))
            .GetProperty("errors").GetProperty("addressingObject")[0].GetString()!.ShouldContain("'Atlantis' is not an addressing object");
        var role = await admin.PostJsonAsync("/api/admin/performer-roles/Auditor/members", new { userName = "anna", addressingObject = "north" }).ExpectAsync(HttpStatusCode.OK);
        role.GetProperty("members").EnumerateArray().Select(m => $"{m.Str("userName")} {m.Str("addressingObject")}").ShouldBe(["anna North"]);
        (await admin.GetOkAsync("/api/admin/users/anna")).GetProperty("pools").EnumerateArray().Select(p => p.GetString()).ShouldContain("Auditor@North");

        var refused = await admin.DeleteAsync("/api/admin/performer-roles/Auditor").ExpectAsync(HttpStatusCode.Conflict);
        refused.Str("code").ShouldBe("performer-role.has-members");
        refused.Str("detail").ShouldContain("Anna Petrova (anna for North)");

        (await admin.DeleteAsync("/api/admin/performer-roles/Auditor/members/anna").ExpectAsync(HttpStatusCode.NotFound)).Str("code").ShouldBe("performer-role.not-a-member");
        var emptied = await admin.DeleteAsync("/api/admin/performer-roles/Auditor/members/anna?addressingObject=North").ExpectAsync(HttpStatusCode.OK);
        emptied.GetProperty("members").GetArrayLength().ShouldBe(0);
        await admin.DeleteAsync("/api/admin/performer-roles/Auditor").ExpectAsync(HttpStatusCode.NoContent);
        await admin.GetAsync("/api/admin/performer-roles/Auditor").ExpectAsync(HttpStatusCode.NotFound);
        var actions = (await admin.GetOkAsync("/api/admin/audit?target=Auditor")).Items().Select(e => e.Str("action")).ToList();
        actions.ShouldBe(["performer-role.delete", "performer-role.remove-member", "performer-role.add-member", "performer-role.create"]);
    }

    [Fact]
    public async Task A_role_that_open_tasks_are_addressed_to_is_not_deleted_even_without_members()
    {
        using var admin = await server.SignInAsync("admin");
        var members = (await admin.GetOkAsync("/api/admin/performer-roles/Sales manager")).GetProperty("members").EnumerateArray()
            .Select(m => (UserName: m.Str("userName"), Object: m.GetProperty("addressingObject").ValueKind == JsonValueKind.String ? m.Str("addressingObject") : null)).ToList();
        members.ShouldNotBeEmpty();
        foreach (var (userName, item) in members)
        {
            await admin.DeleteAsync($"/api/admin/performer-roles/Sales manager/members/{userName}{(item is null ? "" : $"?addressingObject={item}")}").ExpectAsync(HttpStatusCode.OK);
        }

        var refused = await admin.DeleteAsync("/api/admin/performer-roles/Sales manager").ExpectAsync(HttpStatusCode.Conflict);
        refused.Str("code").ShouldBe("performer-role.has-open-tasks");
        refused.Str("detail").ShouldContain("Open tasks are addressed to performer role 'Sales manager' ('");
        await admin.GetOkAsync("/api/admin/performer-roles/Sales manager");

        // The other tests of this class share the demo team: give the members back.
        foreach (var (userName, item) in members)
        {
            await admin.PostJsonAsync("/api/admin/performer-roles/Sales manager/members", new { userName, addressingObject = item }).ExpectAsync(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task Departments_form_a_tree_with_heads_that_never_goes_round()
    {
        using var admin = await server.SignInAsync("admin");
        var north = await admin.PostJsonAsync("/api/admin/addressing-objects", new { name = "Sales North", kind = "Department", parent = "sales", head = "boris" })
            .ExpectAsync(HttpStatusCode.Created);
        north.Str("parent").ShouldBe("Sales");
        north.Str("head").ShouldBe("boris");
        await admin.PostJsonAsync("/api/admin/addressing-objects", new { name = "Sales North-East", kind = "Department", parent = "Sales North" }).ExpectAsync(HttpStatusCode.Created);

        var cycle = await admin.PutAsJsonAsync("/api/admin/addressing-objects/Sales", new { kind = "Department", parent = "Sales North-East", head = "helga" }, ServerFixture.Json)
            .ExpectAsync(HttpStatusCode.BadRequest);
        cycle.GetProperty("errors").GetProperty("parent")[0].GetString()!.ShouldContain("Sales → Sales North-East → Sales North → Sales");
        var self = await admin.PutAsJsonAsync("/api/admin/addressing-objects/Sales North", new { kind = "Department", parent = "Sales North" }, ServerFixture.Json)
            .ExpectAsync(HttpStatusCode.BadRequest);
        self.GetProperty("errors").GetProperty("parent").GetArrayLength().ShouldBe(1);
        var region = await admin.PostJsonAsync("/api/admin/addressing-objects", new { name = "Far East", kind = "Department", parent = "North", head = "nobody" })
            .ExpectAsync(HttpStatusCode.BadRequest);
        region.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order().ShouldBe(["head", "parent"]);
        (await admin.PostJsonAsync("/api/admin/addressing-objects", new { name = "East", kind = "Region", head = "helga" }).ExpectAsync(HttpStatusCode.BadRequest))
            .GetProperty("errors").GetProperty("kind")[0].GetString()!.ShouldContain("Only a Department");
        (await admin.PostJsonAsync("/api/admin/addressing-objects", new { name = "north", kind = "Region" }).ExpectAsync(HttpStatusCode.Conflict))
            .Str("code").ShouldBe("addressing-object.exists");

        var departments = await admin.GetOkAsync("/api/admin/addressing-objects?kind=Department&pageSize=50");
        departments.Items().Select(d => d.Str("name")).ShouldContain("Sales North-East");
        departments.Items().ShouldAllBe(d => d.Str("kind") == "Department");
        (await admin.GetOkAsync("/api/admin/audit?target=Sales North")).Items().Single().Str("action").ShouldBe("addressing-object.create");
    }

    [Fact]
    public async Task An_object_in_use_is_not_deleted_and_an_unused_one_is()
    {
        using var admin = await server.SignInAsync("admin");
        (await admin.DeleteAsync("/api/admin/addressing-objects/North").ExpectAsync(HttpStatusCode.Conflict)).Str("detail").ShouldContain("Boris Nowak (boris) as Sales manager");
        await admin.PostJsonAsync("/api/admin/addressing-objects", new { name = "Support", kind = "Department" }).ExpectAsync(HttpStatusCode.Created);
        await admin.PostJsonAsync("/api/admin/users", new { userName = "pia", displayName = "Pia Lund", roles = new[] { "Manager" }, department = "Support" })
            .ExpectAsync(HttpStatusCode.Created);
        var inUse = await admin.DeleteAsync("/api/admin/addressing-objects/Support").ExpectAsync(HttpStatusCode.Conflict);
        inUse.Str("code").ShouldBe("addressing-object.has-users");
        inUse.Str("detail").ShouldContain("pia");
        (await admin.DeleteAsync("/api/admin/addressing-objects/Head office").ExpectAsync(HttpStatusCode.Conflict)).Str("code").ShouldBe("addressing-object.has-sub-departments");
        (await admin.PutAsJsonAsync("/api/admin/addressing-objects/Support", new { kind = "Region" }, ServerFixture.Json).ExpectAsync(HttpStatusCode.Conflict))
            .Str("code").ShouldBe("addressing-object.has-users");

        await admin.PostJsonAsync("/api/admin/addressing-objects", new { name = "Retail", kind = "BusinessDirection" }).ExpectAsync(HttpStatusCode.Created);
        (await admin.PutAsJsonAsync("/api/admin/addressing-objects/Retail", new { kind = "Region" }, ServerFixture.Json).ExpectAsync(HttpStatusCode.OK)).Str("kind").ShouldBe("Region");
        await admin.DeleteAsync("/api/admin/addressing-objects/Retail").ExpectAsync(HttpStatusCode.NoContent);
        var audit = (await admin.GetOkAsync("/api/admin/audit?target=Retail")).Items().ToList();
        audit[0].Str("action").ShouldBe("addressing-object.delete");
        audit[0].Str("before").ShouldContain("Region");
        audit[0].GetProperty("after").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task A_deactivated_object_keeps_its_members_but_is_offered_for_nothing_new_until_reactivated()
    {
        using var admin = await server.SignInAsync("admin");
        await admin.PostJsonAsync("/api/admin/addressing-objects", new { name = "Baltics", kind = "Region" }).ExpectAsync(HttpStatusCode.Created);
        await admin.PostJsonAsync("/api/admin/addressing-objects", new { name = "Repairs", kind = "Department", parent = "Service" }).ExpectAsync(HttpStatusCode.Created);
        await admin.PostJsonAsync("/api/admin/performer-roles/Sales manager/members", new { userName = "anna", addressingObject = "Baltics" }).ExpectAsync(HttpStatusCode.OK);

        var off = await admin.PutAsJsonAsync("/api/admin/addressing-objects/Baltics", new { kind = "Region", active = false }, ServerFixture.Json).ExpectAsync(HttpStatusCode.OK);
        off.GetProperty("isActive").GetBoolean().ShouldBeFalse();
        await admin.PutAsJsonAsync("/api/admin/addressing-objects/Repairs", new { kind = "Department", parent = "Service", active = false }, ServerFixture.Json).ExpectAsync(HttpStatusCode.OK);

        (await admin.GetOkAsync("/api/admin/addressing-objects?kind=Region")).Items().Single(o => o.Str("name") == "Baltics").GetProperty("isActive").GetBoolean().ShouldBeFalse();
        using var carl = await server.SignInAsync("carl");
        (await carl.GetOkAsync("/api/organisation/addressing-objects?pageSize=100")).Items().Select(o => o.Str("name")).ShouldNotContain("Baltics");
        (await admin.GetOkAsync("/api/admin/performer-roles/Sales manager")).GetProperty("members").EnumerateArray()
            .Select(m => m.GetProperty("addressingObject").ToString()).ShouldContain("Baltics", "who serves it keeps serving it");
        (await admin.PostJsonAsync("/api/admin/performer-roles/Sales manager/members", new { userName = "boris", addressingObject = "baltics" }).ExpectAsync(HttpStatusCode.BadRequest))
            .GetProperty("errors").GetProperty("addressingObject")[0].GetString()!.ShouldContain("'Baltics' is deactivated");
        (await admin.PostJsonAsync("/api/admin/addressing-objects", new { name = "Warranty", kind = "Department", parent = "Repairs" }).ExpectAsync(HttpStatusCode.BadRequest))
            .GetProperty("errors").GetProperty("parent")[0].GetString()!.ShouldContain("'Repairs' is deactivated");
        var anna = await server.SignInAsync("anna");
        var partnerId = (await anna.GetOkAsync("/api/partners?search=Romashka")).Items().First().Id();
        (await anna.PostJsonAsync("/api/claims", new { partnerId, reason = "Product quality", department = "Repairs", responsibleId = "helga", description = "Broken." })
            .ExpectAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("department")[0].GetString()!.ShouldContain("Department 'Repairs' is deactivated");

        var on = await admin.PutAsJsonAsync("/api/admin/addressing-objects/Baltics", new { kind = "Region", active = true }, ServerFixture.Json).ExpectAsync(HttpStatusCode.OK);
        on.GetProperty("isActive").GetBoolean().ShouldBeTrue();
        await admin.PostJsonAsync("/api/admin/performer-roles/Sales manager/members", new { userName = "boris", addressingObject = "Baltics" }).ExpectAsync(HttpStatusCode.OK);
        var edited = await admin.PutAsJsonAsync("/api/admin/addressing-objects/Baltics", new { kind = "Region" }, ServerFixture.Json).ExpectAsync(HttpStatusCode.OK);
        edited.GetProperty("isActive").GetBoolean().ShouldBeTrue("an edit that does not say keeps it as it is");
    }

    [Fact]
    public async Task A_user_keeps_a_department_or_pool_deactivated_since_but_nobody_is_newly_given_one()
    {
        using var admin = await server.SignInAsync("admin");
        await admin.PostJsonAsync("/api/admin/addressing-objects", new { name = "Outpost", kind = "Department", parent = "Service" }).ExpectAsync(HttpStatusCode.Created);
        await admin.PostJsonAsync("/api/admin/addressing-objects", new { name = "Far east", kind = "Region" }).ExpectAsync(HttpStatusCode.Created);
        await admin.PostJsonAsync("/api/admin/users", new { userName = "ottokar", displayName = "Ottokar Example", roles = new[] { "Manager" }, department = "Outpost", pools = new[] { "Sales manager@Far east" } })
            .ExpectAsync(HttpStatusCode.Created);
        await admin.PutAsJsonAsync("/api/admin/addressing-objects/Outpost", new { kind = "Department", parent = "Service", active = false }, ServerFixture.Json).ExpectAsync(HttpStatusCode.OK);
        await admin.PutAsJsonAsync("/api/admin/addressing-objects/Far east", new { kind = "Region", active = false }, ServerFixture.Json).ExpectAsync(HttpStatusCode.OK);

        // Ottokar's other details can still be edited: what he had stays.
        await admin.PutAsJsonAsync("/api/admin/users/ottokar", new { displayName = "Ottokar Petrov", roles = new[] { "Manager" }, department = "Outpost", pools = new[] { "Sales manager@Far east" } }, ServerFixture.Json)
            .ExpectAsync(HttpStatusCode.OK);

        var joining = await admin.PutAsJsonAsync("/api/admin/users/boris", new { displayName = "Boris", roles = new[] { "Manager" }, department = "Outpost", pools = new[] { "Sales manager@Far east" } }, ServerFixture.Json)
            .ExpectAsync(HttpStatusCode.BadRequest);
        joining.GetProperty("errors").GetProperty("department")[0].GetString()!.ShouldContain("'Outpost' is deactivated");
        joining.GetProperty("errors").GetProperty("pools[0]")[0].GetString()!.ShouldContain("'Far east' is deactivated");
        (await admin.PostJsonAsync("/api/admin/users", new { userName = "jolanta", displayName = "Jana", roles = new[] { "Manager" }, department = "Outpost" })
            .ExpectAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("department")[0].GetString()!.ShouldContain("'Outpost' is deactivated");
    }

    [Fact]
    public async Task A_consultant_reads_the_catalogue_for_the_performer_picker_but_changes_nothing()
    {
        using var carl = await server.SignInAsync("carl");
        var roles = (await carl.GetOkAsync("/api/organisation/performer-roles?pageSize=100")).Items().ToList();
        roles.Single(r => r.Str("name") == "Sales manager").GetProperty("activeMembers").GetInt32().ShouldBeGreaterThan(0);
        var regions = (await carl.GetOkAsync("/api/organisation/addressing-objects?kind=Region")).Items().Select(o => o.Str("name")).ToList();
        regions.ShouldContain("North");
        await carl.PostJsonAsync("/api/admin/performer-roles", new { name = "Pilot" }).ExpectAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_heads_team_is_their_department_and_its_sub_departments()
    {
        using var admin = await server.SignInAsync("admin");
        await admin.PostJsonAsync("/api/admin/addressing-objects", new { name = "Sales South", kind = "Department", parent = "Sales" }).ExpectAsync(HttpStatusCode.Created);
        await admin.PostJsonAsync("/api/admin/users", new { userName = "ivan", displayName = "Ivan Orlov", roles = new[] { "Manager" }, department = "Sales South" })
            .ExpectAsync(HttpStatusCode.Created);

        using var scope = server.Host.Services.CreateScope();
        var team = await scope.ServiceProvider.GetRequiredService<UserDirectory>().TeamAsync("Sales");
        team.Select(u => u.Id).ShouldBe(["anna", "boris", "helga", "ivan"], ignoreOrder: true);
        (await scope.ServiceProvider.GetRequiredService<UserDirectory>().TeamAsync("Sales South")).Select(u => u.Id).ShouldBe(["ivan"]);
    }

    [Fact]
    public async Task The_head_of_a_department_is_its_own_or_the_nearest_ancestors()
    {
        using var admin = await server.SignInAsync("admin");
        await admin.PostJsonAsync("/api/admin/addressing-objects", new { name = "Key accounts", kind = "Department", parent = "Sales" }).ExpectAsync(HttpStatusCode.Created);
        await admin.PostJsonAsync("/api/admin/addressing-objects", new { name = "Key accounts East", kind = "Department", parent = "Key accounts", head = "anna" })
            .ExpectAsync(HttpStatusCode.Created);

        using var scope = server.Host.Services.CreateScope();
        var organisation = scope.ServiceProvider.GetRequiredService<OrganisationDirectory>();
        (await organisation.HeadOfAsync("Sales")).ShouldBe("helga");
        (await organisation.HeadOfAsync("Key accounts")).ShouldBe("helga", "no head of its own: the parent's");
        (await organisation.HeadOfAsync("Key accounts East")).ShouldBe("anna");
        (await organisation.HeadOfAsync("Head office")).ShouldBeNull("nobody heads it or anything above it");
        (await organisation.HeadOfAsync("North")).ShouldBeNull("a region has no head");
        (await organisation.HeadOfAsync("Atlantis")).ShouldBeNull();
    }

    [Fact]
    public async Task A_pool_has_members_only_while_an_active_user_serves_it()
    {
        using var admin = await server.SignInAsync("admin");
        await admin.PostJsonAsync("/api/admin/performer-roles", new { name = "Night watch" }).ExpectAsync(HttpStatusCode.Created);
        await admin.PostJsonAsync("/api/admin/users", new { userName = "olga", displayName = "Olga Weiss", roles = new[] { "Manager" }, pools = new[] { "Night watch@South" } })
            .ExpectAsync(HttpStatusCode.Created);

        using var scope = server.Host.Services.CreateScope();
        var organisation = scope.ServiceProvider.GetRequiredService<OrganisationDirectory>();
        (await organisation.HasMembersAsync("Night watch", null)).ShouldBeTrue("a member for an object serves the role's tasks without one too");
        (await organisation.HasMembersAsync("Night watch", "South")).ShouldBeTrue();
        (await organisation.HasMembersAsync("Night watch", "North")).ShouldBeFalse();
        (await organisation.HasMembersAsync("Lawyer", null)).ShouldBeFalse();

        await admin.PostJsonAsync("/api/admin/users/olga/deactivate").ExpectAsync(HttpStatusCode.OK);
        (await organisation.HasMembersAsync("Night watch", "South")).ShouldBeFalse("a deactivated user takes no tasks");
    }
}
