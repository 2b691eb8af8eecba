namespace CrmBpm.Testing.Postgres;

/// <summary>
/// Marks a test class that runs on PostgreSQL. When <see cref="PostgresTestServer.AdminConnectionVariable"/> is not set,
/// <see cref="CrmBpmTestFramework"/> reports every test of the class as skipped (the class is never created). When it is
/// set, the tests run, and a server that cannot be reached fails them.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiresPostgresAttribute : Attribute
{
    public static string? SkipReason => PostgresTestServer.AdminConnectionString is null
        ? $"PostgreSQL tests need {PostgresTestServer.AdminConnectionVariable} (an Npgsql connection string to a server where databases may be created); " +
          "start a local one with `build/postgres.sh start` and export the connection string it prints."
        : null;
}
