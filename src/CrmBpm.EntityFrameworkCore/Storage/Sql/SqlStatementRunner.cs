using System.Data.Common;
using CrmBpm.Engine.Errors;

namespace CrmBpm.EntityFrameworkCore.Storage.Sql;

/// <summary>
/// Runs a commit's statements inside its transaction. Where the provider can batch (PostgreSQL), a group of statements is one
/// round trip; elsewhere (SQLite, in process) they run one by one. Either way a guarded statement that touched no row ends the
/// commit with <see cref="ConcurrencyException"/>, and the caller's transaction, rolled back, has written nothing.
/// </summary>
internal static class SqlStatementRunner
{
    public static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<SqlStatement> statements, CancellationToken cancellationToken)
    {
        if (statements.Count == 0)
        {
            return;
        }

        if (statements.Count > 1 && connection.CanCreateBatch)
        {
            await ExecuteBatchAsync(connection, transaction, statements, cancellationToken).ConfigureAwait(false);
            return;
        }

        foreach (var statement in statements)
        {
            var command = SqlQuery.Command(connection, statement, transaction);
            await using (command.ConfigureAwait(false))
            {
                var rows = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                EnsureGuardHeld(statement, rows);
            }
        }
    }

    private static async Task ExecuteBatchAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<SqlStatement> statements, CancellationToken cancellationToken)
    {
        var batch = connection.CreateBatch();
        await using (batch.ConfigureAwait(false))
        {
            batch.Transaction = transaction;
            foreach (var statement in statements)
            {
                var command = batch.CreateBatchCommand();
                command.CommandText = statement.Sql;
                foreach (var (name, value) in statement.Parameters)
                {
                    command.Parameters.Add(SqlQuery.Bind(command.CreateParameter(), name, value));
                }

                batch.BatchCommands.Add(command);
            }

            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < statements.Count; i++)
            {
                EnsureGuardHeld(statements[i], batch.BatchCommands[i].RecordsAffected);
            }
        }
    }

    private static void EnsureGuardHeld(SqlStatement statement, int rows)
    {
        if (statement.GuardedRow is { } row && rows == 0)
        {
            throw new ConcurrencyException($"Another command changed {row} first; nothing was written.");
        }
    }
}
