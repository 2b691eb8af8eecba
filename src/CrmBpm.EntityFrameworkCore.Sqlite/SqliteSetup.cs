using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CrmBpm.EntityFrameworkCore.Sqlite;

/// <summary>How every CrmBpm context (engine and CRM) talks to SQLite: the provider plus the connection pragmas.</summary>
internal static class SqliteSetup
{
    public static Action<DbContextOptionsBuilder> Configure(string connectionString)
    {
        var busyTimeout = TimeSpan.FromSeconds(new SqliteConnectionStringBuilder(connectionString).DefaultTimeout);
        var pragmas = new SqlitePragmaInterceptor(busyTimeout);
        return options => options.UseSqlite(connectionString).AddInterceptors(pragmas);
    }
}
