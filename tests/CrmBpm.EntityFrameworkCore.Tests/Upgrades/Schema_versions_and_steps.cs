using System.Data.Common;
using CrmBpm.Engine.DependencyInjection;
using CrmBpm.EntityFrameworkCore.Schema;
using CrmBpm.EntityFrameworkCore.Tests.Infrastructure;
using CrmBpm.Testing;
using CrmBpm.Testing.CrmSuites;
using CrmBpm.Testing.Postgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBpm.EntityFrameworkCore.Tests.Upgrades;

/// <summary>
/// The step machinery on a real database, with made-up steps after the engine's real ones: a new database is created at the
/// latest version, a baseline database gets exactly the missing steps, each in one transaction, once however many nodes start.
/// </summary>
public abstract class Schema_versions_and_steps : IAsyncLifetime
{
    private readonly ICrmTestDatabase _database;
    private readonly ServiceProvider _services;

    protected Schema_versions_and_steps(ICrmTestDatabase database)
    {
        _database = database;
        var services = new ServiceCollection();
        services.AddCrmBpm(database.Attach);
        _services = services.BuildServiceProvider();
    }

    private static SchemaComponent Engine => EngineSchema.Component;

    // BaselineWithAnInstanceAsync makes its "before versioning" tables from today's model, which already holds what the
    // engine's real steps add; the step machinery is tested on the bare baseline with made-up steps only.
    private static SchemaComponent Bare => new(Engine.Name, Engine.BaselineTables, []);

    [Fact]
    public async Task A_new_database_is_created_at_the_latest_version_without_running_the_steps()
    {
        var migration = await MigrateAsync(Engine.With(new AddUpgradeNote(Engine.LatestVersion + 1)));

        migration.Created.ShouldBeTrue();
        migration.ToVersion.ShouldBe(Engine.LatestVersion + 1);
        (await VersionsAsync()).ShouldBe([$"engine {Engine.LatestVersion + 1} created at version {Engine.LatestVersion + 1}"]);
        (await TablesAsync()).ShouldNotContain("upgrade_probe", "the model has no such table, and a new database is made from the model");
    }

    [Fact]
    public async Task A_baseline_database_gets_exactly_the_made_up_step_once()
    {
        await BaselineWithAnInstanceAsync();
        var step = new AddUpgradeNote(Bare.LatestVersion + 1);

        var migration = await MigrateAsync(Bare.With(step));

        migration.ShouldBe(new SchemaMigration("engine", 1, Bare.LatestVersion + 1, StepsRun: 1));
        var versions = await VersionsAsync();
        versions[0].ShouldBe("engine 1 baseline: the schema before versioning, recognised");
        versions[^1].ShouldBe($"engine {step.Version} {step.Description}");
        versions.Count.ShouldBe(step.Version);
        (await ListAsync("SELECT upgrade_note FROM instances")).ShouldBe(["upgraded"]);
        (await ListAsync("SELECT note FROM upgrade_probe")).ShouldBe(["the step ran"]);

        (await MigrateAsync(Bare.With(step))).ShouldBe(new SchemaMigration("engine", step.Version, step.Version, StepsRun: 0));
        (await VersionsAsync()).ShouldBe(versions);
        (await ListAsync("SELECT note FROM upgrade_probe")).ShouldBe(["the step ran"]);
        (await ListAsync("SELECT upgrade_note FROM instances")).ShouldBe(["upgraded"]);
    }

    [Fact]
    public async Task Nodes_starting_together_run_each_step_once()
    {
        await BaselineWithAnInstanceAsync();
        var component = Bare.With(new AddUpgradeNote(Bare.LatestVersion + 1));

        var migrations = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => MigrateAsync(component))));

        migrations.Sum(m => m.StepsRun).ShouldBe(1, "one node runs the step, the others find it done");
        migrations.ShouldAllBe(m => m.ToVersion == component.LatestVersion);
        (await ListAsync("SELECT note FROM upgrade_probe")).ShouldBe(["the step ran"]);
        (await VersionsAsync()).Count.ShouldBe(component.LatestVersion);
    }

    [Fact]
    public async Task A_failing_step_leaves_the_schema_and_the_version_as_they_were()
    {
        await BaselineWithAnInstanceAsync();

        await Should.ThrowAsync<DbException>(() => MigrateAsync(Bare.With(new FailHalfway())));

        (await VersionsAsync()).ShouldBe(["engine 1 baseline: the schema before versioning, recognised"]);
        await Should.ThrowAsync<Exception>(() => ListAsync("SELECT half_done FROM instances"));
    }

    [Fact]
    public async Task A_database_newer_than_the_code_is_refused_naming_both_versions()
    {
        await MigrateAsync(Engine.With(new AddUpgradeNote(Engine.LatestVersion + 1)));

        var refusal = await Should.ThrowAsync<DatabaseNewerThanCodeException>(() => MigrateAsync(Engine));

        refusal.Message.ShouldStartWith(
            $"The database's 'engine' schema is at version {Engine.LatestVersion + 1}, but this build of CrmBpm knows versions up to {Engine.LatestVersion}");
    }

    [Fact]
    public async Task A_database_with_some_of_the_tables_and_no_version_is_refused_naming_the_missing_ones()
    {
        await MigrateAsync(Engine);
        await ExecuteAsync("DROP TABLE schema_versions");
        await ExecuteAsync("DROP TABLE timers");

        var refusal = await Should.ThrowAsync<InvalidOperationException>(() => MigrateAsync(Engine));

        refusal.Message.ShouldContain("has some of the 'engine' tables but not timers");
    }

    public Task InitializeAsync() => _database.CreateAsync();

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>A database as made before versioning: the engine's tables (one instance in them) and no schema_versions.</summary>
    private async Task BaselineWithAnInstanceAsync()
    {
        await using (var bpm = new EngineHarness(_database.Attach))
        {
            await bpm.StartAsync(await bpm.DeployAsync(CrmHost.TypicalSale()));
        }

        await ExecuteAsync("DROP TABLE schema_versions");
    }

    private async Task<SchemaMigration> MigrateAsync(SchemaComponent component)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        return await SchemaMigrator.MigrateAsync(db, component);
    }

    private IDbContextFactory<CrmBpmDbContext> Contexts => _services.GetRequiredService<IDbContextFactory<CrmBpmDbContext>>();

    private Task<List<string>> VersionsAsync() =>
        ListAsync("SELECT component || ' ' || CAST(version AS varchar(10)) || ' ' || description FROM schema_versions ORDER BY component, version");

    private async Task<List<string>> TablesAsync()
    {
        await using var db = await Contexts.CreateDbContextAsync();
        return db.Database.ProviderName!.Contains("Sqlite", StringComparison.Ordinal)
            ? await ListAsync("SELECT name FROM sqlite_master WHERE type = 'table'")
            : await ListAsync("SELECT tablename::text FROM pg_tables WHERE schemaname = current_schema()");
    }

    private async Task<List<string>> ListAsync(string sql)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        await db.Database.ExecuteSqlRawAsync(sql);
    }
}

public sealed class Schema_versions_and_steps_on_SQLite() : Schema_versions_and_steps(new SqliteTestFile());

[RequiresPostgres]
public sealed class Schema_versions_and_steps_on_PostgreSQL() : Schema_versions_and_steps(new PostgresTestDatabase());

public sealed class Schema_components_are_numbered
{
    [Fact]
    public void Steps_must_be_numbered_from_two_without_gaps()
    {
        var refusal = Should.Throw<ArgumentException>(() => new SchemaComponent("engine", ["instances"], [new AddUpgradeNote(3)]));

        refusal.Message.ShouldContain("has version 3 but is number 1 after the baseline, so its version must be 2");
    }

    [Fact]
    public void The_components_of_this_build_are_numbered_correctly()
    {
        EngineSchema.Component.LatestVersion.ShouldBe(1 + EngineSchema.Component.Steps.Count);
        CrmSchema.Component.LatestVersion.ShouldBe(1 + CrmSchema.Component.Steps.Count);
    }
}
