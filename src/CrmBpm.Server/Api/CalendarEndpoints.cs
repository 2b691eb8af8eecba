using System.Globalization;
using CrmBpm.Crm.Calendar;
using CrmBpm.Server.Api.Contracts;
using CrmBpm.Server.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrmBpm.Server.Api;

/// <summary>/api/calendar: the business calendar working-time deadlines and timers count in; read by everyone, saved by Administrators.</summary>
public static class CalendarEndpoints
{
    /// <summary>Maps the calendar endpoints.</summary>
    public static RouteGroupBuilder MapCalendarEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/calendar").WithTags("Calendar");
        group.MapGet("/", GetCalendar).WithName("GetBusinessCalendar")
            .WithSummary("The business calendar: working days and hours, time zone, holidays and worked days.");
        group.MapPut("/", SaveCalendar).WithName("SaveBusinessCalendar").RequireAuthorization(Policies.Administer)
            .WithSummary("Replaces the business calendar; working-time deadlines and timers scheduled from now on count in it.");
        return api;
    }

    /// <summary>Get.</summary>
    public static async Task<Ok<BusinessCalendarDto>> GetCalendar(BusinessCalendarService calendars, CancellationToken cancellationToken) =>
        TypedResults.Ok(BusinessCalendarDto.From(await calendars.GetAsync(cancellationToken)));

    /// <summary>Save.</summary>
    public static async Task<Ok<BusinessCalendarDto>> SaveCalendar(SaveBusinessCalendarRequest request, BusinessCalendarService calendars, CancellationToken cancellationToken)
    {
        var check = new Check()
            .Required(request.Name, "name")
            .Required(request.TimeZoneId, "timeZoneId", 100)
            .That(request.WorkingDays is not null, "workingDays", "workingDays is required: the worked days of the week, e.g. [\"Monday\", \"Friday\"].")
            .Required(request.DayStart, "dayStart", 5)
            .Required(request.DayEnd, "dayEnd", 5);
        var start = ReadTime(check, request.DayStart, "dayStart");
        var end = ReadTime(check, request.DayEnd, "dayEnd");
        foreach (var day in request.WorkingDays ?? [])
        {
            check.Defined(day, "workingDays");
        }

        check.ThrowIfAny();
        var saved = await calendars.SaveAsync(new BusinessCalendarChange(
            request.Name!, request.TimeZoneId!, request.WorkingDays!, start, end,
            [.. (request.Holidays ?? []).Select(d => new CalendarDay(d.Date, d.Name))],
            [.. (request.WorkedDays ?? []).Select(d => new CalendarDay(d.Date, d.Name))]), request.Version, cancellationToken);
        return TypedResults.Ok(BusinessCalendarDto.From(saved));
    }

    private static TimeOnly ReadTime(Check check, string? text, string field)
    {
        if (text is null)
        {
            return default;
        }

        if (TimeOnly.TryParseExact(text.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        check.That(false, field, $"'{text}' is not a time of day such as 09:00.");
        return default;
    }
}
