using Npgsql;

namespace CrmBpm.EntityFrameworkCore.PostgreSql;

/// <summary>How every CrmBpm context (engine and CRM) connects to PostgreSQL.</summary>
internal static class PostgreSqlSetup
{
    /// <summary>
    /// The given connection string with Npgsql's automatic preparation on unless it says otherwise: the engine sends the same
    /// few statements over and over (a command's reads and writes, My tasks), and a prepared statement skips the parse and plan
    /// each time. It matters most to My tasks, whose plan costs about as much as its index reads.
    /// </summary>
    public static string ConnectionString(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 64;
        }

        return builder.ConnectionString;
    }
}
