using System.Net;
using System.Net.Http.Json;
using CrmBpm.Engine.Calendar;
using CrmBpm.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBpm.Server.Tests;

/// <summary>
/// The business calendar through /api/calendar: saved whole by an Administrator with each refusal naming its field, protected against a lost update, and what the engine counts working
/// time in from the moment it is saved.
/// </summary>
public sealed class TheBusinessCalendarThroughTheApi(SqliteServer server) : IClassFixture<SqliteServer>
{
    private static object Calendar(string timeZoneId = "Europe/Moscow", string dayStart = "09:00", string dayEnd = "18:00", long? version = null, params object[] holidays) => new
    {
        name = "Moscow office",
        timeZoneId,
        workingDays = new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" },
        dayStart,
        dayEnd,
        holidays,
        workedDays = Array.Empty<object>(),
        version,
    };

    [Fact]
    public async Task A_saved_calendar_is_what_the_engine_counts_working_time_in()
    {
        using var admin = await server.SignInAsync("admin");
        var current = await admin.GetOkAsync("/api/calendar");

        var saved = await admin.PutAsJsonAsync("/api/calendar", Calendar(version: current.GetProperty("version").GetInt64(),
            holidays: new { date = "2026-11-04", name = "Unity Day" }), ServerFixture.Json).ExpectAsync(HttpStatusCode.OK);

        saved.Str("timeZoneId").ShouldBe("Europe/Moscow");
        var engineCalendar = server.Host.Services.GetRequiredService<IBusinessCalendar>();
        var tuesdayNoon = new DateTimeOffset(2026, 11, 3, 12, 0, 0, TimeSpan.FromHours(3));
        engineCalendar.Add(tuesdayNoon, new WorkingDuration(1, TimeSpan.Zero)).ShouldBe(tuesdayNoon.AddDays(2), "Wednesday 4 November is a holiday now");
        (await admin.GetOkAsync("/api/calendar")).GetProperty("holidays")[0].Str("name").ShouldBe("Unity Day");
    }

    [Fact]
    public async Task A_calendar_that_makes_no_sense_is_refused_naming_each_field()
    {
        using var admin = await server.SignInAsync("admin");

        var refused = await admin.PutAsJsonAsync("/api/calendar", Calendar(timeZoneId: "Mars/Olympus", dayStart: "18:00", dayEnd: "09:00",
            holidays: [new { date = "2026-01-01", name = "" }]), ServerFixture.Json).ExpectAsync(HttpStatusCode.BadRequest);

        var errors = refused.GetProperty("errors");
        errors.GetProperty("timeZoneId")[0].GetString()!.ShouldContain("'Mars/Olympus' is not a time zone");
        errors.GetProperty("dayEnd")[0].GetString()!.ShouldContain("must end after they start");
        errors.GetProperty("holidays")[0].GetString()!.ShouldContain("needs a name");
        (await admin.PutAsJsonAsync("/api/calendar", Calendar(dayStart: "nine"), ServerFixture.Json).ExpectAsync(HttpStatusCode.BadRequest))
            .GetProperty("errors").GetProperty("dayStart")[0].GetString()!.ShouldContain("not a time of day");
    }

    [Fact]
    public async Task A_calendar_saved_by_someone_else_meanwhile_is_a_conflict_not_a_lost_update()
    {
        using var admin = await server.SignInAsync("admin");
        var read = (await admin.GetOkAsync("/api/calendar")).GetProperty("version").GetInt64();
        await admin.PutAsJsonAsync("/api/calendar", Calendar(version: read), ServerFixture.Json).ExpectAsync(HttpStatusCode.OK);

        await admin.PutAsJsonAsync("/api/calendar", Calendar(timeZoneId: "Europe/Berlin", version: read), ServerFixture.Json).ExpectAsync(HttpStatusCode.Conflict);
        (await admin.GetOkAsync("/api/calendar")).Str("timeZoneId").ShouldBe("Europe/Moscow");
    }

    [Fact]
    public async Task Only_an_Administrator_saves_it()
    {
        using var head = await server.SignInAsync("helga");

        await head.PutAsJsonAsync("/api/calendar", Calendar(), ServerFixture.Json).ExpectAsync(HttpStatusCode.Forbidden);
    }
}

/// <summary>The demo database comes with the demo company's calendar: Berlin, Mon–Fri 9–18, Germany's holidays of 2026 and 2027.</summary>
public sealed class TheDemoBusinessCalendar(SqliteServer server) : IClassFixture<SqliteServer>
{
    [Fact]
    public async Task Everyone_reads_the_demo_calendar_with_the_German_holidays()
    {
        using var manager = await server.SignInAsync("anna");

        var calendar = await manager.GetOkAsync("/api/calendar");

        calendar.Str("timeZoneId").ShouldBe("Europe/Berlin");
        (calendar.Str("dayStart"), calendar.Str("dayEnd")).ShouldBe(("09:00", "18:00"));
        calendar.GetProperty("workingDays").EnumerateArray().Select(d => d.GetString()).ShouldBe(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]);
        var holidays = calendar.GetProperty("holidays").EnumerateArray().ToDictionary(h => h.Str("date"), h => h.Str("name"));
        holidays["2026-04-03"].ShouldBe("Good Friday");
        holidays["2027-05-17"].ShouldBe("Whit Monday");
        holidays.Count.ShouldBe(20);
    }

    [Fact]
    public async Task The_administrator_edits_it_on_its_page_and_a_manager_may_not_open_it()
    {
        using var admin = await server.SignInWithCookieAsync("admin");
        var html = await admin.GetStringAsync("/admin/calendar");

        System.Text.RegularExpressions.Regex.IsMatch(html, "<h1[^>]*>Business calendar</h1>").ShouldBeTrue();
        html.ShouldContain("value=\"Europe/Berlin\"");
        html.ShouldContain("value=\"Whit Monday\"");
        using var anna = await server.SignInWithCookieAsync("anna");
        using var refused = await anna.GetAsync("/admin/calendar");
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refused.Headers.Location!.ToString().ShouldContain("/account/denied");
    }
}
