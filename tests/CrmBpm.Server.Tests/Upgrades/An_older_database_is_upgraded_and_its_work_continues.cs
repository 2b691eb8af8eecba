using CrmBpm.Crm.Claims;
using CrmBpm.Crm.Deals;
using CrmBpm.Crm.Instructions;
using CrmBpm.Crm.Persistence;
using CrmBpm.EntityFrameworkCore.Schema;
using CrmBpm.Server.Identity;
using CrmBpm.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBpm.Server.Tests.Upgrades;

/// <summary>
/// The databases of Fixtures/ (made by earlier builds, see its README) opened by this build: the schema is brought to the
/// latest version, nothing recorded is lost or changed, and the work that was running goes on to its end.
/// </summary>
public abstract class An_older_database_is_upgraded_and_its_work_continues : IAsyncLifetime
{
    /// <summary>The fixtures, oldest first: each must upgrade.</summary>
    public static TheoryData<string> Fixtures => new() { "schema-1" };

    private static readonly SchemaComponent[] Components = [EngineSchema.Component, CrmSchema.Component, IdentitySchema.Component];

    private readonly List<IAsyncDisposable> _owned = [];

    /// <summary>A fresh copy of fixture <paramref name="name"/> (null: an empty database).</summary>
    protected abstract FixtureDatabase Fixture(string? name);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task Starting_on_it_records_every_component_at_the_latest_version(string fixture)
    {
        var database = await CopyAsync(fixture);
        (await DatabaseReads.ListAsync(database, TableNamed(database, "schema_versions"))).ShouldBeEmpty("the fixture predates versioning");

        await StartAsync(database);

        var versions = await DatabaseReads.VersionsAsync(database);
        foreach (var component in Components)
        {
            var rows = versions.Where(v => v.StartsWith(component.Name + " ", StringComparison.Ordinal)).ToList();
            rows[0].ShouldBe($"{component.Name} 1 baseline: the schema before versioning, recognised");
            rows.Count.ShouldBe(component.LatestVersion);
            rows[^1].ShouldStartWith($"{component.Name} {component.LatestVersion} ");
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task Every_record_is_as_it_was(string fixture)
    {
        var database = await CopyAsync(fixture);
        var before = await SnapshotAsync(database);

        await StartAsync(database);

        // Columns added by later steps are new in every row; the columns the fixture had must hold what they held. A built-in
        // role added since the fixture was made (such as Worker, for external workers) is the one row an upgrade adds.
        Differences(before, OnlyColumnsOf(before, await SnapshotAsync(database)))
            .Where(d => !AppRoles.All.Any(role => d.StartsWith("AspNetRoles new: ", StringComparison.Ordinal) && d.Contains($"|Name={role}|", StringComparison.Ordinal)))
            .ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task A_second_start_changes_nothing(string fixture)
    {
        var database = await CopyAsync(fixture);
        await StartAsync(database);
        var versions = await DatabaseReads.VersionsAsync(database);
        var records = await SnapshotAsync(database);

        await StartAsync(database);

        (await DatabaseReads.VersionsAsync(database)).ShouldBe(versions);
        Differences(records, await SnapshotAsync(database)).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task Every_running_instance_continues_to_its_end(string fixture)
    {
        var database = await CopyAsync(fixture);
        var running = await RunningWork.ActiveInstancesAsync(database);
        running.Count.ShouldBeGreaterThanOrEqualTo(10, "the fixture holds deals, claims, instructions and a nested onboarding in progress");
        var now = await NowOfAsync(database);
        var host = await StartAsync(database, now);

        var completed = await RunningWork.CompleteAllAsync(host.Services, database, now);

        completed.ShouldBeGreaterThan(running.Count);
        var statuses = await DatabaseReads.ListAsync(database, "SELECT DISTINCT status FROM instances");
        statuses.ShouldBe(["Completed"], "no instance may end in an incident or stay behind");
        await using var session = await host.Services.GetRequiredService<ICrmStore>().OpenSessionAsync();
        (await session.Deals.ListAsync(null)).Where(d => d.Kind == DealKind.ProcessControlled).Select(d => d.Status).Distinct().ShouldBe([DealStatus.Won]);
        (await session.Instructions.ListAsync(null)).Select(i => i.Status).Distinct().ShouldBe([InstructionStatus.Completed]);
        (await session.Claims.ListAsync(null)).Select(c => c.Status).Distinct().ShouldBe([ClaimStatus.Closed]);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task Its_performer_roles_and_departments_are_filled_from_the_pools_and_departments_its_users_have(string fixture)
    {
        var database = await CopyAsync(fixture);
        var pools = await DatabaseReads.ListAsync(database, $"SELECT \"ClaimValue\" FROM \"AspNetUserClaims\" WHERE \"ClaimType\" = '{CrmBpmClaims.Pool}'");
        pools.ShouldNotBeEmpty("the fixture's users are in pools");

        await StartAsync(database);

        var roles = await DatabaseReads.ListAsync(database, "SELECT name FROM performer_roles ORDER BY name");
        roles.ShouldBe([.. pools.Select(p => p.Split('@')[0]).Distinct().Order(StringComparer.Ordinal)]);
        roles.ShouldContain("Sales manager");
        var objects = await DatabaseReads.ListAsync(database, "SELECT kind, name, head_user_name FROM addressing_objects ORDER BY name");
        objects.ShouldBe(["Region North null", "Department Sales helga"], "Sales is the users' department, headed by its one Head; North is the object of a pool");
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task Its_schema_is_the_schema_of_a_new_database(string fixture)
    {
        var upgraded = await CopyAsync(fixture);
        await StartAsync(upgraded);
        var created = await CopyAsync(null);
        await StartAsync(created, DateTimeOffset.UtcNow);

        (await DatabaseReads.ShapeAsync(upgraded)).ShouldBe(await DatabaseReads.ShapeAsync(created),
            "a model change without its schema step (or a step without its model change) makes them differ");
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task A_database_stamped_newer_than_the_code_is_refused_naming_both_versions(string fixture)
    {
        var database = await CopyAsync(fixture);
        await StartAsync(database);
        var latest = CrmSchema.Component.LatestVersion;
        await DatabaseReads.ExecuteAsync(database,
            $"INSERT INTO schema_versions (component, version, description, applied_at) VALUES ('crm', {latest + 1}, 'from a newer build', '2099-01-01T00:00:00Z')");

        var refusal = Should.Throw<Exception>(() => StartAsync(database));

        var message = string.Join(" | ", Chain(refusal).Select(e => e.Message));
        Chain(refusal).OfType<DatabaseNewerThanCodeException>().ShouldNotBeEmpty(message);
        message.ShouldContain($"'crm' schema is at version {latest + 1}, but this build of CrmBpm knows versions up to {latest}");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }
    }

    private async Task<FixtureDatabase> CopyAsync(string? fixture)
    {
        var database = Fixture(fixture);
        _owned.Add(database);
        await database.CreateAsync();
        return database;
    }

    private async Task<UpgradeHost> StartAsync(FixtureDatabase database, DateTimeOffset? now = null)
    {
        var host = new UpgradeHost(database, now ?? await NowOfAsync(database));
        _owned.Add(host);
        return host.Start();
    }

    /// <summary>Just after the newest instance of the fixture started: its deadlines lie ahead, as they did when it was made.</summary>
    private static async Task<DateTimeOffset> NowOfAsync(FixtureDatabase database)
    {
        var ticks = await DatabaseReads.ListAsync(database, "SELECT MAX(started_at) FROM instances");
        return ticks is [{ Length: > 0 } value] && value != "null"
            ? new DateTimeOffset(long.Parse(value, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.Zero).AddHours(1)
            : DateTimeOffset.UtcNow;
    }

    private static async Task<Dictionary<string, List<string>>> SnapshotAsync(FixtureDatabase database)
    {
        var snapshot = new Dictionary<string, List<string>>();
        foreach (var table in Components.SelectMany(c => c.BaselineTables))
        {
            snapshot[table] = await DatabaseReads.RowsAsync(database, table);
        }

        return snapshot;
    }

    private static string TableNamed(FixtureDatabase database, string name) => database.Provider == "Sqlite"
        ? $"SELECT name FROM sqlite_master WHERE type = 'table' AND name = '{name}'"
        : $"SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename = '{name}'";

    /// <summary>The rows that are gone or new, table by table (a changed row is both).</summary>
    private static Dictionary<string, List<string>> OnlyColumnsOf(Dictionary<string, List<string>> before, Dictionary<string, List<string>> after) =>
        after.ToDictionary(t => t.Key, t =>
        {
            if (!before.TryGetValue(t.Key, out var rows) || rows.Count == 0)
            {
                return t.Value;
            }

            // A piece without '=' is the rest of a value that held a '|': it stays with its column.
            static string? Column(string piece) => piece.IndexOf('=', StringComparison.Ordinal) is > 0 and var at ? piece[..at] : null;
            var columns = rows[0].Split('|').Select(Column).OfType<string>().ToHashSet(StringComparer.Ordinal);
            return t.Value.Select(row =>
            {
                var keep = true;
                return string.Join("|", row.Split('|').Where(piece => Column(piece) is not { } column ? keep : keep = columns.Contains(column)));
            }).ToList();
        });

    private static List<string> Differences(Dictionary<string, List<string>> before, Dictionary<string, List<string>> after) =>
    [
        .. before.SelectMany(t => t.Value.Except(after[t.Key]).Select(row => $"{t.Key} lost: {row}")),
        .. after.SelectMany(t => t.Value.Except(before[t.Key]).Select(row => $"{t.Key} new: {row}")),
    ];

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Chain))
                {
                    yield return inner;
                }
            }
        }
    }
}

public sealed class An_older_SQLite_database_is_upgraded_and_its_work_continues : An_older_database_is_upgraded_and_its_work_continues
{
    protected override FixtureDatabase Fixture(string? name) => new SqliteFixture(name);
}

[RequiresPostgres]
public sealed class An_older_PostgreSQL_database_is_upgraded_and_its_work_continues : An_older_database_is_upgraded_and_its_work_continues
{
    protected override FixtureDatabase Fixture(string? name) => new PostgresFixture(name);
}
