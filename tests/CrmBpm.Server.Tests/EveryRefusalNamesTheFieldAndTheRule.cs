using CrmBpm.Testing.Postgres;
using System.Net;
using System.Text;
using System.Text.Json;
using CrmBpm.Server.Tests.Infrastructure;

namespace CrmBpm.Server.Tests;

/// <summary>
/// Bad input is refused before it is stored, and every refusal names the field and the rule: enum values outside the
/// enum, control characters in text, dates outside 1900–2200, e-mails that are no e-mail, JSON of the wrong type or
/// malformed; a body over the limit answers 413.
/// </summary>
public abstract class EveryRefusalNamesTheFieldAndTheRule(ServerFixture server)
{
    [Theory]
    [InlineData("-1")]
    [InlineData("999")]
    [InlineData("\"999\"")]
    public async Task A_number_outside_an_enum_in_the_body_is_refused_naming_the_field(string kind)
    {
        var anna = await server.SignInAsync("anna");
        var errors = await RefusedAsync(await PostRawAsync(anna, "/api/partners", $$"""{"name":"Enum Test GmbH","kind":{{kind}}}"""));
        errors.TryGetProperty("kind", out _).ShouldBeTrue(errors.ToString());
        (await anna.GetOkAsync("/api/partners?search=Enum%20Test")).Items().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("/api/tasks?scope=999", "scope")]
    [InlineData("/api/claims?status=-1", "status")]
    public async Task A_number_outside_an_enum_in_the_query_is_refused_naming_the_parameter(string url, string field)
    {
        var anna = await server.SignInAsync("anna");
        var errors = await RefusedAsync(await anna.GetAsync(url));
        errors.GetProperty(field)[0].GetString()!.ShouldContain("must be one of");
    }

    [Fact]
    public async Task Control_characters_in_a_name_are_refused_naming_the_field()
    {
        var anna = await server.SignInAsync("anna");
        var errors = await RefusedAsync(await anna.PostJsonAsync("/api/partners", new { name = "Nul\0Partner" }));
        errors.GetProperty("name")[0].GetString()!.ShouldContain("control characters");
        (await anna.GetOkAsync("/api/partners?search=Partner")).Items().ShouldNotContain(p => p.Str("name").Contains('\0'));
    }

    [Fact]
    public async Task Line_breaks_in_a_description_are_text_and_accepted()
    {
        var anna = await server.SignInAsync("anna");
        await anna.PostJsonAsync("/api/instructions", new { title = "Two lines", description = "First line\nSecond line\tindented", performerId = "boris" })
            .ExpectAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_due_date_in_the_year_1_is_refused_naming_the_field()
    {
        var anna = await server.SignInAsync("anna");
        var errors = await RefusedAsync(await anna.PostJsonAsync("/api/instructions", new { title = "Ancient", performerId = "boris", dueAt = "0001-01-02T00:00:00+00:00" }));
        errors.GetProperty("dueAt")[0].GetString()!.ShouldContain("1900");
    }

    [Theory]
    [InlineData("<script>@x.com")]
    [InlineData("no-at-sign.example.com")]
    [InlineData("two@@example.com")]
    [InlineData("anna@localhost")]
    public async Task An_email_that_is_no_email_is_refused_naming_the_field(string email)
    {
        var anna = await server.SignInAsync("anna");
        var errors = await RefusedAsync(await anna.PostJsonAsync("/api/leads", new { companyName = $"Mail test {Guid.NewGuid():N}", email }));
        errors.GetProperty("email")[0].GetString()!.ShouldContain("e-mail");
    }

    [Fact]
    public async Task A_real_email_is_accepted()
    {
        var anna = await server.SignInAsync("anna");
        await anna.PostJsonAsync("/api/leads", new { companyName = $"Mail test {Guid.NewGuid():N}", email = "o.mueller+crm@nordwind-logistik.de" })
            .ExpectAsync(HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("""{"name": 42}""", "name")]
    [InlineData("""{"name":"Typed","holdingId":"not-a-guid"}""", "holdingId")]
    [InlineData("""{"name":"Typed","allowDuplicates":"yes"}""", "allowDuplicates")]
    [InlineData("""{"name":"Typed",""", "body")]
    public async Task Json_of_the_wrong_type_or_malformed_names_the_field_path(string body, string field)
    {
        var anna = await server.SignInAsync("anna");
        var errors = await RefusedAsync(await PostRawAsync(anna, "/api/partners", body));
        errors.EnumerateObject().Select(p => p.Name).ShouldContain(name => name == field || name.StartsWith(field, StringComparison.Ordinal), errors.ToString());
    }

    [Fact]
    public async Task Plan_items_are_named_by_their_index()
    {
        var anna = await server.SignInAsync("anna");
        var errors = await RefusedAsync(await anna.PostJsonAsync("/api/claims", new
        {
            partnerId = Guid.NewGuid(), reason = "Product quality", responsibleId = "helga", description = "Late",
            plan = new[] { new { title = "ok", performerId = "anna", deadline = DateTimeOffset.UtcNow.AddDays(1) }, new { title = "old", performerId = "anna", deadline = DateTimeOffset.MinValue } },
        }));
        errors.TryGetProperty("plan[1].deadline", out _).ShouldBeTrue(errors.ToString());
    }

    [Fact]
    public async Task A_body_over_the_limit_answers_413()
    {
        var anna = await server.SignInAsync("anna");
        var body = $$"""{"name":"{{new string('x', 5 * 1024 * 1024)}}"}""";
        using var response = await PostRawAsync(anna, "/api/partners", body);
        (await response.ExpectAsync(HttpStatusCode.RequestEntityTooLarge)).Str("code").ShouldBe("request.too-large");
    }

    private static Task<HttpResponseMessage> PostRawAsync(HttpClient client, string url, string json) =>
        client.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));

    private static async Task<JsonElement> RefusedAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var problem = await response.ExpectAsync(HttpStatusCode.BadRequest);
            problem.TryGetProperty("errors", out var errors).ShouldBeTrue($"no field named in {problem}");
            return errors;
        }
    }
}

public sealed class EveryRefusalNamesTheFieldAndTheRuleOnSqlite(SqliteServer server) : EveryRefusalNamesTheFieldAndTheRule(server), IClassFixture<SqliteServer>;

[RequiresPostgres]
public sealed class EveryRefusalNamesTheFieldAndTheRuleOnPostgreSql(PostgresServer server) : EveryRefusalNamesTheFieldAndTheRule(server), IClassFixture<PostgresServer>;
