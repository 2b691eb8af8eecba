using System.Globalization;
using CrmBpm.EntityFrameworkCore.Configurations;
using CrmBpm.EntityFrameworkCore.Storage.Sql;

namespace CrmBpm.EntityFrameworkCore.Storage;

/// <summary>
/// What one commit does to <c>open_task_counts</c>: every task the commit opens, moves between branches or closes
/// adds or takes one from its branch's counter. Written in the commit's own transaction, so the counters can never
/// drift from the tasks: both commit or neither does.
/// </summary>
internal sealed class OpenTaskCountChanges
{
    private readonly Dictionary<OpenTaskCountKey, long> _deltas = [];

    /// <summary>Records a task going from one branch to another; either side may be none (opened, closed, not in a pool).</summary>
    public void Move(OpenTaskCountKey? from, OpenTaskCountKey? to)
    {
        if (from == to)
        {
            return;
        }

        if (from is { } left)
        {
            _deltas[left] = _deltas.GetValueOrDefault(left) - 1;
        }

        if (to is { } right)
        {
            _deltas[right] = _deltas.GetValueOrDefault(right) + 1;
        }
    }

    /// <summary>
    /// One upsert for all changed counters, in key order: on PostgreSQL concurrent commits then lock shared counter rows
    /// in the same order and cannot deadlock on them. Null when no counter changes.
    /// </summary>
    public SqlStatement? ToStatement()
    {
        var changes = _deltas.Where(d => d.Value != 0)
            .OrderBy(d => d.Key.Kind).ThenBy(d => d.Key.Owner, StringComparer.Ordinal).ThenBy(d => d.Key.AddressingObject, StringComparer.Ordinal)
            .ToList();
        if (changes.Count == 0)
        {
            return null;
        }

        var rows = changes.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $"(@k{i}, @o{i}, @a{i}, @n{i})"));
        var statement = new SqlStatement(
            $"INSERT INTO {TableNames.OpenTaskCounts} (kind, owner, addressing_object, open_tasks) VALUES {string.Join(", ", rows)} " +
            $"ON CONFLICT (kind, owner, addressing_object) DO UPDATE SET open_tasks = {TableNames.OpenTaskCounts}.open_tasks + excluded.open_tasks");
        for (var i = 0; i < changes.Count; i++)
        {
            var (key, delta) = changes[i];
            statement.With($"@k{i}", key.Kind).With($"@o{i}", key.Owner).With($"@a{i}", key.AddressingObject).With($"@n{i}", delta);
        }

        return statement;
    }
}
