using CrmBpm.Testing.Postgres;
using System.Text.Json;
using CrmBpm.EntityFrameworkCore.Tests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace CrmBpm.EntityFrameworkCore.Tests.MultiNode;

/// <summary>
/// Three real node processes (CrmBpm.NodeHost) on one fresh PostgreSQL database race for the same pool tasks and the same
/// due timers; one is killed with SIGKILL mid-work while holding timer leases it never fires. Afterwards the database must
/// look as if one engine had done all the work: consistent tokens and tasks, no double completion, every due timer fired
/// exactly once (the killed node's leases taken over), complete history.
/// </summary>
[RequiresPostgres]
public sealed class SeveralNodeProcessesOnOnePostgreSql(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private static readonly string[] ActionPoints = ["qualify", "offer", "credit", "ship", "watch"];

    private readonly PostgresTestDatabase _database = new();
    private readonly List<NodeProcess> _nodes = [];
    private readonly string _folder = Directory.CreateTempSubdirectory("crmbpm-nodes-").FullName;

    public Task InitializeAsync() => _database.CreateAsync();

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            node.Dispose();
        }

        await _database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Three_node_processes_behave_as_one_engine_when_one_is_killed_mid_work()
    {
        await NodeProcess.DeployAsync(_database.ConnectionString, StartTimeout);
        var survivors = new[] { "node-a", "node-b" };
        var starting = survivors.Select(name => StartNode(name, PollInterval, hang: false)).ToList();
        starting.Add(StartNode("node-victim", TimeSpan.FromMilliseconds(50), hang: true)); // polls fastest, so it wins leases
        var nodes = await Task.WhenAll(starting);
        _nodes.AddRange(nodes);
        var victim = nodes[^1];

        // Work until the victim holds leased timers (it hangs right after leasing), then kill it mid-work.
        var victimLeases = Path.Combine(_folder, "node-victim.leases");
        for (var waited = TimeSpan.Zero; !File.Exists(victimLeases) && waited < TimeSpan.FromSeconds(20); waited += TimeSpan.FromMilliseconds(200))
        {
            await Task.Delay(200);
        }

        File.Exists(victimLeases).ShouldBeTrue("the victim never leased a reminder");
        await Task.Delay(TimeSpan.FromSeconds(2));
        victim.Kill();

        // The others go on past the victim's lease duration, then stop their load and keep firing until no timer is
        // overdue (a liveness bound: on a busy machine a node may lease a batch and fire it slowly), then stop.
        await Task.Delay(LeaseDuration + TimeSpan.FromSeconds(4));
        foreach (var node in nodes[..^1])
        {
            await node.DrainAsync();
        }

        var drainedAt = await WaitUntilNoTimerIsOverdueAsync(TimeSpan.FromSeconds(45));
        var summaries = new List<JsonElement>();
        foreach (var node in nodes[..^1])
        {
            summaries.Add(JsonDocument.Parse(await node.StopAsync(TimeSpan.FromSeconds(60))).RootElement);
        }

        foreach (var summary in summaries)
        {
            summary.GetProperty("completed").GetInt64().ShouldBeGreaterThan(0, summary.ToString());
            summary.GetProperty("errors").GetInt64().ShouldBe(0, summary.ToString());
        }

        var state = await DatabaseState.ReadAsync(_database.ConnectionString);
        var victimLeaseLog = File.ReadAllLines(victimLeases);
        output.WriteLine(string.Join(Environment.NewLine, summaries));
        output.WriteLine($"instances {state.Instances.Count} ({state.Instances.Count(i => i.Status == "Completed")} completed), " +
            $"tasks {state.Tasks.Count} ({state.Tasks.Count(t => t.Status == "Completed")} completed), " +
            $"timers {state.Timers.Count} ({state.Timers.Count(t => t.FiredAt != null)} fired), victim leased {victimLeaseLog.Length}");
        AssertTokensAndTasksAreConsistent(state);
        AssertNoTaskWasCompletedTwice(state);
        AssertHistoryIsContiguous(state);
        AssertEveryDueTimerFiredOnce(state, drainedAt);
        AssertTheVictimsLeasesWereTakenOver(state, victimLeaseLog);
    }

    private Task<NodeProcess> StartNode(string name, TimeSpan pollInterval, bool hang)
    {
        var arguments = new List<string>
        {
            "run", "--connection", _database.ConnectionString, "--node-id", name,
            "--poll-ms", ((int)pollInterval.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--lease-ms", ((int)LeaseDuration.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--workers", "2", "--watch-every-ms", "300", "--lease-log", Path.Combine(_folder, name + ".leases"),
            "--stdin-control", "--duration-s", "120",
        };
        if (hang)
        {
            arguments.Add("--hang-after-lease");
        }

        return NodeProcess.StartAsync(name, arguments, StartTimeout);
    }

    private static void AssertTokensAndTasksAreConsistent(DatabaseState state)
    {
        state.Instances.ShouldNotBeEmpty();
        state.Instances.ShouldAllBe(i => i.Status == "Active" || i.Status == "Completed", "no incident, no termination");
        var activeTasks = state.Tasks.Where(t => t.IsActive).ToLookup(t => t.InstanceId);
        foreach (var instance in state.Instances)
        {
            var tasks = activeTasks[instance.Id].ToList();
            if (instance.Status == "Completed")
            {
                instance.Tokens.ShouldBeEmpty($"completed instance {instance.Id}");
                tasks.ShouldBeEmpty($"completed instance {instance.Id}");
                continue;
            }

            instance.Tokens.ShouldNotBeEmpty($"active instance {instance.Id}");
            foreach (var token in instance.Tokens)
            {
                if (ActionPoints.Contains(token.PointId))
                {
                    token.State.ShouldBe("Waiting", $"token at {token.PointId} of {instance.Id}");
                    tasks.Count(t => t.TokenId == token.Id).ShouldBe(token.PendingTasks, $"active tasks of the token at {token.PointId} of {instance.Id}");
                    token.PendingTasks.ShouldBe(1);
                }
                else
                {
                    token.PointId.ShouldBe("join", $"a token of {instance.Id} rests outside an action");
                    token.State.ShouldBe("Merging");
                }
            }

            tasks.ShouldAllBe(t => instance.Tokens.Any(token => token.Id == t.TokenId), $"an active task of {instance.Id} has no token");
        }

        var instanceIds = state.Instances.Select(i => i.Id).ToHashSet();
        state.Tasks.ShouldAllBe(t => instanceIds.Contains(t.InstanceId));
    }

    private static void AssertNoTaskWasCompletedTwice(DatabaseState state)
    {
        var completions = state.History.Where(h => h.Kind == "TaskCompleted").GroupBy(h => h.TaskId).ToDictionary(g => g.Key!.Value, g => g.Count());
        var completed = state.Tasks.Where(t => t.Status == "Completed").ToList();
        completed.Count.ShouldBeGreaterThan(0);
        foreach (var task in completed)
        {
            completions.GetValueOrDefault(task.Id).ShouldBe(1, $"TaskCompleted entries of task {task.Id}");
        }

        completions.Count.ShouldBe(completed.Count, "history records completions only of completed tasks");
    }

    private static void AssertHistoryIsContiguous(DatabaseState state)
    {
        var history = state.History.ToLookup(h => h.InstanceId);
        foreach (var instance in state.Instances)
        {
            var sequences = history[instance.Id].Select(h => h.Sequence).Order().ToList();
            sequences.ShouldBe(Enumerable.Range(1, (int)instance.HistoryCount).Select(i => (long)i).ToList(), $"history of {instance.Id}");
        }
    }

    /// <summary>Polls until no unfired timer is more than a second overdue; returns that moment.</summary>
    private async Task<DateTimeOffset> WaitUntilNoTimerIsOverdueAsync(TimeSpan timeout)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var now = DateTimeOffset.UtcNow;
            await using var command = new NpgsqlCommand("SELECT count(*) FROM timers WHERE fired_at IS NULL AND due_at < @due", connection);
            command.Parameters.AddWithValue("due", (now - TimeSpan.FromSeconds(1)).UtcTicks);
            var overdue = (long)(await command.ExecuteScalarAsync())!;
            if (overdue == 0)
            {
                return now;
            }

            now.ShouldBeLessThan(deadline, $"{overdue} timer(s) still unfired {timeout.TotalSeconds} s after the load stopped");
            await Task.Delay(250);
        }
    }

    private static void AssertEveryDueTimerFiredOnce(DatabaseState state, DateTimeOffset drainedAt)
    {
        var due = state.Timers.Where(t => t.DueAt < drainedAt - TimeSpan.FromSeconds(1)).ToList();
        due.Count(t => t.Kind == "Deadline").ShouldBeGreaterThan(0);
        due.Count(t => t.Kind == "Reminder").ShouldBeGreaterThan(0);
        due.ShouldAllBe(t => t.FiredAt != null, "every due timer fired");

        var entries = state.History
            .Where(h => h.Kind is "TaskDeadlineReached" or "TaskReminder")
            .GroupBy(h => (TaskId: h.TaskId!.Value, Kind: h.Kind == "TaskReminder" ? "Reminder" : "Deadline"))
            .ToDictionary(g => g.Key, g => g.Count());
        var fired = state.Timers.Where(t => t.FiredAt != null).ToList();
        foreach (var timer in fired)
        {
            entries.GetValueOrDefault((timer.TaskId, timer.Kind)).ShouldBe(1, $"history entries of {timer.Kind} timer {timer.Id}");
        }

        entries.Count.ShouldBe(fired.Count, "no timer history without a fired timer");
    }

    private static void AssertTheVictimsLeasesWereTakenOver(DatabaseState state, string[] leaseLog)
    {
        var leased = leaseLog.Select(line => Guid.Parse(line.Split(' ')[0])).ToHashSet();
        leased.ShouldNotBeEmpty();
        // A held ship deadline may have vanished with its task; the held reminder (the reason the node hung) cannot.
        var timers = state.Timers.Where(t => leased.Contains(t.Id)).ToList();
        timers.ShouldContain(t => t.Kind == "Reminder", "watched tasks stay open, so their timers stay in the table");
        foreach (var timer in timers)
        {
            timer.FiredAt.ShouldNotBeNull($"timer {timer.Id} leased by the killed node");
            timer.LeaseOwner.ShouldNotBe("node-victim", $"timer {timer.Id} should have been taken over after the lease expired");
        }
    }

    private sealed record InstanceRow(Guid Id, string Status, long HistoryCount, IReadOnlyList<TokenRow> Tokens);

    private sealed record TokenRow(Guid Id, string PointId, string State, int PendingTasks);

    private sealed record TaskRow(Guid Id, Guid InstanceId, Guid TokenId, string Status)
    {
        public bool IsActive => Status is "Open" or "Accepted";
    }

    private sealed record HistoryRow(Guid InstanceId, long Sequence, string Kind, Guid? TaskId);

    private sealed record TimerRow(Guid Id, Guid TaskId, string Kind, DateTimeOffset DueAt, DateTimeOffset? FiredAt, string? LeaseOwner);

    /// <summary>The rows the invariants look at, read with plain SQL (not through the store under test).</summary>
    private sealed record DatabaseState(List<InstanceRow> Instances, List<TaskRow> Tasks, List<HistoryRow> History, List<TimerRow> Timers)
    {
        private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

        public static async Task<DatabaseState> ReadAsync(string connectionString)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            var instances = await ReadAsync(connection, "SELECT id, status, history_count, tokens FROM instances", r =>
                new InstanceRow(r.GetGuid(0), r.GetString(1), r.GetInt64(2), JsonSerializer.Deserialize<List<TokenRow>>(r.GetString(3), Json)!));
            var tasks = await ReadAsync(connection, "SELECT id, instance_id, token_id, status FROM tasks", r =>
                new TaskRow(r.GetGuid(0), r.GetGuid(1), r.GetGuid(2), r.GetString(3)));
            var history = await ReadAsync(connection, "SELECT instance_id, sequence, kind, task_id FROM history", r =>
                new HistoryRow(r.GetGuid(0), r.GetInt64(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetGuid(3)));
            var timers = await ReadAsync(connection, "SELECT id, task_id, kind, due_at, fired_at, lease_owner FROM timers", r =>
                new TimerRow(r.GetGuid(0), r.GetGuid(1), r.GetString(2), Ticks(r.GetInt64(3)), r.IsDBNull(4) ? null : Ticks(r.GetInt64(4)), r.IsDBNull(5) ? null : r.GetString(5)));
            return new DatabaseState(instances, tasks, history, timers);
        }

        private static DateTimeOffset Ticks(long ticks) => new(ticks, TimeSpan.Zero);

        private static async Task<List<T>> ReadAsync<T>(NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> map)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<T>();
            while (await reader.ReadAsync())
            {
                rows.Add(map(reader));
            }

            return rows;
        }
    }
}
