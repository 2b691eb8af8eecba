using System.Data.Common;
using CrmBpm.Server.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace CrmBpm.Server.Identity;

/// <summary>
/// Creates the Identity tables in the shared database. <c>EnsureCreated</c> does nothing once any table exists (the
/// engine's are created first), so the tables are created with <see cref="IRelationalDatabaseCreator.CreateTablesAsync"/>
/// when <c>AspNetUsers</c> is missing.
/// </summary>
internal static class IdentitySchema
{
    /// <summary>Creates the tables unless they exist; true when they were created (a new database).</summary>
    public static async Task<bool> EnsureCreatedAsync(CrmBpmIdentityDbContext db, DatabaseProvider provider, CancellationToken cancellationToken)
    {
        if (await TableExistsAsync(db, provider, "AspNetUsers", cancellationToken))
        {
            return false;
        }

        await db.GetService<IRelationalDatabaseCreator>().CreateTablesAsync(cancellationToken);
        return true;
    }

    private static async Task<bool> TableExistsAsync(CrmBpmIdentityDbContext db, DatabaseProvider provider, string table, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }

        try
        {
            await using DbCommand command = connection.CreateCommand();
            command.CommandText = provider == DatabaseProvider.PostgreSql
                ? "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = @name"
                : "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = @name";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@name";
            parameter.Value = table;
            command.Parameters.Add(parameter);
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0;
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }
}
