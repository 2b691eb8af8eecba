using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CrmBpm.Server.Tests.Infrastructure;
using CrmBpm.Testing.Postgres;

namespace CrmBpm.Server.Tests;

/// <summary>
/// The organisation is the engine's performer directory: a map addressing a performer role nobody active holds (for its
/// addressing object, when it names one) is published, and validating and publishing it return the warning
/// <c>action.role-without-members</c>; once someone holds the role the warning is gone.
/// </summary>
public abstract class PublishingWarnsAboutRolesNobodyHolds(ServerFixture server)
{
    private static StringContent Map(string key, string role, string? addressingObject = null) => new($"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:crm="https://crmbpm.dev/schema/bpmn" id="d" targetNamespace="https://crmbpm.dev/maps">
          <bpmn:process id="{key}" name="Notarise" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="notarise" name="Notarise the contract" crm:performerRole="{role}"{(addressingObject is null ? "" : $" crm:addressingObject=\"{addressingObject}\"")} />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="notarise" />
            <bpmn:sequenceFlow id="f2" sourceRef="notarise" targetRef="end" />
          </bpmn:process>
        </bpmn:definitions>
        """, Encoding.UTF8, new MediaTypeHeaderValue("application/xml"));

    private static string[] Codes(JsonElement problems) => [.. problems.EnumerateArray().Select(p => $"{p.Str("code")} {p.Str("severity")} {p.Str("pointId")}")];

    [Fact]
    public async Task A_map_addressing_a_role_without_members_is_published_with_the_warning()
    {
        using var admin = await server.SignInAsync("admin");
        await admin.PostJsonAsync("/api/admin/performer-roles", new { name = "Notary" }).ExpectAsync(HttpStatusCode.Created);
        var carl = await server.SignInAsync("carl");
        var key = $"notary-{Guid.NewGuid():N}"[..20];

        var draft = (await carl.PostAsync("/api/route-maps", Map(key, "Notary")).ExpectAsync(HttpStatusCode.OK)).EnumerateArray().Single();
        Codes(draft.GetProperty("problems")).ShouldBe(["action.role-without-members Warning notarise"]);
        var validation = await carl.PostJsonAsync($"/api/route-maps/{key}/validate").ExpectAsync(HttpStatusCode.OK);
        validation.GetProperty("valid").GetBoolean().ShouldBeTrue("a warning does not stop publishing");
        var published = await carl.PostJsonAsync($"/api/route-maps/{key}/publish").ExpectAsync(HttpStatusCode.OK);

        published.Str("status").ShouldBe("Published");
        Codes(published.GetProperty("warnings")).ShouldBe(["action.role-without-members Warning notarise"]);
        published.GetProperty("warnings")[0].Str("message").ShouldContain("the role 'Notary', which nobody holds yet");
    }

    [Fact]
    public async Task Once_someone_holds_the_role_the_warning_is_gone()
    {
        using var admin = await server.SignInAsync("admin");
        await admin.PostJsonAsync("/api/admin/performer-roles", new { name = "Surveyor" }).ExpectAsync(HttpStatusCode.Created);
        await admin.PostJsonAsync("/api/admin/performer-roles/Surveyor/members", new { userName = "anna" }).ExpectAsync(HttpStatusCode.OK);
        var carl = await server.SignInAsync("carl");
        var key = $"survey-{Guid.NewGuid():N}"[..20];

        await carl.PostAsync("/api/route-maps", Map(key, "Surveyor")).ExpectAsync(HttpStatusCode.OK);
        var published = await carl.PostJsonAsync($"/api/route-maps/{key}/publish").ExpectAsync(HttpStatusCode.OK);

        published.GetProperty("warnings").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task A_member_for_no_object_does_not_serve_a_pool_for_one_object()
    {
        using var admin = await server.SignInAsync("admin");
        await admin.PostJsonAsync("/api/admin/performer-roles", new { name = "Translator" }).ExpectAsync(HttpStatusCode.Created);
        await admin.PostJsonAsync("/api/admin/performer-roles/Translator/members", new { userName = "anna" }).ExpectAsync(HttpStatusCode.OK);
        await admin.PostJsonAsync("/api/admin/performer-roles/Translator/members", new { userName = "boris", addressingObject = "South" }).ExpectAsync(HttpStatusCode.OK);
        var carl = await server.SignInAsync("carl");

        var north = (await carl.PostAsync("/api/route-maps/validate", Map("translate-north", "Translator", "North")).ExpectAsync(HttpStatusCode.OK)).EnumerateArray().Single();
        var south = (await carl.PostAsync("/api/route-maps/validate", Map("translate-south", "Translator", "South")).ExpectAsync(HttpStatusCode.OK)).EnumerateArray().Single();

        Codes(north.GetProperty("problems")).ShouldBe(["action.role-without-members Warning notarise"], "anna translates, but not for North; nobody serves North");
        north.GetProperty("problems")[0].Str("message").ShouldContain("the role 'Translator' for 'North'");
        south.GetProperty("problems").GetArrayLength().ShouldBe(0);
    }
}

public sealed class PublishingWarnsAboutRolesNobodyHoldsOnSqlite(SqliteServer server) : PublishingWarnsAboutRolesNobodyHolds(server), IClassFixture<SqliteServer>;

[RequiresPostgres]
public sealed class PublishingWarnsAboutRolesNobodyHoldsOnPostgreSql(PostgresServer server) : PublishingWarnsAboutRolesNobodyHolds(server), IClassFixture<PostgresServer>;
