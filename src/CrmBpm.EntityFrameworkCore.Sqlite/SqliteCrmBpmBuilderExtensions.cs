using CrmBpm.EntityFrameworkCore.DependencyInjection;
using CrmBpm.EntityFrameworkCore.Sqlite;

namespace CrmBpm.Engine.DependencyInjection;

/// <summary>Adds <see cref="UseSqlite"/> to <c>AddCrmBpm(bpm => ...)</c>.</summary>
public static class SqliteCrmBpmBuilderExtensions
{
    /// <summary>
    /// Keeps route maps, instances, tasks, history and timers in a SQLite database, e.g. <c>"Data Source=crm.db"</c>.
    /// Every connection runs in WAL mode with <c>synchronous=NORMAL</c> and waits up to the connection's
    /// <c>Default Timeout</c> (30 s unless set) for other writers; the tables are created on first use.
    /// </summary>
    /// <param name="bpm">The engine builder.</param>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string.</param>
    public static CrmBpmBuilder UseSqlite(this CrmBpmBuilder bpm, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(bpm);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return bpm.UseEntityFrameworkCore(new SqliteDialect(), SqliteSetup.Configure(connectionString));
    }
}
