namespace CrmBpm.Server.Hosting;

/// <summary>Where the server keeps everything: engine, CRM and Identity share one database.</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded SQLite file: the default, nothing to install.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database: for several nodes on one database.</summary>
    PostgreSql,
}
