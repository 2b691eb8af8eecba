using System.Globalization;
using System.Text;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Tasks;
using CrmBpm.EntityFrameworkCore.Configurations;

namespace CrmBpm.EntityFrameworkCore.Storage.Sql;

/// <summary>
/// My tasks as one command of two statements, so it is one round trip however many pools the actor is in:
/// <list type="number">
/// <item>the page: per branch (<see cref="TaskPoolFilter"/>, substitutions included) one index range already in page order (the partial My tasks
/// indexes of <see cref="TaskEntityConfiguration"/>: branch columns, <c>due_sort</c>, <c>seq</c>), cut at the page's end and read
/// from the index alone; the branches merged by <c>UNION ALL</c> and cut to the page; only then the page's rows. An OR over
/// all branches would make the database read and sort every candidate;</item>
/// <item>the exact total: without filters the branch counters (<c>open_task_counts</c>) minus the branches' tasks postponed
/// beyond now (short ranges of the partial postponed indexes), plus the tasks of role-limited branches (which have no
/// counter), counted; with filters the matching tasks, counted.</item>
/// </list>
/// Each branch's WHERE repeats its index's condition term by term (<see cref="TaskEntityConfiguration.ActiveTask"/>, the NULL
/// tests), which is how SQLite recognises that a partial index applies.
/// </summary>
internal sealed class MyTasksSql
{
    private readonly StringBuilder _sql = new();
    private readonly SqlStatement _parameters = new("");
    private readonly IReadOnlyList<MyTasksBranch> _branches;
    private readonly TaskQuery _query;

    private MyTasksSql(TaskQuery query, DateTimeOffset now)
    {
        _query = query;
        _branches = [.. TaskPoolFilter.Branches(query.Actor)];
        _parameters.With("@now", now.UtcTicks);
    }

    /// <summary>The command: its first result set is the page's rows (<see cref="TaskRows.Read(System.Data.Common.DbDataReader)"/>), the second one row with the total.</summary>
    public static SqlStatement For(TaskQuery query, DateTimeOffset now)
    {
        var sql = new MyTasksSql(query, now);
        sql.AppendPage();
        sql.AppendTotal();
        var statement = new SqlStatement(sql._sql.ToString());
        foreach (var (name, value) in sql._parameters.Parameters)
        {
            statement.With(name, value);
        }

        return statement;
    }

    private bool Filtered => _query.OnlyPostponed || _query.SubjectType is not null || _query.SubjectId is not null || _query.MapKey is not null || _query.DueBefore is not null;

    private void AppendPage()
    {
        _parameters.With("@needed", _query.Page * _query.PageSize).With("@page_size", _query.PageSize).With("@skip", (_query.Page - 1) * _query.PageSize);
        var key = SortKey(_query.Sort);
        var direction = _query.Descending ? " DESC" : "";
        var order = $"ORDER BY sort_key{direction}, seq{direction}";
        _sql.Append(CultureInfo.InvariantCulture, $"SELECT {string.Join(", ", TaskRows.Columns)} FROM {TableNames.Tasks} WHERE seq IN (SELECT seq FROM (");
        for (var i = 0; i < _branches.Count; i++)
        {
            _sql.Append(i == 0 ? "" : " UNION ALL ");
            _sql.Append(CultureInfo.InvariantCulture,
                $"SELECT * FROM (SELECT seq, {key} AS sort_key FROM {TableNames.Tasks} WHERE {Branch(i)} AND {Visible()} {order} LIMIT @needed) AS b{i}");
        }

        _sql.Append(CultureInfo.InvariantCulture, $") AS candidates {order} LIMIT @page_size OFFSET @skip) ORDER BY {key}{direction}, seq{direction};\n");
    }

    /// <summary>
    /// The column or expression a sort orders by. Only the deadline (<c>due_sort</c>) is a key column of the branch indexes,
    /// so only that order is read from them page by page. Creation is <c>seq</c> (the order tasks were written), in the
    /// indexes too, so that sort reads a branch from its index alone and sorts it; the others read each task of the branch
    /// (the active tasks one person holds, or one pool's) and sort them to cut the page: a top-N sort per branch in the
    /// database, never the whole table and never in memory here.
    /// </summary>
    private static string SortKey(TaskSort sort) => sort switch
    {
        TaskSort.Title => "LOWER(title)",
        TaskSort.Created => "seq",
        TaskSort.Performer => "LOWER(COALESCE(assignee_id, performer_role, ''))",
        TaskSort.State => "CASE WHEN status = 'Accepted' THEN 1 ELSE 0 END",
        _ => "due_sort",
    };

    private void AppendTotal()
    {
        if (Filtered)
        {
            var counts = _branches.Select((_, i) => $"(SELECT COUNT(*) FROM {TableNames.Tasks} WHERE {Branch(i)} AND {Visible()})");
            _sql.Append(CultureInfo.InvariantCulture, $"SELECT CAST({string.Join(" + ", counts)} AS BIGINT) AS total;");
            return;
        }

        var counted = Enumerable.Range(0, _branches.Count).Where(i => _branches[i].Counted).ToList();
        var counters = counted.Select(i => $"(kind = @k{i} AND owner = @o{i} AND addressing_object = @a{i})");
        // CAST: PostgreSQL's SUM of a bigint is numeric.
        _sql.Append(CultureInfo.InvariantCulture, $"SELECT CAST(COALESCE((SELECT SUM(open_tasks) FROM {TableNames.OpenTaskCounts} WHERE {string.Join(" OR ", counters)}), 0)");
        if (!_query.IncludePostponed)
        {
            foreach (var i in counted)
            {
                _sql.Append(CultureInfo.InvariantCulture,
                    $" - (SELECT COUNT(*) FROM {TableNames.Tasks} WHERE {Branch(i)} AND {TaskEntityConfiguration.ActiveTask} AND {TaskEntityConfiguration.Postponed} AND postponed_until > @now)");
            }
        }

        // A role-limited branch (a substitution for some roles) has no counter row: its tasks are counted (a person holds few).
        for (var i = 0; i < _branches.Count; i++)
        {
            if (!_branches[i].Counted)
            {
                _sql.Append(CultureInfo.InvariantCulture, $" + (SELECT COUNT(*) FROM {TableNames.Tasks} WHERE {Branch(i)} AND {Visible()})");
            }
        }

        _sql.Append(" AS BIGINT) AS total;");
    }

    /// <summary>The branch's index prefix; its parameters (added once, on first use) name the counter row too.</summary>
    private string Branch(int i)
    {
        var branch = _branches[i];
        var key = branch.Key;
        var roles = branch.PerformerRoles ?? [];
        if (!_parameters.Parameters.Any(p => p.Key == $"@k{i}"))
        {
            _parameters.With($"@k{i}", key.Kind).With($"@o{i}", key.Owner).With($"@a{i}", key.AddressingObject);
            for (var r = 0; r < roles.Count; r++)
            {
                _parameters.With($"@r{i}_{r}", roles[r]);
            }
        }

        var limited = roles.Count == 0 ? "" : $" AND performer_role IN ({string.Join(", ", roles.Select((_, r) => $"@r{i}_{r}"))})";
        return key.Kind switch
        {
            OpenTaskCountKey.Held => $"assignee_id = @o{i} AND {TaskEntityConfiguration.Held}{limited}",
            OpenTaskCountKey.RolePool => $"performer_role = @o{i} AND {TaskEntityConfiguration.InPool} AND {TaskEntityConfiguration.WithoutObject}",
            _ => $"performer_role = @o{i} AND performer_addressing_object = @a{i} AND {TaskEntityConfiguration.InPool} AND {TaskEntityConfiguration.WithObject}",
        };
    }

    /// <summary>Active, not postponed beyond now (unless asked; only those with <see cref="TaskQuery.OnlyPostponed"/>), and the query's filters.</summary>
    private string Visible()
    {
        var conditions = new List<string> { TaskEntityConfiguration.ActiveTask };
        if (_query.OnlyPostponed)
        {
            conditions.Add($"{TaskEntityConfiguration.Postponed} AND postponed_until > @now");
        }
        else if (!_query.IncludePostponed)
        {
            conditions.Add("(postponed_until IS NULL OR postponed_until <= @now)");
        }

        AddFilter("subject_type = @subject_type", "@subject_type", _query.SubjectType);
        AddFilter("subject_id = @subject_id", "@subject_id", _query.SubjectId);
        // The map's own tasks and those of its sub-processes' instances (keyed "map::sub-process", see RouteMap.ScopeKey).
        AddFilter("(map_key = @map_key OR map_key LIKE @map_key_scopes ESCAPE '\\')", "@map_key", _query.MapKey);
        if (_query.MapKey is { } mapKey && !_parameters.Parameters.Any(p => p.Key == "@map_key_scopes"))
        {
            _parameters.With("@map_key_scopes", LikeEscaped(mapKey + RouteMap.ScopeSeparator) + "%");
        }

        AddFilter("due_at < @due_before", "@due_before", _query.DueBefore?.UtcTicks);
        return string.Join(" AND ", conditions);

        void AddFilter(string condition, string name, object? value)
        {
            if (value is null)
            {
                return;
            }

            conditions.Add(condition);
            if (!_parameters.Parameters.Any(p => p.Key == name))
            {
                _parameters.With(name, value);
            }
        }
    }

    /// <summary>Text matched literally by LIKE … ESCAPE '\': its wildcards and the escape character escaped.</summary>
    private static string LikeEscaped(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
