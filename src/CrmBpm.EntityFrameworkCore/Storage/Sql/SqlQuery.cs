using System.Data.Common;

namespace CrmBpm.EntityFrameworkCore.Storage.Sql;

/// <summary>Hand-written statements as commands on an open connection, and reading their rows.</summary>
internal static class SqlQuery
{
    /// <summary>A command for the statement, its parameters bound (null as SQL NULL); the caller disposes it.</summary>
    public static DbCommand Command(DbConnection connection, SqlStatement statement, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = statement.Sql;
        foreach (var (name, value) in statement.Parameters)
        {
            command.Parameters.Add(Bind(command.CreateParameter(), name, value));
        }

        return command;
    }

    public static DbParameter Bind(DbParameter parameter, string name, object? value)
    {
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        return parameter;
    }

    public static async Task<List<T>> ReadAsync<T>(DbConnection connection, SqlStatement statement, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        var command = Command(connection, statement);
        await using (command.ConfigureAwait(false))
        {
            var rows = new List<T>();
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rows.Add(read(reader));
                }
            }

            return rows;
        }
    }
}
