using CrmBpm.Crm.Persistence;
using CrmBpm.Engine.Errors;

namespace CrmBpm.Crm.Calendar;

/// <summary>
/// Reads and saves the organisation's one business calendar and keeps <see cref="CompanyCalendar"/> (what the engine counts
/// in) in step with it. Nothing stored yet means the default calendar: Mon–Fri 9–18 in the schedule time zone, no holidays.
/// </summary>
public sealed class BusinessCalendarService(ICrmStore store, CompanyCalendar counting, TimeZoneInfo defaultTimeZone)
{
    /// <summary>What an installation counts in before an Administrator saves its calendar.</summary>
    public static BusinessCalendar CreateDefault(TimeZoneInfo timeZone) =>
        new("Company calendar", (timeZone ?? TimeZoneInfo.Utc).Id,
            [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], new TimeOnly(9, 0), new TimeOnly(18, 0));

    /// <summary>The calendar (the default one, version 0, when none was saved); the engine counts in it from now on.</summary>
    public async Task<BusinessCalendar> GetAsync(CancellationToken cancellationToken = default)
    {
        var session = await store.OpenSessionAsync(cancellationToken).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            var calendar = (await session.BusinessCalendars.ListAsync(null, cancellationToken).ConfigureAwait(false)).OrderBy(c => c.Id).FirstOrDefault()
                ?? CreateDefault(defaultTimeZone);
            counting.Use(calendar.ToWorkingCalendar());
            return calendar;
        }
    }

    /// <summary>
    /// Replaces the calendar. <paramref name="expectedVersion"/> is the version the editor read (0 for the default one): a calendar
    /// saved by someone else meanwhile is a conflict rather than lost. The engine counts in the new one at once; timers already
    /// scheduled keep their due times.
    /// </summary>
    public async Task<BusinessCalendar> SaveAsync(BusinessCalendarChange change, long? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var session = await store.OpenSessionAsync(cancellationToken).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            var calendar = (await session.BusinessCalendars.ListAsync(null, cancellationToken).ConfigureAwait(false)).OrderBy(c => c.Id).FirstOrDefault();
            if (expectedVersion is { } expected && expected != (calendar?.Version ?? 0))
            {
                throw new ConcurrencyException($"The business calendar was changed by someone else (version {calendar?.Version ?? 0}, you edited {expected}); reload it and make your change again.");
            }

            if (calendar is null)
            {
                calendar = new BusinessCalendar(change.Name, change.TimeZoneId, change.WorkingDays, change.DayStart, change.DayEnd, change.Holidays, change.WorkedDays);
                session.BusinessCalendars.Add(calendar);
            }
            else
            {
                calendar.Change(change.Name, change.TimeZoneId, change.WorkingDays, change.DayStart, change.DayEnd, change.Holidays, change.WorkedDays);
            }

            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            counting.Use(calendar.ToWorkingCalendar());
            return calendar;
        }
    }
}
