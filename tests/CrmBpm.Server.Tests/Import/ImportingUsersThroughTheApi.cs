using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CrmBpm.Server.Tests.Infrastructure;

namespace CrmBpm.Server.Tests.Import;

/// <summary>
/// An Administrator previews a CSV file of users (every row's action and problems, nothing saved), then imports exactly that
/// file: valid rows create or update users, rows with problems are skipped, a second import changes nothing.
/// </summary>
public sealed class ImportingUsersThroughTheApi(SqliteServer server) : IClassFixture<SqliteServer>
{
    private const string Preview = "/api/admin/users/import/preview";
    private const string Import = "/api/admin/users/import";

    [Fact]
    public async Task The_preview_shows_each_rows_action_and_every_problem_with_its_column_and_saves_nothing()
    {
        using var admin = await server.SignInAsync("admin");
        var preview = await admin.PostAsync(Preview, Csv(
            "userName,displayName,email,roles,pools",
            "pre.olga,Olga Orlova,olga@example.com,manager,Sales manager@North",
            "anna,,anna.petrova@example.com,,",
            "pre.bad,Bad Row,anna@,Pilot|Manager,a@b@c",
            "pre.twice,First,,Manager,",
            "pre.twice,Second,,Manager,",
            "pre.short,Short",
            "pre.nameless,,,Manager,")).ExpectAsync(HttpStatusCode.OK);

        preview.GetProperty("total").GetInt32().ShouldBe(7);
        preview.Str("token").ShouldNotBeNullOrWhiteSpace();
        var rows = preview.GetProperty("rows").EnumerateArray().ToList();
        rows.Select(r => r.GetProperty("row").GetInt32()).ShouldBe([2, 3, 4, 5, 6, 7, 8]);

        rows[0].Str("action").ShouldBe("New");
        Problems(rows[0]).ShouldBeEmpty();

        rows[1].Str("action").ShouldBe("Update");
        Problems(rows[1]).ShouldBeEmpty("empty displayName and roles cells keep what anna has");
        rows[1].GetProperty("changes").EnumerateArray().Select(c => c.GetString()).ShouldBe(
            ["email: 'anna@demo.crmbpm.dev' → 'anna.petrova@example.com'", "pools: Sales manager, Claims officer → (none)"]);

        Problems(rows[2]).Select(p => p.Column).ShouldBe(["email", "roles", "pools"], ignoreOrder: true);
        Problems(rows[2]).Single(p => p.Column == "email").Message.ShouldContain("'anna@' is not");
        Problems(rows[2]).Single(p => p.Column == "roles").Message.ShouldContain("'Pilot' is not");

        foreach (var twice in rows.Skip(3).Take(2))
        {
            Problems(twice).Single().ShouldBe(("userName", "'pre.twice' is on rows 5, 6; a user may appear only once in a file."));
        }

        Problems(rows[5]).Single().Column.ShouldBe("row");
        Problems(rows[5]).Single().Message.ShouldContain("2 field(s) but the header names 5");
        Problems(rows[6]).Single().Column.ShouldBe("displayName");
        preview.GetProperty("new").GetInt32().ShouldBe(1);
        preview.GetProperty("updates").GetInt32().ShouldBe(1);
        preview.GetProperty("withProblems").GetInt32().ShouldBe(5);

        (await admin.GetAsync("/api/admin/users/pre.olga")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.GetOkAsync("/api/admin/users/anna")).Str("email").ShouldBe("anna@demo.crmbpm.dev");
    }

    [Fact]
    public async Task The_import_creates_and_updates_valid_rows_skips_the_others_and_a_second_import_changes_nothing()
    {
        using var admin = await server.SignInAsync("admin");
        var file = Csv(
            "\uFEFFuserName;displayName;email;language;timeZone;roles;department;pools",
            "imp.olga;Ольга Орлова;olga@example.com;ru;Europe/Moscow;Manager|Head;Sales;\"Sales manager@North|Accountant\"",
            "imp.bad;Bad;anna@;;;Manager;;",
            "boris;;;;;;;Sales manager|Accountant");
        var report = await PreviewAndImportAsync(admin, file);

        report.GetProperty("created").GetInt32().ShouldBe(1);
        report.GetProperty("updated").GetInt32().ShouldBe(1);
        report.GetProperty("failed").GetInt32().ShouldBe(1);
        var outcomes = report.GetProperty("rows").EnumerateArray().Select(r => (r.Str("userName"), r.Str("outcome"))).ToList();
        outcomes.ShouldBe([("imp.olga", "Created"), ("imp.bad", "Failed"), ("boris", "Updated")]);
        var password = report.GetProperty("oneTimePasswords").EnumerateArray().Single();
        password.Str("userName").ShouldBe("imp.olga");

        var olga = await admin.GetOkAsync("/api/admin/users/imp.olga");
        olga.Str("displayName").ShouldBe("Ольга Орлова");
        olga.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["Manager", "Head"]);
        olga.GetProperty("pools").EnumerateArray().Select(r => r.GetString()).ShouldBe(["Sales manager@North", "Accountant"], ignoreOrder: true);
        olga.GetProperty("mustChangePassword").GetBoolean().ShouldBeTrue();
        (await admin.GetAsync("/api/admin/users/imp.bad")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var boris = await admin.GetOkAsync("/api/admin/users/boris");
        boris.GetProperty("pools").EnumerateArray().Select(r => r.GetString()).ShouldBe(["Sales manager", "Accountant"], ignoreOrder: true);
        boris.GetProperty("mustChangePassword").GetBoolean().ShouldBeFalse("an update never touches the password");
        using (var anonymous = server.Anonymous())
        {
            await anonymous.PostJsonAsync("/api/auth/token", new { userName = "boris", password = "manager2" }).ExpectAsync(HttpStatusCode.OK);
        }

        var audit = (await admin.GetOkAsync("/api/admin/audit?target=imp.olga")).Items().Single();
        audit.Str("action").ShouldBe("user.create");
        audit.Str("actor").ShouldBe("admin");
        audit.Str("after").ShouldNotContain(password.Str("oneTimePassword"));
        (await admin.GetOkAsync("/api/admin/audit?target=boris")).Items().First().Str("action").ShouldBe("user.update");

        var again = await PreviewAndImportAsync(admin, file);
        again.GetProperty("rows").EnumerateArray().Select(r => r.Str("outcome")).ShouldBe(["Unchanged", "Failed", "Unchanged"]);
        again.GetProperty("oneTimePasswords").GetArrayLength().ShouldBe(0);
        (await admin.GetOkAsync("/api/admin/audit?target=boris")).Items().Count(e => e.Str("action") == "user.update").ShouldBe(1);
    }

    [Fact]
    public async Task A_file_sent_as_a_form_is_previewed_and_imported_with_the_token_in_the_form()
    {
        using var admin = await server.SignInAsync("admin");
        var csv = Encoding.UTF8.GetBytes("userName,displayName,roles\nform.user,Form User,Consultant\n");
        var preview = await admin.PostAsync(Preview, Form(csv, null)).ExpectAsync(HttpStatusCode.OK);
        var report = await admin.PostAsync(Import, Form(csv, preview.Str("token"))).ExpectAsync(HttpStatusCode.OK);
        report.GetProperty("created").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task An_import_without_the_previews_token_or_with_another_file_is_refused_and_changes_nothing()
    {
        using var admin = await server.SignInAsync("admin");
        var previewed = await admin.PostAsync(Preview, Csv("userName,displayName,roles", "tok.one,One,Manager")).ExpectAsync(HttpStatusCode.OK);

        var without = await admin.PostAsync(Import, Csv("userName,displayName,roles", "tok.one,One,Manager")).ExpectAsync(HttpStatusCode.BadRequest);
        without.Str("code").ShouldBe("import.not-previewed");
        var other = await admin.PostAsync($"{Import}?token={Uri.EscapeDataString(previewed.Str("token"))}", Csv("userName,displayName,roles", "tok.two,Two,Manager"))
            .ExpectAsync(HttpStatusCode.BadRequest);
        other.Str("code").ShouldBe("import.not-previewed");
        other.GetProperty("errors").GetProperty("token")[0].GetString()!.ShouldContain("differs from the one that was previewed");
        var forged = await admin.PostAsync($"{Import}?token=0123ABCD", Csv("userName,displayName,roles", "tok.one,One,Manager")).ExpectAsync(HttpStatusCode.BadRequest);
        forged.Str("code").ShouldBe("import.not-previewed");

        (await admin.GetAsync("/api/admin/users/tok.one")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.GetAsync("/api/admin/users/tok.two")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Unknown_and_missing_columns_refuse_the_file_before_any_row_naming_them()
    {
        using var admin = await server.SignInAsync("admin");
        var unknown = await admin.PostAsync(Preview, Csv("userName,displayName,Salary,fax", "x,y,1,2")).ExpectAsync(HttpStatusCode.BadRequest);
        var message = unknown.GetProperty("errors").GetProperty("file")[0].GetString()!;
        message.ShouldStartWith("line 1: unknown columns 'Salary', 'fax'");

        var missing = await admin.PostAsync(Preview, Csv("displayName,email", "y,z@example.com")).ExpectAsync(HttpStatusCode.BadRequest);
        missing.GetProperty("errors").GetProperty("file")[0].GetString()!.ShouldContain("the column userName is required");

        var malformed = await admin.PostAsync(Preview, Csv("userName,displayName", "x,\"never closed")).ExpectAsync(HttpStatusCode.BadRequest);
        malformed.GetProperty("errors").GetProperty("file")[0].GetString()!.ShouldStartWith("line 2: a quoted field is never closed");
    }

    [Fact]
    public async Task Files_over_two_megabytes_or_five_thousand_rows_are_refused_with_the_limit()
    {
        using var admin = await server.SignInAsync("admin");
        var huge = new string('x', 2 * 1024 * 1024 + 1);
        var tooLarge = await admin.PostAsync(Preview, Csv("userName", huge)).ExpectAsync(HttpStatusCode.RequestEntityTooLarge);
        tooLarge.Str("detail").ShouldContain("2 MB");
        var tooLargeForm = await admin.PostAsync(Preview, Form(Encoding.UTF8.GetBytes(huge), null)).ExpectAsync(HttpStatusCode.RequestEntityTooLarge);
        tooLargeForm.Str("detail").ShouldContain("2 MB");

        var rows = Enumerable.Range(1, 5_001).Select(i => $"many.{i},Many {i},Manager").Prepend("userName,displayName,roles").ToArray();
        var tooMany = await admin.PostAsync(Preview, Csv(rows)).ExpectAsync(HttpStatusCode.BadRequest);
        tooMany.GetProperty("errors").GetProperty("file")[0].GetString()!.ShouldBe("line 5002: the file has more than 5000 rows; split it into several files.");
    }

    [Fact]
    public async Task Only_an_administrator_may_preview_or_import()
    {
        using var helga = await server.SignInAsync("helga");
        (await helga.PostAsync(Preview, Csv("userName", "x"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await helga.PostAsync(Import, Csv("userName", "x"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var anonymous = server.Anonymous();
        (await anonymous.PostAsync(Preview, Csv("userName", "x"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static async Task<JsonElement> PreviewAndImportAsync(HttpClient admin, StringContent file)
    {
        var body = await file.ReadAsStringAsync();
        var preview = await admin.PostAsync(Preview, Csv(body)).ExpectAsync(HttpStatusCode.OK);
        return await admin.PostAsync($"{Import}?token={Uri.EscapeDataString(preview.Str("token"))}", Csv(body)).ExpectAsync(HttpStatusCode.OK);
    }

    private static List<(string Column, string Message)> Problems(JsonElement row) =>
        [.. row.GetProperty("problems").EnumerateArray().Select(p => (p.Str("column"), p.Str("message")))];

    private static StringContent Csv(params string[] lines) => new(string.Join("\r\n", lines) + "\r\n", Encoding.UTF8, "text/csv");

    private static StringContent Csv(string body) => new(body, Encoding.UTF8, "text/csv");

    private static MultipartFormDataContent Form(byte[] csv, string? token)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(csv);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "users.csv");
        if (token is not null)
        {
            form.Add(new StringContent(token), "token");
        }

        return form;
    }
}
