using System.Globalization;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;
using CrmBpm.Server.Api.Contracts;
using CrmBpm.Server.Identity;

namespace CrmBpm.Server.Tasks;

/// <summary>
/// One row of My tasks: the task, its subject by name, its holder's name when it is someone else, and the name of the absent
/// person it is shown for when the user substitutes for them ("for Anna Petrova").
/// </summary>
public sealed record TaskRow(WorkTask Task, TaskSubject? Subject, string? HolderName, string? OnBehalfOfName = null);

/// <summary>One page of My tasks.</summary>
public sealed record TaskListPage(IReadOnlyList<TaskRow> Rows, int Page, int PageSize, long Total)
{
    /// <summary>Number of pages (at least one).</summary>
    public long PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// The My tasks page's query: <see cref="VisibleTasks"/> with the page's view, filters and order, the subjects named. Without
/// a search text the engine pages in the database, in the filter's order; a search text is matched against the subjects' names (and the tasks' titles), which
/// the engine does not know, so the whole visible list is read and paged here.
/// </summary>
public sealed class MyTaskList(VisibleTasks visible, TaskSubjects subjects, WorkScope work, UserDirectory directory, TimeProvider clock, UserTime time)
{
    private IReadOnlyDictionary<string, string>? _names;

    /// <summary>The page of <paramref name="filter"/>; when that page is past the end (tasks went away), the last page.</summary>
    public async Task<TaskListPage> ListAsync(TaskFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.View == TaskView.Done)
        {
            return await DoneAsync(filter, cancellationToken);
        }

        var query = new TaskQuery
        {
            Actor = work.User.Actor, MapKey = filter.MapKey, Page = filter.Page, PageSize = filter.PageSize,
            OnlyPostponed = filter.View == TaskView.Postponed, Sort = filter.Sort, Descending = filter.Descending,
            DueBefore = filter.DueBefore(clock.GetUtcNow(), time.Zone, CultureInfo.CurrentCulture.DateTimeFormat.FirstDayOfWeek),
        };

        var actor = await work.ActorAsync(cancellationToken);
        var absentNames = (await work.SubstitutionsAsync(cancellationToken)).ToDictionary(s => s.Absent.Id, s => s.Absent.DisplayName, StringComparer.Ordinal);
        var whose = filter.Scope == TaskScope.Mine && absentNames.Count > 0 ? filter.Whose : WhoseTasks.All;
        Page<WorkTask> page;
        IReadOnlyDictionary<SubjectReference, TaskSubject> named;
        if (string.IsNullOrWhiteSpace(filter.Search) && whose != WhoseTasks.OnBehalf)
        {
            page = await visible.PageAsync(filter.Scope, query, ownOnly: whose == WhoseTasks.Own, cancellationToken);
            named = await subjects.DescribeAsync(page.Items.Select(t => t.Subject), cancellationToken);
        }
        else
        {
            // The engine does not know subjects' names: a search text or "on behalf only" filters the whole visible list here
            // (read in the filter's order).
            var all = await visible.AllAsync(filter.Scope, query, cancellationToken);
            named = await subjects.DescribeAsync(all.Select(t => t.Subject), cancellationToken);
            var text = filter.Search?.Trim() ?? "";
            var matching = all
                .Where(t => text.Length == 0 || Contains(t.Title, text) || (t.Subject is { } s && named.TryGetValue(s, out var subject) && Contains(subject.Name, text)))
                .Where(t => whose switch { WhoseTasks.Own => actor.OnBehalfOf(t) is null, WhoseTasks.OnBehalf => actor.OnBehalfOf(t) is not null, _ => true })
                .ToList();
            page = new Page<WorkTask>([.. matching.Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize)], filter.Page, filter.PageSize, matching.Count);
        }

        if (page.Items.Count == 0 && filter.Page > 1 && page.TotalCount > 0)
        {
            return await ListAsync(filter with { Page = (int)page.PageCount }, cancellationToken);
        }

        // People by their display names, never their logins: whoever holds a task shown here (a colleague's on a team list,
        // an absent person's to a substitute).
        var names = page.Items.Any(t => t.AssigneeId is { } holder && holder != work.User.Id) ? await NamesAsync(cancellationToken) : null;
        return new TaskListPage(
            [.. page.Items.Select(t => new TaskRow(
                t,
                t.Subject is { } s ? named.GetValueOrDefault(s) : null,
                t.AssigneeId is { } holder && holder != work.User.Id ? names?.GetValueOrDefault(holder) ?? absentNames.GetValueOrDefault(holder) ?? holder : null,
                actor.OnBehalfOf(t) is { } absent ? absentNames.GetValueOrDefault(absent, absent) : null))],
            filter.Page, filter.PageSize, page.TotalCount);
    }

    /// <summary>The Done view: what the user completed, newest first, paged in the database; filters other than the page do not apply.</summary>
    private async Task<TaskListPage> DoneAsync(TaskFilter filter, CancellationToken cancellationToken)
    {
        var page = await visible.DoneAsync(TaskScope.Mine, filter.Page, filter.PageSize, cancellationToken);
        if (page.Items.Count == 0 && filter.Page > 1 && page.TotalCount > 0)
        {
            return await DoneAsync(filter with { Page = (int)page.PageCount }, cancellationToken);
        }

        var named = await subjects.DescribeAsync(page.Items.Select(t => t.Subject), cancellationToken);
        return new TaskListPage(
            [.. page.Items.Select(t => new TaskRow(t, t.Subject is { } s ? named.GetValueOrDefault(s) : null, null))],
            filter.Page, filter.PageSize, page.TotalCount);
    }

    private static bool Contains(string text, string part) => text.Contains(part, StringComparison.CurrentCultureIgnoreCase);

    /// <summary>Display names of the team (everyone for an Administrator), read once per circuit or request.</summary>
    private async Task<IReadOnlyDictionary<string, string>> NamesAsync(CancellationToken cancellationToken) =>
        _names ??= (await work.TeamAsync(cancellationToken) ?? await directory.ListAsync(cancellationToken)).ToDictionary(u => u.Id, u => u.DisplayName);
}
