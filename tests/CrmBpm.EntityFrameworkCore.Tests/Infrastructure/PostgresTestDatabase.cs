using CrmBpm.Testing.Postgres;
using CrmBpm.Crm.DependencyInjection;
using CrmBpm.Engine.DependencyInjection;
using CrmBpm.Testing.CrmSuites;
using Npgsql;

namespace CrmBpm.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>
/// A fresh PostgreSQL database for one test, created and dropped through the admin connection in
/// <see cref="AdminConnectionVariable"/>. An unreachable server fails the test: CI sets the variable and must notice.
/// </summary>
public sealed class PostgresTestDatabase : ICrmTestDatabase
{
    public const string AdminConnectionVariable = PostgresTestServer.AdminConnectionVariable;

    private readonly string _name = $"crmbpm_test_{Guid.NewGuid():N}";
    private bool _created;

    public static string? AdminConnectionString => PostgresTestServer.AdminConnectionString;

    public string ConnectionString => new NpgsqlConnectionStringBuilder(Admin) { Database = _name, Pooling = true }.ConnectionString;

    private static string Admin => AdminConnectionString
        ?? throw new InvalidOperationException($"{AdminConnectionVariable} is not set; PostgreSQL tests should have been skipped.");

    public async Task CreateAsync()
    {
        await using var connection = new NpgsqlConnection(Admin);
        try
        {
            await connection.OpenAsync();
        }
        catch (NpgsqlException ex)
        {
            throw new InvalidOperationException(
                $"{AdminConnectionVariable} is set but its server cannot be reached ({ex.Message}). Start one with `build/postgres.sh start`, or unset the variable to skip the PostgreSQL tests.", ex);
        }

        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{_name}\"", connection);
        await command.ExecuteNonQueryAsync();
        _created = true;
    }

    public void Attach(CrmBpmBuilder bpm) => bpm.UsePostgreSql(ConnectionString);

    public void AttachCrm(CrmBuilder crm) => crm.UsePostgreSql(ConnectionString);

    public void EmptyConnectionPool()
    {
        using var pooled = new NpgsqlConnection(ConnectionString);
        NpgsqlConnection.ClearPool(pooled);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_created)
        {
            return;
        }

        EmptyConnectionPool();
        await using var connection = new NpgsqlConnection(Admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
