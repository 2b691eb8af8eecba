using Microsoft.Data.Sqlite;

namespace CrmBpm.Server.Hosting;

/// <summary>
/// The database of this server, read from configuration: <c>Database:Provider</c> (Sqlite | PostgreSql) and
/// <c>ConnectionStrings:CrmBpm</c>. Without a connection string SQLite uses <c>data/crmbpm.db</c> under the content root.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>The connection string name in <c>ConnectionStrings</c>.</summary>
    public const string ConnectionStringName = "CrmBpm";

    /// <summary>Reads the settings; creates the data folder of the default SQLite file.</summary>
    public static DatabaseSettings From(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var providerText = configuration["Database:Provider"];
        var provider = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(providerText) && !Enum.TryParse(providerText, ignoreCase: true, out provider))
        {
            throw new InvalidOperationException($"Database:Provider is '{providerText}'; use Sqlite or PostgreSql.");
        }

        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == DatabaseProvider.PostgreSql)
            {
                throw new InvalidOperationException($"Database:Provider is PostgreSql but ConnectionStrings:{ConnectionStringName} is empty.");
            }

            var folder = Path.Combine(environment.ContentRootPath, "data");
            Directory.CreateDirectory(folder);
            connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "crmbpm.db") }.ConnectionString;
        }

        return new DatabaseSettings(provider, connectionString);
    }

    /// <summary>Where the data is, for the start-up banner (never the password).</summary>
    public string Describe() => Provider switch
    {
        DatabaseProvider.Sqlite => $"SQLite file {new SqliteConnectionStringBuilder(ConnectionString).DataSource}",
        _ => $"PostgreSQL database {new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString).Database} on {new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString).Host}",
    };
}
