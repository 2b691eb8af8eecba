namespace CrmBpm.Testing.Postgres;

/// <summary>Where the PostgreSQL tests find their server: an Npgsql connection string in <see cref="AdminConnectionVariable"/>.</summary>
public static class PostgresTestServer
{
    /// <summary>The environment variable CI (and build/postgres.sh users) set.</summary>
    public const string AdminConnectionVariable = "CRMBPM_TEST_POSTGRES";

    /// <summary>The admin connection string, or null when the PostgreSQL tests are to be skipped.</summary>
    public static string? AdminConnectionString =>
        Environment.GetEnvironmentVariable(AdminConnectionVariable) is { Length: > 0 } value ? value : null;
}
