using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Persistence;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;
using CrmBpm.Engine.Timers;
using CrmBpm.EntityFrameworkCore.Entities;
using CrmBpm.EntityFrameworkCore.Storage.Sql;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CrmBpm.EntityFrameworkCore.Storage;

/// <summary>
/// The workflow store on Entity Framework Core. Every session and every query gets its own
/// <see cref="CrmBpmDbContext"/> from the factory, so the store is safe to share between threads; the schema
/// is created or upgraded on first use. Commands see the same semantics as <see cref="InMemoryWorkflowStore"/>; My tasks
/// and timer leasing run in SQL.
/// </summary>
public sealed class EfWorkflowStore : IWorkflowStore
{
    private readonly IDbContextFactory<CrmBpmDbContext> _contexts;
    private readonly IDatabaseDialect _dialect;
    private readonly SchemaInitializer<CrmBpmDbContext> _schema;
    private readonly ILogger<EfWorkflowStore> _logger;

    internal EfWorkflowStore(IDbContextFactory<CrmBpmDbContext> contexts, IDatabaseDialect dialect, ILogger<EfWorkflowStore> logger)
    {
        _contexts = contexts;
        _dialect = dialect;
        _logger = logger;
        _schema = new SchemaInitializer<CrmBpmDbContext>(contexts, Schema.EngineSchema.Component, logger);
    }

    /// <inheritdoc />
    public async Task<IWorkflowSession> OpenSessionAsync(CancellationToken cancellationToken = default)
    {
        var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return new SqlWorkflowSession(db, _dialect, _logger);
    }

    /// <inheritdoc />
    public async Task SaveRouteMapAsync(RouteMap map, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(map);
        var row = EntityMapper.ToEntity(map);
        var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var existing = await db.RouteMaps.FindAsync([map.Key, map.Version], cancellationToken).ConfigureAwait(false);
            if (existing is null)
            {
                db.RouteMaps.Add(row);
            }
            else
            {
                db.Entry(existing).CurrentValues.SetValues(row);
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public Task<RouteMap?> FindRouteMapAsync(string key, int version, CancellationToken cancellationToken = default) =>
        ReadAsync(async db =>
        {
            var row = await db.RouteMaps.AsNoTracking().FirstOrDefaultAsync(m => m.Key == key && m.Version == version, cancellationToken).ConfigureAwait(false);
            return row is null ? null : EntityMapper.ToRouteMap(row);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<RouteMap>> GetRouteMapVersionsAsync(string key, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<RouteMap>>(async db =>
        {
            var rows = await db.RouteMaps.AsNoTracking().Where(m => m.Key == key).OrderByDescending(m => m.Version).ToListAsync(cancellationToken).ConfigureAwait(false);
            return [.. rows.Select(EntityMapper.ToRouteMap)];
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<RouteMap>> ListLatestRouteMapsAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<RouteMap>>(async db =>
        {
            var rows = await db.RouteMaps.AsNoTracking()
                .Where(m => m.Version == db.RouteMaps.Where(other => other.Key == m.Key).Max(other => other.Version))
                .ToListAsync(cancellationToken).ConfigureAwait(false);

            // Ordinal, like the in-memory store: database collations differ.
            return [.. rows.OrderBy(m => m.Key, StringComparer.Ordinal).Select(EntityMapper.ToRouteMap)];
        }, cancellationToken);

    /// <inheritdoc />
    public Task<ProcessInstance?> FindInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default) =>
        ReadAsync(async db =>
        {
            var row = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == instanceId, cancellationToken).ConfigureAwait(false);
            return row is null ? null : EntityMapper.ToInstance(row);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ProcessInstance>> FindChildInstancesAsync(Guid parentInstanceId, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<ProcessInstance>>(async db =>
        {
            var rows = await db.Instances.AsNoTracking()
                .Where(i => i.ParentInstanceId == parentInstanceId)
                .OrderBy(i => i.StartedAt).ThenBy(i => i.Seq)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return [.. rows.Select(EntityMapper.ToInstance)];
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(Guid instanceId, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<HistoryEntry>>(async db =>
        {
            var rows = await db.History.AsNoTracking().Where(h => h.InstanceId == instanceId).OrderBy(h => h.Sequence).ToListAsync(cancellationToken).ConfigureAwait(false);
            return [.. rows.Select(EntityMapper.ToHistoryEntry)];
        }, cancellationToken);

    /// <inheritdoc />
    public Task<WorkTask?> FindTaskAsync(Guid taskId, CancellationToken cancellationToken = default) =>
        ReadAsync(async db =>
        {
            // Hand-written like the commands' reads: task cards and the API read single tasks all the time.
            await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var rows = await SqlQuery.ReadAsync(db.Database.GetDbConnection(), TaskRows.ById(taskId, _dialect), TaskRows.Read, cancellationToken).ConfigureAwait(false);
                return rows.Count == 0 ? null : EntityMapper.ToTask(rows[0]);
            }
            finally
            {
                await db.Database.CloseConnectionAsync().ConfigureAwait(false);
            }
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<WorkTask>> GetTasksOfInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<WorkTask>>(async db =>
        {
            var rows = await db.Tasks.AsNoTracking().Where(t => t.InstanceId == instanceId).OrderBy(t => t.Seq).ToListAsync(cancellationToken).ConfigureAwait(false);
            return [.. rows.Select(EntityMapper.ToTask)];
        }, cancellationToken);

    /// <inheritdoc />
    public Task<Page<WorkTask>> QueryTasksAsync(TaskQuery query, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return ReadPageAsync(MyTasksSql.For(query, now), query.Page, query.PageSize, cancellationToken);
    }

    /// <inheritdoc />
    public Task<Page<WorkTask>> QueryDoneTasksAsync(DoneTaskQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return ReadPageAsync(DoneTasksSql.For(query), query.Page, query.PageSize, cancellationToken);
    }

    /// <inheritdoc />
    public Task<Page<WorkTask>> QueryUnassignedTasksAsync(UnassignedTaskQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return ReadPageAsync(UnassignedTasksSql.For(query), query.Page, query.PageSize, cancellationToken);
    }

    /// <summary>Runs a task list command: its first result set is the page's rows, the second one row with the total.</summary>
    private async Task<Page<WorkTask>> ReadPageAsync(SqlStatement list, int pageNumber, int pageSize, CancellationToken cancellationToken)
    {
        var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var command = SqlQuery.Command(db.Database.GetDbConnection(), list);
                await using (command.ConfigureAwait(false))
                {
                    var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        var tasks = new List<WorkTask>(pageSize);
                        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            tasks.Add(EntityMapper.ToTask(TaskRows.Read(reader)));
                        }

                        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                        return new Page<WorkTask>(tasks, pageNumber, pageSize, reader.GetInt64(0));
                    }
                }
            }
            finally
            {
                await db.Database.CloseConnectionAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Recounts the active tasks of every My tasks branch from the <c>tasks</c> table. The store keeps the counts exact on
    /// its own; this is only for tasks written around it (a bulk import straight into the table).
    /// </summary>
    /// <param name="cancellationToken">Cancels the recount (nothing is changed then).</param>
    public async Task RecountOpenTasksAsync(CancellationToken cancellationToken = default)
    {
        var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            await OpenTaskCounts.RecountAsync(db, _dialect, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TimerRecord>> LeaseDueTimersAsync(DateTimeOffset now, string owner, DateTimeOffset leaseUntil, int maxCount, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<TimerRecord>>(async db =>
        {
            var rows = await _dialect.LeaseDueTimersAsync(db, now, owner, leaseUntil, maxCount, cancellationToken).ConfigureAwait(false);
            return [.. rows.OrderBy(t => t.DueAt).Select(EntityMapper.ToTimer)];
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<TimerRecord>> LeaseExternalTasksAsync(DateTimeOffset now, string workerId, IReadOnlyCollection<string> topics, DateTimeOffset lockUntil, int maxCount, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<TimerRecord>>(async db =>
        {
            var rows = await _dialect.LeaseExternalTasksAsync(db, now, workerId, [.. topics], lockUntil, maxCount, cancellationToken).ConfigureAwait(false);
            return [.. rows.OrderBy(t => t.DueAt).Select(EntityMapper.ToTimer)];
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<TimerRecord>> GetTimersOfTaskAsync(Guid taskId, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<TimerRecord>>(async db =>
        {
            var rows = await db.Timers.AsNoTracking().Where(t => t.TaskId == taskId).OrderBy(t => t.DueAt).ToListAsync(cancellationToken).ConfigureAwait(false);
            return [.. rows.Select(EntityMapper.ToTimer)];
        }, cancellationToken);

    private async Task<CrmBpmDbContext> OpenAsync(CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<T> ReadAsync<T>(Func<CrmBpmDbContext, Task<T>> read, CancellationToken cancellationToken)
    {
        var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            return await read(db).ConfigureAwait(false);
        }
    }
}
