using CrmBpm.Engine.Calendar;

namespace CrmBpm.Crm.Calendar;

/// <summary>
/// The engine's <see cref="IBusinessCalendar"/> in the CRM: the stored <see cref="BusinessCalendar"/>, held in memory because
/// the engine asks inside its commands. <see cref="BusinessCalendarService"/> puts each saved or loaded calendar here, so a
/// change counts at once on the node that saved it; other nodes see it at their next load (the server reloads it regularly).
/// Until the first load it is the default calendar (Mon–Fri 9–18 in the schedule time zone), the one the service shows then.
/// </summary>
public sealed class CompanyCalendar(TimeZoneInfo defaultTimeZone) : IBusinessCalendar
{
    private volatile WorkingCalendar _current = BusinessCalendarService.CreateDefault(defaultTimeZone).ToWorkingCalendar();

    /// <summary>The calendar counted in now.</summary>
    public WorkingCalendar Current => _current;

    /// <summary>Counts in <paramref name="calendar"/> from now on.</summary>
    public void Use(WorkingCalendar calendar) => _current = calendar ?? throw new ArgumentNullException(nameof(calendar));

    /// <inheritdoc />
    public DateTimeOffset Add(DateTimeOffset start, WorkingDuration duration) => _current.Add(start, duration);

    /// <inheritdoc />
    public DateTimeOffset Subtract(DateTimeOffset end, WorkingDuration duration) => _current.Subtract(end, duration);
}
