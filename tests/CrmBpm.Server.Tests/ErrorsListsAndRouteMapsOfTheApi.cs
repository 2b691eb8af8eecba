using CrmBpm.Testing.Postgres;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CrmBpm.Server.Tests.Infrastructure;

namespace CrmBpm.Server.Tests;

/// <summary>Problem details with stable codes, field-named validation, pagination, route map upload/validate/publish, the OpenAPI document.</summary>
public abstract class ErrorsListsAndRouteMapsOfTheApi(ServerFixture server)
{
    private const string ValidMap = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:crm="https://crmbpm.dev/schema/bpmn" id="d" targetNamespace="https://crmbpm.dev/maps">
          <bpmn:process id="KEY" name="Call back" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="call" name="Call back" crm:performerRole="Sales manager" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="call" />
            <bpmn:sequenceFlow id="f2" sourceRef="call" targetRef="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    private const string BrokenMap = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="https://crmbpm.dev/maps">
          <bpmn:process id="KEY" name="Broken" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="call" name="Call back" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="call" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Fact]
    public async Task An_unknown_deal_is_a_404_problem_with_its_stable_code()
    {
        var anna = await server.SignInAsync("anna");
        using var response = await anna.GetAsync($"/api/deals/{Guid.NewGuid()}");
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = await response.ExpectAsync(HttpStatusCode.NotFound);
        problem.Str("code").ShouldBe("deal.not-found");
        problem.GetProperty("status").GetInt32().ShouldBe(404);
        problem.Str("title").ShouldNotBeNullOrWhiteSpace();
        problem.Str("detail").ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Invalid_input_is_refused_with_every_field_named()
    {
        var anna = await server.SignInAsync("anna");
        var problem = await anna.PostJsonAsync("/api/deals", new { potentialAmount = -5, kind = "ProcessControlled" }).ExpectAsync(HttpStatusCode.BadRequest);
        problem.Str("code").ShouldBe("input.invalid");
        var errors = problem.GetProperty("errors");
        errors.GetProperty("title")[0].GetString().ShouldBe("title is required.");
        errors.GetProperty("partnerId")[0].GetString()!.ShouldContain("partnerId");
        errors.GetProperty("potentialAmount")[0].GetString()!.ShouldContain("negative");
        errors.GetProperty("routeMapKey")[0].GetString()!.ShouldContain("routeMapKey");
    }

    [Fact]
    public async Task A_domain_refusal_names_its_field_too()
    {
        var anna = await server.SignInAsync("anna");
        var problem = await anna.PostJsonAsync("/api/partners", new { name = "Phone Test Ltd", phone = "12" }).ExpectAsync(HttpStatusCode.BadRequest);
        problem.Str("code").ShouldBe("phone.invalid");
        problem.GetProperty("errors").TryGetProperty("phone", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task A_malformed_body_is_a_400_problem()
    {
        var anna = await server.SignInAsync("anna");
        using var content = new StringContent("{ not json", Encoding.UTF8, "application/json");
        (await anna.PostAsync("/api/deals", content).ExpectAsync(HttpStatusCode.BadRequest)).Str("code").ShouldBe("request.malformed");
        (await anna.GetAsync("/api/deals?status=Sleeping").ExpectAsync(HttpStatusCode.BadRequest)).Str("code").ShouldBe("request.malformed");
    }

    [Fact]
    public async Task A_duplicate_partner_is_refused_naming_the_existing_one()
    {
        var anna = await server.SignInAsync("anna");
        var problem = await anna.PostJsonAsync("/api/partners", new { name = "NORDWIND logistik", legalName = "Nordwind Logistik GmbH" }).ExpectAsync(HttpStatusCode.Conflict);
        problem.Str("code").ShouldBe("duplicate.found");
        problem.GetProperty("matches").EnumerateArray().ShouldContain(m => m.Str("recordName").Contains("Nordwind"));

        var check = await anna.PostJsonAsync("/api/partners/duplicates", new { taxId = "DE 123 456 789" }).ExpectAsync(HttpStatusCode.OK);
        check.GetProperty("hasDuplicates").GetBoolean().ShouldBeTrue();
        await anna.PostJsonAsync("/api/partners", new { name = "NORDWIND logistik", allowDuplicates = true }).ExpectAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Every_list_is_paginated_with_the_total()
    {
        var admin = await server.SignInAsync("admin");
        var first = await admin.GetOkAsync("/api/deals?page=1&pageSize=2");
        var second = await admin.GetOkAsync("/api/deals?page=2&pageSize=2");
        first.GetProperty("items").GetArrayLength().ShouldBe(2);
        first.GetProperty("page").GetInt32().ShouldBe(1);
        first.GetProperty("pageSize").GetInt32().ShouldBe(2);
        first.GetProperty("total").GetInt64().ShouldBeGreaterThanOrEqualTo(6);
        first.GetProperty("pageCount").GetInt64().ShouldBe((first.GetProperty("total").GetInt64() + 1) / 2);
        second.Items().Select(d => d.Id()).ShouldNotContain(first.Items().First().Id());

        foreach (var list in new[] { "/api/route-maps", "/api/partners", "/api/leads", "/api/claims", "/api/instructions", "/api/tasks", "/api/users", "/api/catalogues/SalesStage" })
        {
            var page = await admin.GetOkAsync($"{list}?pageSize=1");
            page.GetProperty("pageSize").GetInt32().ShouldBe(1, list);
            page.TryGetProperty("total", out _).ShouldBeTrue(list);
        }

        var problem = await admin.GetAsync("/api/partners?page=0&pageSize=1000").ExpectAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("page")[0].GetString().ShouldBe("page must be 1 or more.");
        problem.GetProperty("errors").GetProperty("pageSize")[0].GetString().ShouldBe("pageSize must be between 1 and 200.");
    }

    [Fact]
    public async Task Publishing_a_route_map_with_problems_is_refused_with_the_problem_list()
    {
        var carl = await server.SignInAsync("carl");
        var key = $"broken-{Guid.NewGuid():N}"[..20];
        var drafts = await carl.PostAsync("/api/route-maps", Bpmn(BrokenMap.Replace("KEY", key, StringComparison.Ordinal))).ExpectAsync(HttpStatusCode.OK);
        drafts.EnumerateArray().ShouldHaveSingleItem().GetProperty("problems").GetArrayLength().ShouldBeGreaterThan(0);

        var refusal = await carl.PostJsonAsync($"/api/route-maps/{key}/publish").ExpectAsync(HttpStatusCode.UnprocessableEntity);
        refusal.Str("code").ShouldBe("routemap.invalid");
        var problems = refusal.GetProperty("problems").EnumerateArray().ToList();
        problems.ShouldContain(p => p.Str("code") == "end.missing");
        problems.ShouldNotContain(p => p.Str("code") == "action.performer-missing"); // a warning: listed by validation, never a reason to refuse

        var validation = await carl.PostAsync("/api/route-maps/validate", Bpmn(BrokenMap.Replace("KEY", key, StringComparison.Ordinal))).ExpectAsync(HttpStatusCode.OK);
        validation.EnumerateArray().ShouldHaveSingleItem().GetProperty("valid").GetBoolean().ShouldBeFalse();
        validation[0].GetProperty("problems").EnumerateArray().ShouldContain(p => p.Str("code") == "action.performer-missing" && p.Str("pointId") == "call");
        (await carl.PostAsync("/api/route-maps", Bpmn("<not-bpmn")).ExpectAsync(HttpStatusCode.BadRequest)).Str("code").ShouldBe("bpmn.invalid");
    }

    [Fact]
    public async Task A_file_with_a_service_task_opens_and_its_validation_names_it_and_counts_it_in_the_loss_report()
    {
        var carl = await server.SignInAsync("carl");
        var key = $"service-{Guid.NewGuid():N}"[..20];
        var file = ValidMap.Replace("KEY", key, StringComparison.Ordinal)
            .Replace("<bpmn:endEvent id=\"end\" />", "<bpmn:serviceTask id=\"mail\" name=\"Send mail\" /><bpmn:endEvent id=\"end\" />", StringComparison.Ordinal);

        var validation = (await carl.PostAsync("/api/route-maps/validate", Bpmn(file)).ExpectAsync(HttpStatusCode.OK)).EnumerateArray().ShouldHaveSingleItem();

        validation.GetProperty("valid").GetBoolean().ShouldBeFalse();
        validation.GetProperty("problems").EnumerateArray().ShouldContain(p => p.Str("code") == "point.not-run-yet" && p.Str("pointId") == "mail");
        validation.GetProperty("lossReport").EnumerateArray().Select(l => l.GetString()).ShouldBe(
            ["warning: 1 service task (serviceTask) will not run yet, so the map cannot be published: line 6"]);
    }

    [Fact]
    public async Task An_uploaded_map_is_published_versioned_started_and_downloaded_as_bpmn()
    {
        var carl = await server.SignInAsync("carl");
        var key = $"callback-{Guid.NewGuid():N}"[..20];
        await carl.PostAsync("/api/route-maps", Bpmn(ValidMap.Replace("KEY", key, StringComparison.Ordinal))).ExpectAsync(HttpStatusCode.OK);
        (await carl.PostJsonAsync($"/api/route-maps/{key}/validate").ExpectAsync(HttpStatusCode.OK)).GetProperty("valid").GetBoolean().ShouldBeTrue();
        (await carl.PostJsonAsync($"/api/route-maps/{key}/publish").ExpectAsync(HttpStatusCode.OK)).Str("status").ShouldBe("Published");
        (await carl.PostJsonAsync($"/api/route-maps/{key}/publish").ExpectAsync(HttpStatusCode.Conflict)).Str("code").ShouldBe("routemap.no-draft");
        await carl.PostAsync("/api/route-maps", Bpmn(ValidMap.Replace("KEY", key, StringComparison.Ordinal))).ExpectAsync(HttpStatusCode.OK);

        var versions = await carl.GetOkAsync($"/api/route-maps/{key}/versions");
        versions.Items().Select(v => (v.GetProperty("version").GetInt32(), v.Str("status"))).ShouldBe([(2, "Draft"), (1, "Published")]);
        var xml = await carl.GetStringAsync($"/api/route-maps/{key}/versions/1/bpmn");
        xml.ShouldContain($"id=\"{key}\"");

        var anna = await server.SignInAsync("anna");
        var instance = await anna.PostJsonAsync("/api/instances", new { mapKey = key, variables = new { customer = "Nordwind" } }).ExpectAsync(HttpStatusCode.Created);
        instance.Str("status").ShouldBe("Active");
        instance.GetProperty("tokens").EnumerateArray().ShouldHaveSingleItem().Str("pointId").ShouldBe("call");
        (await anna.GetOkAsync($"/api/instances/{instance.Id()}/history")).GetProperty("total").GetInt64().ShouldBeGreaterThan(0);
        var task = (await anna.GetOkAsync($"/api/instances/{instance.Id()}/tasks")).Items().ShouldHaveSingleItem();
        await anna.PostJsonAsync($"/api/tasks/{task.Id()}/complete").ExpectAsync(HttpStatusCode.OK);
        (await anna.GetOkAsync($"/api/instances/{instance.Id()}")).Str("status").ShouldBe("Completed");
    }

    [Fact]
    public async Task Anonymous_requests_and_wrong_passwords_get_401_problems()
    {
        using var anonymous = server.Anonymous();
        (await anonymous.GetAsync("/api/tasks").ExpectAsync(HttpStatusCode.Unauthorized)).Str("code").ShouldBe("auth.required");
        (await anonymous.PostJsonAsync("/api/auth/token", new { userName = "anna", password = "wrong-password1" }).ExpectAsync(HttpStatusCode.Unauthorized))
            .Str("code").ShouldBe("auth.invalid-credentials");
        anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");
        await anonymous.GetAsync("/api/tasks").ExpectAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_refresh_token_gives_a_new_access_token()
    {
        using var anonymous = server.Anonymous();
        var tokens = await anonymous.PostJsonAsync("/api/auth/token", new { userName = "boris", password = "manager2" }).ExpectAsync(HttpStatusCode.OK);
        var refreshed = await anonymous.PostJsonAsync("/api/auth/refresh", new { refreshToken = tokens.Str("refreshToken") }).ExpectAsync(HttpStatusCode.OK);
        anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", refreshed.Str("accessToken"));
        var me = await anonymous.GetOkAsync("/api/auth/me");
        me.Str("id").ShouldBe("boris");
        me.GetProperty("pools").EnumerateArray().Select(p => p.GetString()).ShouldBe(["Sales manager@North"]);
    }

    [Fact]
    public async Task The_OpenAPI_document_names_summarises_and_tags_every_operation()
    {
        using var anonymous = server.Anonymous();
        var document = await anonymous.GetOkAsync("/openapi/v1.json");
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "delete").Select(o => (Path: path.Name, Operation: o.Value)))
            .ToList();
        operations.Count.ShouldBeGreaterThan(50);
        foreach (var (path, operation) in operations)
        {
            path.ShouldStartWith("/api/");
            operation.TryGetProperty("operationId", out _).ShouldBeTrue(path);
            operation.Str("summary").ShouldNotBeNullOrWhiteSpace(path);
            operation.GetProperty("tags").GetArrayLength().ShouldBeGreaterThan(0, path);
        }
    }

    private static StringContent Bpmn(string xml) => new(xml, Encoding.UTF8, new MediaTypeHeaderValue("application/xml"));
}

public sealed class ErrorsListsAndRouteMapsOfTheApiOnSqlite(SqliteServer server) : ErrorsListsAndRouteMapsOfTheApi(server), IClassFixture<SqliteServer>;

[RequiresPostgres]
public sealed class ErrorsListsAndRouteMapsOfTheApiOnPostgreSql(PostgresServer server) : ErrorsListsAndRouteMapsOfTheApi(server), IClassFixture<PostgresServer>;
