using System.Data;
using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CrmBpm.EntityFrameworkCore.Schema;

/// <summary>
/// What the schema migrator does differently per database, on the context's open connection: the lock that keeps two
/// nodes from running one step twice, the list of tables, and the <c>schema_versions</c> table.
/// </summary>
internal sealed class SchemaDatabase
{
    public const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";
    public const string PostgreSqlProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>The table every component records its versions in: one row per version reached (the baseline, each step, a creation).</summary>
    public const string VersionsTable = "schema_versions";

    /// <summary>Any constant shared by every node: PostgreSQL advisory locks are named by a number (here "CrmBpmSc").</summary>
    private const long AdvisoryLockKey = 0x43726D42706D5363;

    private const string CreateVersionsTableSql = $"""
        CREATE TABLE IF NOT EXISTS {VersionsTable} (
            component varchar(50) NOT NULL,
            version integer NOT NULL,
            description varchar(500) NOT NULL,
            applied_at varchar(40) NOT NULL,
            PRIMARY KEY (component, version))
        """;

    private readonly DbContext _db;
    private readonly bool _postgreSql;

    private SchemaDatabase(DbContext db, bool postgreSql)
    {
        _db = db;
        _postgreSql = postgreSql;
    }

    private DbConnection Connection => _db.Database.GetDbConnection();

    public static SchemaDatabase Of(DbContext db) => db.Database.ProviderName switch
    {
        SqliteProvider => new SchemaDatabase(db, postgreSql: false),
        PostgreSqlProvider => new SchemaDatabase(db, postgreSql: true),
        var other => throw new NotSupportedException($"CrmBpm's schema versions work on SQLite and PostgreSQL; the context uses '{other}'."),
    };

    /// <summary>
    /// A transaction holding the schema lock until it ends. SQLite: <c>BEGIN IMMEDIATE</c> (Serializable), the database's one
    /// write lock. PostgreSQL: a transaction-scoped advisory lock, taken before anything is read; DDL is transactional there too.
    /// </summary>
    public async Task<IDbContextTransaction> BeginLockedAsync(CancellationToken cancellationToken)
    {
        if (!_postgreSql)
        {
            return await _db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken).ConfigureAwait(false);
        }

        var transaction = await _db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(transaction, $"SELECT pg_advisory_xact_lock({AdvisoryLockKey.ToString(CultureInfo.InvariantCulture)})", cancellationToken).ConfigureAwait(false);
        return transaction;
    }

    public Task EnsureVersionsTableAsync(IDbContextTransaction transaction, CancellationToken cancellationToken) =>
        ExecuteAsync(transaction, CreateVersionsTableSql, cancellationToken);

    /// <summary>The component's version, or null when the database has never recorded one.</summary>
    public async Task<int?> ReadVersionAsync(IDbContextTransaction transaction, string component, CancellationToken cancellationToken)
    {
        await using var command = Command(transaction, $"SELECT MAX(version) FROM {VersionsTable} WHERE component = @component");
        AddParameter(command, "@component", component);
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is null or DBNull ? null : Convert.ToInt32(value, CultureInfo.InvariantCulture);
    }

    public async Task RecordAsync(IDbContextTransaction transaction, string component, int version, string description, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = Command(transaction,
            $"INSERT INTO {VersionsTable} (component, version, description, applied_at) VALUES (@component, @version, @description, @at)");
        AddParameter(command, "@component", component);
        AddParameter(command, "@version", version);
        AddParameter(command, "@description", description.Length > 500 ? description[..500] : description);
        AddParameter(command, "@at", at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The tables of the connection's database (PostgreSQL: its current schema), without the database's own.</summary>
    public async Task<HashSet<string>> ListTablesAsync(IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = Command(transaction, _postgreSql
            ? "SELECT tablename::text FROM pg_catalog.pg_tables WHERE schemaname = current_schema()"
            : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var tables = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    public async Task ExecuteAsync(IDbContextTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private DbCommand Command(IDbContextTransaction transaction, string sql)
    {
        var command = Connection.CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = sql;
        return command;
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
