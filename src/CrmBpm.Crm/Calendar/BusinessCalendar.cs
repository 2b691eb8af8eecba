using CrmBpm.Crm.Common;
using CrmBpm.Engine.Calendar;
using CrmBpm.Engine.Errors;

namespace CrmBpm.Crm.Calendar;

/// <summary>
/// The organisation's business calendar: which days of the week are worked, from when to when, in which time zone, its
/// holidays and the weekend days worked instead of bridge days. One per installation (see the CRM README, "Business
/// calendar"); edited by an Administrator; the engine counts working-time deadlines and timers in it.
/// </summary>
public sealed class BusinessCalendar : AggregateRoot
{
    private readonly List<CalendarDay> _holidays = [];
    private readonly List<CalendarDay> _workedDays = [];

    private BusinessCalendar()
    {
    }

    /// <summary>A calendar; the arguments are checked as <see cref="Change"/> checks them.</summary>
    public BusinessCalendar(string name, string timeZoneId, IEnumerable<DayOfWeek> workingDays, TimeOnly dayStart, TimeOnly dayEnd,
        IEnumerable<CalendarDay>? holidays = null, IEnumerable<CalendarDay>? workedDays = null)
    {
        Id = Guid.NewGuid();
        Change(name, timeZoneId, workingDays, dayStart, dayEnd, holidays ?? [], workedDays ?? []);
    }

    /// <summary>What it is called ("Company calendar").</summary>
    public string Name { get; private set; } = "";

    /// <summary>The IANA (or Windows) time zone id the hours and dates are read in, e.g. <c>Europe/Moscow</c>.</summary>
    public string TimeZoneId { get; private set; } = "UTC";

    /// <summary>The worked days of the week, stored as their names joined by commas (<c>Monday,Tuesday,…</c>).</summary>
    public string WorkingDaysText { get; private set; } = "";

    /// <summary>When a working day starts.</summary>
    public TimeOnly DayStart { get; private set; }

    /// <summary>When a working day ends.</summary>
    public TimeOnly DayEnd { get; private set; }

    /// <summary>The worked days of the week, Monday first.</summary>
    public IReadOnlyList<DayOfWeek> WorkingDays =>
        [.. WorkingDaysText.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<DayOfWeek>).OrderBy(d => ((int)d + 6) % 7)];

    /// <summary>Holidays, by date.</summary>
    public IReadOnlyList<CalendarDay> Holidays => _holidays;

    /// <summary>Days worked although the week says otherwise (a Saturday swapped for a bridge day), by date.</summary>
    public IReadOnlyList<CalendarDay> WorkedDays => _workedDays;

    /// <summary>
    /// Replaces everything at once (the admin page saves the whole calendar); refuses, naming the field, a time zone that
    /// does not exist, no working day, hours that end before they start, a day without a name or listed twice.
    /// </summary>
    public void Change(string name, string timeZoneId, IEnumerable<DayOfWeek> workingDays, TimeOnly dayStart, TimeOnly dayEnd,
        IEnumerable<CalendarDay> holidays, IEnumerable<CalendarDay> workedDays)
    {
        ArgumentNullException.ThrowIfNull(workingDays);
        ArgumentNullException.ThrowIfNull(holidays);
        ArgumentNullException.ThrowIfNull(workedDays);
        var problems = new List<InputProblem>();
        var checkedName = Check(problems, () => Guard.Required(name, "name", "A name", 200)) ?? "";
        var zone = Check(problems, () => FindZone(timeZoneId));
        var days = workingDays.Distinct().ToList();
        if (days.Count == 0)
        {
            problems.Add(new InputProblem("workingDays", "At least one day of the week must be a working day."));
        }

        if (dayEnd <= dayStart)
        {
            problems.Add(new InputProblem("dayEnd", $"Working hours must end after they start ({dayStart:HH\\:mm}–{dayEnd:HH\\:mm})."));
        }

        var holidayList = CheckDays(problems, holidays, "holidays", "holiday");
        var workedList = CheckDays(problems, workedDays, "workedDays", "worked day");
        foreach (var both in holidayList.Select(h => h.Date).Intersect(workedList.Select(w => w.Date)))
        {
            problems.Add(new InputProblem("workedDays", $"{both:yyyy-MM-dd} is both a holiday and a worked day."));
        }

        if (problems.Count > 0)
        {
            throw new InputException("calendar.invalid", problems);
        }

        Name = checkedName;
        TimeZoneId = zone!.Id;
        WorkingDaysText = string.Join(',', days.OrderBy(d => ((int)d + 6) % 7));
        DayStart = dayStart;
        DayEnd = dayEnd;
        _holidays.Clear();
        _holidays.AddRange(holidayList);
        _workedDays.Clear();
        _workedDays.AddRange(workedList);
    }

    /// <summary>The engine's counting calendar for this data.</summary>
    public WorkingCalendar ToWorkingCalendar() =>
        new(FindZone(TimeZoneId), WorkingDays, DayStart, DayEnd, _holidays.Select(h => h.Date), _workedDays.Select(w => w.Date));

    private static TimeZoneInfo FindZone(string? id)
    {
        if (!string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone))
        {
            return zone;
        }

        throw new InputException("input.time-zone", "timeZoneId", $"'{id}' is not a time zone; give an IANA id such as Europe/Moscow or Europe/Berlin.");
    }

    private static T? Check<T>(List<InputProblem> problems, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (InputException ex)
        {
            problems.AddRange(ex.Problems);
            return default;
        }
    }

    private static List<CalendarDay> CheckDays(List<InputProblem> problems, IEnumerable<CalendarDay> days, string field, string label)
    {
        var list = new List<CalendarDay>();
        foreach (var day in days)
        {
            if (string.IsNullOrWhiteSpace(day.Name))
            {
                problems.Add(new InputProblem(field, $"The {label} on {day.Date:yyyy-MM-dd} needs a name."));
            }
            else if (day.Name.Trim().Length > 200)
            {
                problems.Add(new InputProblem(field, $"The name of the {label} on {day.Date:yyyy-MM-dd} must be at most 200 characters."));
            }
            else if (list.Any(d => d.Date == day.Date))
            {
                problems.Add(new InputProblem(field, $"{day.Date:yyyy-MM-dd} is listed twice."));
            }
            else
            {
                list.Add(day with { Name = day.Name.Trim() });
            }
        }

        return [.. list.OrderBy(d => d.Date)];
    }
}
