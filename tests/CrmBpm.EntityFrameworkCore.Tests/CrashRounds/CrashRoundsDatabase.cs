using CrmBpm.EntityFrameworkCore.Tests.Infrastructure;
using CrmBpm.Testing.CrmSuites;

namespace CrmBpm.EntityFrameworkCore.Tests.CrashRounds;

/// <summary>The database a crashing server runs on: how the server is told about it, and the test's own handle to it.</summary>
public sealed record CrashRoundsDatabase(string Provider, string ConnectionString, ICrmTestDatabase Database)
{
    /// <summary>A SQLite file in the temp folder.</summary>
    public static CrashRoundsDatabase Sqlite()
    {
        var file = new SqliteTestFile();
        return new("Sqlite", file.ConnectionString, file);
    }

    /// <summary>A fresh PostgreSQL database on the server of CRMBPM_TEST_POSTGRES.</summary>
    public static CrashRoundsDatabase PostgreSql()
    {
        var database = new PostgresTestDatabase();
        return new("PostgreSql", database.ConnectionString, database);
    }

    /// <summary>The server's settings for this database (see CrmBpm.Server's DatabaseSettings).</summary>
    public IReadOnlyDictionary<string, string> ServerEnvironment => new Dictionary<string, string>
    {
        ["Database__Provider"] = Provider,
        ["ConnectionStrings__CrmBpm"] = ConnectionString,
    };
}
