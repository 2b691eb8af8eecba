using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CrmBpm.EntityFrameworkCore.Schema;

/// <summary>
/// Brings one schema component of a database to the version of this build, at start: creates its tables in a new database
/// (stamped with the latest version), recognises a database made before versioning as version 1, runs the missing steps one
/// by one — each in its own transaction, recorded in <c>schema_versions</c> — and refuses a database newer than the code.
/// </summary>
/// <remarks>
/// Every transaction holds the schema lock (SQLite's write lock, a PostgreSQL advisory lock) and reads the version only
/// after taking it, so nodes starting together run each step once: the others wait, then find it done.
/// </remarks>
public static partial class SchemaMigrator
{
    /// <summary>Creates or upgrades <paramref name="component"/> in the database of <paramref name="db"/>.</summary>
    /// <param name="db">A context whose model is the component's latest schema (used to create a new database).</param>
    /// <param name="component">The component's baseline and steps.</param>
    /// <param name="logger">Where each step and the outcome are reported.</param>
    /// <param name="cancellationToken">Cancels between and inside steps (the running step rolls back).</param>
    /// <exception cref="DatabaseNewerThanCodeException">The database was upgraded by a newer build.</exception>
    /// <exception cref="InvalidOperationException">The database has some of the baseline tables but not all (not made by CrmBpm, or damaged).</exception>
    public static async Task<SchemaMigration> MigrateAsync(DbContext db, SchemaComponent component, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(component);
        logger ??= NullLogger.Instance;
        var database = SchemaDatabase.Of(db);
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            await creator.CreateAsync(cancellationToken).ConfigureAwait(false);
        }

        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            int? from = null;
            var stepsRun = 0;
            while (true)
            {
                var transaction = await database.BeginLockedAsync(cancellationToken).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    await database.EnsureVersionsTableAsync(transaction, cancellationToken).ConfigureAwait(false);
                    var current = await database.ReadVersionAsync(transaction, component.Name, cancellationToken).ConfigureAwait(false);
                    if (current is null)
                    {
                        if (await RecogniseAsync(db, database, transaction, component, cancellationToken).ConfigureAwait(false))
                        {
                            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                            LogCreated(logger, component.Name, component.LatestVersion);
                            return new SchemaMigration(component.Name, 0, component.LatestVersion, 0);
                        }

                        // The baseline is recorded on its own, so a failing first step leaves the database recognised.
                        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                        from = SchemaComponent.BaselineVersion;
                        continue;
                    }

                    from ??= current.Value;
                    if (current > component.LatestVersion)
                    {
                        throw new DatabaseNewerThanCodeException(component.Name, current.Value, component.LatestVersion);
                    }

                    if (current == component.LatestVersion)
                    {
                        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                        if (from < current)
                        {
                            LogUpgraded(logger, component.Name, from.Value, current.Value);
                        }

                        return new SchemaMigration(component.Name, from.Value, current.Value, stepsRun);
                    }

                    var step = component.Steps[current.Value - SchemaComponent.BaselineVersion];
                    LogStep(logger, component.Name, current.Value, step.Version, step.Description);
                    await RunStepAsync(db, database, transaction, step, cancellationToken).ConfigureAwait(false);
                    await database.RecordAsync(transaction, component.Name, step.Version, step.Description, DateTimeOffset.UtcNow, cancellationToken).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    stepsRun++;
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A component without a recorded version: none of its baseline tables means a new database (its tables are created at the
    /// latest version and stamped; true), all of them a database made before versioning (stamped as the baseline; false).
    /// </summary>
    private static async Task<bool> RecogniseAsync(DbContext db, SchemaDatabase database, IDbContextTransaction transaction, SchemaComponent component, CancellationToken cancellationToken)
    {
        var tables = await database.ListTablesAsync(transaction, cancellationToken).ConfigureAwait(false);
        var missing = component.BaselineTables.Where(t => !tables.Contains(t)).ToList();
        var now = DateTimeOffset.UtcNow;
        if (missing.Count == component.BaselineTables.Count)
        {
            foreach (var command in CreateTablesCommands(db))
            {
                await database.ExecuteAsync(transaction, command.CommandText, cancellationToken).ConfigureAwait(false);
            }

            await database.RecordAsync(transaction, component.Name, component.LatestVersion, $"created at version {component.LatestVersion}", now, cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"The database has some of the '{component.Name}' tables but not {string.Join(", ", missing)}, and no schema version: it was not made by " +
                "CrmBpm or was changed by hand. Restore the missing tables or use an empty database.");
        }

        await database.RecordAsync(transaction, component.Name, SchemaComponent.BaselineVersion, "baseline: the schema before versioning, recognised", now, cancellationToken).ConfigureAwait(false);
        return false;
    }

    /// <summary>What <c>CreateTables</c> would run for the context's model, to run it in the locked transaction.</summary>
    private static IReadOnlyList<MigrationCommand> CreateTablesCommands(DbContext db)
    {
        var model = db.GetService<IDesignTimeModel>().Model;
        var operations = db.GetService<IMigrationsModelDiffer>().GetDifferences(null, model.GetRelationalModel());
        return db.GetService<IMigrationsSqlGenerator>().Generate(operations, model);
    }

    private static async Task RunStepAsync(DbContext db, SchemaDatabase database, IDbContextTransaction transaction, SchemaStep step, CancellationToken cancellationToken)
    {
        var builder = new MigrationBuilder(db.Database.ProviderName);
        step.Up(builder);
        foreach (var command in db.GetService<IMigrationsSqlGenerator>().Generate(builder.Operations))
        {
            await database.ExecuteAsync(transaction, command.CommandText, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Schema '{Component}': created at version {Version}")]
    private static partial void LogCreated(ILogger logger, string component, int version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Schema '{Component}': upgrading from version {From} to {To}: {Description}")]
    private static partial void LogStep(ILogger logger, string component, int from, int to, string description);

    [LoggerMessage(Level = LogLevel.Information, Message = "Schema '{Component}': upgraded from version {From} to {To}")]
    private static partial void LogUpgraded(ILogger logger, string component, int from, int to);
}
