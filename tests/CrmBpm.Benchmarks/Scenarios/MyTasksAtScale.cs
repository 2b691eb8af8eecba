using System.Diagnostics;
using System.Globalization;
using System.Text;
using CrmBpm.Engine.Tasks;
using CrmBpm.EntityFrameworkCore.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace CrmBpm.Benchmarks.Scenarios;

/// <summary>
/// My tasks with a large backlog: open tasks spread over users (held personally), role pools and role + addressing
/// object pools, seeded in bulk straight into the store's <c>tasks</c> table (the schema itself is created by the store; its My tasks
/// counters are recounted after);
/// then the latency of the My tasks query (first page, by deadline) through <see cref="ITaskService"/> for random users
/// with realistic memberships.
/// </summary>
internal static class MyTasksAtScale
{
    public sealed record Size(int Tasks, int Users, int Roles, int AddressingObjects, int Queries);

    public sealed record Result(Stats LatencyMs, double SeedSeconds, double AverageVisible);

    // Every column of the tasks table except the surrogate key (see TaskEntityConfiguration and TaskEntity).
    private static readonly string[] Columns =
    [
        "id", "instance_id", "root_instance_id", "map_key", "map_version", "point_id", "token_id", "item_index", "item", "title",
        "description", "performer_user_id", "performer_role", "performer_addressing_object", "assignee_id", "status",
        "requires_acceptance", "outcomes", "form_fields", "stage", "subject_type", "subject_id", "created_at", "due_at",
        "postponed_until", "accepted_at", "closed_at", "completed_by", "outcome", "comment", "row_version", "due_sort", "active",
    ];

    public static async Task<Result> MeasureAsync(BenchmarkDatabase database, Size size, Action<int, int> progress)
    {
        await using var host = new EngineHost(database.Attach);
        await host.Maps.DeployAsync(BenchmarkMap.Build()); // creates the schema through the store

        var seed = Stopwatch.StartNew();
        var now = DateTimeOffset.UtcNow;
        if (database.IsPostgres)
        {
            await SeedPostgresAsync(database.ConnectionString, size, now, progress);
        }
        else
        {
            await SeedSqliteAsync(database.ConnectionString, size, now, progress);
        }

        // The rows went around the store, so its My tasks counters are rebuilt from them (part of seeding).
        await host.Services.GetRequiredService<EfWorkflowStore>().RecountOpenTasksAsync();
        var seedSeconds = seed.Elapsed.TotalSeconds;
        var random = new Random(7);
        for (var i = 0; i < Math.Min(50, size.Queries); i++)
        {
            await host.Tasks.MyTasksAsync(new TaskQuery { Actor = ActorOf(random.Next(size.Users), size) });
        }

        var latencies = new List<double>(size.Queries);
        long visible = 0;
        for (var i = 0; i < size.Queries; i++)
        {
            var actor = ActorOf(random.Next(size.Users), size);
            var one = Stopwatch.GetTimestamp();
            var page = await host.Tasks.MyTasksAsync(new TaskQuery { Actor = actor });
            latencies.Add(Stopwatch.GetElapsedTime(one).TotalMilliseconds);
            visible += page.TotalCount;
        }

        return new Result(Stats.Of(latencies), seedSeconds, visible / (double)size.Queries);
    }

    /// <summary>
    /// A user's memberships, the same every time for one user: one to three roles; a third of the users serve one of
    /// those roles for an addressing object (a department, a region) as well.
    /// </summary>
    public static Actor ActorOf(int user, Size size)
    {
        var random = new Random(user * 7919);
        var memberships = new List<RoleMembership>();
        var roles = 1 + random.Next(3);
        for (var r = 0; r < roles; r++)
        {
            memberships.Add(new RoleMembership(Role(random.Next(size.Roles))));
        }

        if (random.Next(3) == 0)
        {
            memberships.Add(new RoleMembership(memberships[0].Role, AddressingObject(random.Next(size.AddressingObjects))));
        }

        return new Actor(User(user), memberships);
    }

    private static string User(int i) => string.Create(CultureInfo.InvariantCulture, $"user-{i:D5}");

    private static string Role(int i) => string.Create(CultureInfo.InvariantCulture, $"role-{i:D3}");

    private static string AddressingObject(int i) => string.Create(CultureInfo.InvariantCulture, $"department-{i:D3}");

    /// <summary>
    /// One generated task row, in <see cref="Columns"/> order. Half are held by a user (a tenth of those accepted), 35 %
    /// sit in a role pool, 15 % in a role + addressing object pool; deadlines from ten days ago to a month ahead, a tenth
    /// without one; 2 % postponed into the future.
    /// </summary>
    private static object?[] Row(int i, Random random, Size size, DateTimeOffset now)
    {
        var instanceId = Guid.NewGuid();
        var kind = random.Next(100);
        string? user = kind < 50 ? User(random.Next(size.Users)) : null;
        string? role = kind >= 50 ? Role(random.Next(size.Roles)) : null;
        string? addressingObject = kind >= 85 ? AddressingObject(random.Next(size.AddressingObjects)) : null;
        var accepted = user is not null && random.Next(10) == 0;
        long? due = random.Next(10) == 0 ? null : (now + TimeSpan.FromMinutes(random.Next(-10 * 24 * 60, 30 * 24 * 60))).UtcTicks;
        long? postponed = random.Next(50) == 0 ? (now + TimeSpan.FromDays(3)).UtcTicks : null;
        var created = (now - TimeSpan.FromMinutes(random.Next(1, 60 * 24 * 60))).UtcTicks;
        return
        [
            Guid.NewGuid(), instanceId, instanceId, BenchmarkMap.Key, 1, "qualify", Guid.NewGuid(), null, null, string.Create(CultureInfo.InvariantCulture, $"Task {i}"),
            "", user, role, addressingObject, user, accepted ? "Accepted" : "Open",
            false, "[]", "[]", null, "deal", i.ToString(CultureInfo.InvariantCulture), created, due,
            postponed, accepted ? created : null, null, null, null, null, 0L, due ?? long.MaxValue, true,
        ];
    }

    /// <summary>
    /// One transaction of prepared INSERTs; Guids as the upper-case text EF Core's SQLite provider writes. Rows per
    /// statement stays small: Microsoft.Data.Sqlite binds every parameter by name and SQLite looks names up linearly, so a
    /// 500-row statement (15 500 parameters) is quadratic and far slower than many short statements in one transaction.
    /// </summary>
    private static async Task SeedSqliteAsync(string connectionString, Size size, DateTimeOffset now, Action<int, int> progress)
    {
        const int rowsPerStatement = 4;
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using (var pragmas = connection.CreateCommand())
        {
            pragmas.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;";
            await pragmas.ExecuteNonQueryAsync();
        }

        var sql = new StringBuilder($"INSERT INTO tasks ({string.Join(", ", Columns)}) VALUES ");
        for (var r = 0; r < rowsPerStatement; r++)
        {
            sql.Append(r == 0 ? "" : ", ").Append('(').AppendJoin(", ", Columns.Select((_, c) => $"$p{r}_{c}")).Append(')');
        }

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = sql.ToString();
        var parameters = new SqliteParameter[rowsPerStatement, Columns.Length];
        for (var r = 0; r < rowsPerStatement; r++)
        {
            for (var c = 0; c < Columns.Length; c++)
            {
                parameters[r, c] = insert.Parameters.Add(new SqliteParameter($"$p{r}_{c}", null));
            }
        }

        var random = new Random(42);
        for (var done = 0; done < size.Tasks; done += rowsPerStatement)
        {
            for (var r = 0; r < rowsPerStatement; r++)
            {
                var row = Row(done + r, random, size, now);
                for (var c = 0; c < Columns.Length; c++)
                {
                    parameters[r, c].Value = row[c] switch
                    {
                        null => DBNull.Value,
                        Guid g => g.ToString().ToUpperInvariant(),
                        bool b => b ? 1 : 0,
                        var value => value,
                    };
                }
            }

            await insert.ExecuteNonQueryAsync();
            if (done % 20_000 < rowsPerStatement)
            {
                progress(done, size.Tasks);
            }
        }

        await transaction.CommitAsync();
        progress(size.Tasks, size.Tasks);
        await using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE";
        await analyze.ExecuteNonQueryAsync();
    }

    /// <summary>Binary COPY into the tasks table.</summary>
    private static async Task SeedPostgresAsync(string connectionString, Size size, DateTimeOffset now, Action<int, int> progress)
    {
        NpgsqlDbType[] types =
        [
            NpgsqlDbType.Uuid, NpgsqlDbType.Uuid, NpgsqlDbType.Uuid, NpgsqlDbType.Varchar, NpgsqlDbType.Integer, NpgsqlDbType.Varchar, NpgsqlDbType.Uuid, NpgsqlDbType.Integer, NpgsqlDbType.Text, NpgsqlDbType.Varchar,
            NpgsqlDbType.Text, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar,
            NpgsqlDbType.Boolean, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Bigint, NpgsqlDbType.Bigint,
            NpgsqlDbType.Bigint, NpgsqlDbType.Bigint, NpgsqlDbType.Bigint, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Text, NpgsqlDbType.Bigint,
            NpgsqlDbType.Bigint, NpgsqlDbType.Boolean,
        ];
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var random = new Random(42);
        await using (var copy = await connection.BeginBinaryImportAsync($"COPY tasks ({string.Join(", ", Columns)}) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < size.Tasks; i++)
            {
                var row = Row(i, random, size, now);
                await copy.StartRowAsync();
                for (var c = 0; c < Columns.Length; c++)
                {
                    if (row[c] is null)
                    {
                        await copy.WriteNullAsync();
                    }
                    else
                    {
                        await copy.WriteAsync(row[c], types[c]);
                    }
                }

                if (i % 20_000 == 0)
                {
                    progress(i, size.Tasks);
                }
            }

            await copy.CompleteAsync();
        }

        progress(size.Tasks, size.Tasks);
        // VACUUM sets the visibility map, as autovacuum would on a live table, so counts can use index-only scans.
        await using var analyze = new NpgsqlCommand("VACUUM ANALYZE tasks", connection);
        await analyze.ExecuteNonQueryAsync();
    }
}
