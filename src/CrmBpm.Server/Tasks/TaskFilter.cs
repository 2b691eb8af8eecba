using CrmBpm.Engine.Tasks;
using CrmBpm.Server.Api.Contracts;

namespace CrmBpm.Server.Tasks;

/// <summary>The deadline filter of My tasks.</summary>
public enum DueFilter
{
    /// <summary>Every task, with or without a deadline.</summary>
    Any,

    /// <summary>Past their deadline.</summary>
    Overdue,

    /// <summary>Due by the end of today.</summary>
    Today,

    /// <summary>Due by the end of this week.</summary>
    ThisWeek,
}

/// <summary>Whose tasks of My tasks: with substitutions, the user's own and the absent people's.</summary>
public enum WhoseTasks
{
    /// <summary>The user's own and those of the people they substitute for.</summary>
    All,

    /// <summary>Only the user's own (held or in their pools).</summary>
    Own,

    /// <summary>Only those shown on behalf of an absent person.</summary>
    OnBehalf,
}

/// <summary>What the My tasks page lists: the view, whose tasks, a search over subjects, a route map, a deadline, an order, a page.</summary>
public sealed record TaskFilter
{
    /// <summary>Open today, postponed, or done.</summary>
    public TaskView View { get; init; } = TaskView.Open;

    /// <summary>The column the list is sorted by (not in <see cref="TaskView.Done"/>, which is newest first).</summary>
    public TaskSort Sort { get; init; } = TaskSort.Deadline;

    /// <summary>The sort reversed.</summary>
    public bool Descending { get; init; }

    /// <summary>Page size of the My tasks page.</summary>
    public const int DefaultPageSize = 20;

    /// <summary>Mine (and my pools') or, for a Head, the team's.</summary>
    public TaskScope Scope { get; init; } = TaskScope.Mine;

    /// <summary>Own tasks, substituted ones, or both (in <see cref="TaskScope.Mine"/>).</summary>
    public WhoseTasks Whose { get; init; }

    /// <summary>Text the subject's name (deal, claim, instruction) or the task's title contains; any case.</summary>
    public string? Search { get; init; }

    /// <summary>Only tasks of this route map.</summary>
    public string? MapKey { get; init; }

    /// <summary>Deadline filter.</summary>
    public DueFilter Due { get; init; }

    /// <summary>1-based page.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Rows per page.</summary>
    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>
    /// The moment a task must be due before to pass <see cref="Due"/>, or null for <see cref="DueFilter.Any"/>. "Today" and
    /// "this week" mean <i>due by</i> the end of the day or week in <paramref name="zone"/>: an overdue task is still to
    /// be done today, so it stays in those lists (at their top, as they are sorted by deadline).
    /// </summary>
    public DateTimeOffset? DueBefore(DateTimeOffset now, TimeZoneInfo zone, DayOfWeek firstDayOfWeek)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return Due switch
        {
            DueFilter.Overdue => now,
            DueFilter.Today => StartOfLocalDay(now, zone, 1),
            DueFilter.ThisWeek => StartOfLocalDay(now, zone, 7 - (((int)TimeZoneInfo.ConvertTime(now, zone).DayOfWeek - (int)firstDayOfWeek + 7) % 7)),
            _ => null,
        };
    }

    private static DateTimeOffset StartOfLocalDay(DateTimeOffset now, TimeZoneInfo zone, int daysAhead)
    {
        var day = TimeZoneInfo.ConvertTime(now, zone).Date.AddDays(daysAhead);
        return new DateTimeOffset(day, zone.GetUtcOffset(day));
    }
}
