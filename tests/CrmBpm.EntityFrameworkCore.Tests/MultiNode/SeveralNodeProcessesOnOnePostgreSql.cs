using CrmBpm.Testing.Postgres;
using System.Text.Json;
using CrmBpm.EntityFrameworkCore.Tests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace CrmBpm.EntityFrameworkCore.Tests.MultiNode;

/// <summary>
/// Three real node processes (CrmBpm.NodeHost) on one fresh PostgreSQL database race for the same pool tasks, the same
/// due timers and the same jobs (automatic steps); one is killed with SIGKILL mid-work while holding timer leases it never
/// fires and while one of its handlers runs. Afterwards the database must look as if one engine had done all the work:
/// consistent tokens and tasks, no double completion, every due timer, timer event and job fired exactly once (the killed
/// node's leases taken over, its unfinished job run again elsewhere with the same idempotency key), complete history.
/// </summary>
[RequiresPostgres]
public sealed class SeveralNodeProcessesOnOnePostgreSql(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private static readonly string[] ActionPoints = ["qualify", "offer", "credit", "ship", "watch"];
    private const string AutoMap = "node-auto";

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
    public async Task Three_node_processes_behave_as_one_engine_when_one_is_killed_mid_work_and_mid_handler()
    {
        await NodeProcess.DeployAsync(_database.ConnectionString, StartTimeout);
        var survivors = new[] { "node-a", "node-b" };
        var starting = survivors.Select(name => StartNode(name, PollInterval, hang: false)).ToList();
        starting.Add(StartNode("node-victim", TimeSpan.FromMilliseconds(50), hang: true)); // polls fastest, so it wins leases
        var nodes = await Task.WhenAll(starting);
        _nodes.AddRange(nodes);
        var victim = nodes[^1];

        // Work until the victim has dropped leased reminders and hangs inside a handler, then kill it mid-work.
        var victimLeases = Path.Combine(_folder, "node-victim.leases");
        var victimHandlerRuns = Path.Combine(_folder, "node-victim.handler");
        for (var waited = TimeSpan.Zero; !VictimHangsInHandler(victimHandlerRuns) && waited < TimeSpan.FromSeconds(30); waited += TimeSpan.FromMilliseconds(200))
        {
            await Task.Delay(200);
        }

        File.Exists(victimLeases).ShouldBeTrue("the victim never leased a reminder");
        VictimHangsInHandler(victimHandlerRuns).ShouldBeTrue("the victim never ran a handler after dropping its reminders");
        await Task.Delay(TimeSpan.FromSeconds(1));
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
        var handlerRuns = ReadHandlerRuns();
        output.WriteLine($"automatic instances {state.Instances.Count(i => i.MapKey == AutoMap)}, handler runs {handlerRuns.Count} " +
            $"({handlerRuns.Count(r => r.Node == "node-victim")} on the victim, {handlerRuns.Count - handlerRuns.Select(r => r.Key).Distinct().Count()} repeated)");
        AssertEveryJobAndTimerEventRanOnceAndTheVictimsJobAgain(state, handlerRuns);
    }

    private static bool VictimHangsInHandler(string handlerLog) =>
        File.Exists(handlerLog) && File.ReadAllLines(handlerLog).Any(line => line.EndsWith(" hung", StringComparison.Ordinal));

    private List<HandlerRun> ReadHandlerRuns() =>
        Directory.GetFiles(_folder, "*.handler")
            .SelectMany(File.ReadAllLines)
            .Select(line => line.Split(' '))
            .Select(parts => new HandlerRun(Guid.Parse(parts[0]), parts[1], parts[2], parts[3]))
            .ToList();

    private Task<NodeProcess> StartNode(string name, TimeSpan pollInterval, bool hang)
    {
        var arguments = new List<string>
        {
            "run", "--connection", _database.ConnectionString, "--node-id", name,
            "--poll-ms", ((int)pollInterval.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--lease-ms", ((int)LeaseDuration.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--workers", "2", "--watch-every-ms", "300", "--lease-log", Path.Combine(_folder, name + ".leases"),
            "--auto-every-ms", "400", "--handler-log", Path.Combine(_folder, name + ".handler"),
            "--stdin-control", "--duration-s", "120",
        };
        if (hang)
        {
            arguments.AddRange(["--drop-leased-reminders", "--hang-in-handler"]);
        }

        return NodeProcess.StartAsync(name, arguments, StartTimeout);
    }

    private static void AssertTokensAndTasksAreConsistent(DatabaseState state)
    {
        state.Instances.ShouldNotBeEmpty();
        state.Instances.ShouldAllBe(i => i.Status == "Active" || i.Status == "Completed", "no incident, no termination");
        state.Instances.Where(i => i.MapKey == AutoMap).ShouldAllBe(i => i.Status == "Completed", "every job and timer event has run, so every automatic instance ended");
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

    /// <summary>
    /// Polls until no unfired timer is more than a second overdue and no job or timer event is left at all (they belong to
    /// automatic instances, which end within a second once the load stopped); returns that moment.
    /// </summary>
    private async Task<DateTimeOffset> WaitUntilNoTimerIsOverdueAsync(TimeSpan timeout)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var now = DateTimeOffset.UtcNow;
            await using var command = new NpgsqlCommand("SELECT count(*) FROM timers WHERE fired_at IS NULL AND (due_at < @due OR kind IN ('Job', 'TimerEvent'))", connection);
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
        var fired = state.Timers.Where(t => t.FiredAt != null && t.Kind is "Deadline" or "Reminder").ToList();
        foreach (var timer in fired)
        {
            entries.GetValueOrDefault((timer.TaskId, timer.Kind)).ShouldBe(1, $"history entries of {timer.Kind} timer {timer.Id}");
        }

        entries.Count.ShouldBe(fired.Count, "no timer history without a fired timer");
    }

    /// <summary>
    /// Every automatic instance ran its job and its timer event exactly once as the engine records them (one JobCompleted,
    /// one TimerFired), its handler ran at least once, and a second run of a job happened only because the victim died
    /// inside it: the same idempotency key, run again by a survivor after the victim's lease ended.
    /// </summary>
    private static void AssertEveryJobAndTimerEventRanOnceAndTheVictimsJobAgain(DatabaseState state, List<HandlerRun> runs)
    {
        var automatic = state.Instances.Where(i => i.MapKey == AutoMap).ToList();
        automatic.ShouldNotBeEmpty();
        var history = state.History.ToLookup(h => h.InstanceId);
        var runsOf = runs.ToLookup(r => r.InstanceId);
        foreach (var instance in automatic)
        {
            history[instance.Id].Count(h => h.Kind == "JobCompleted").ShouldBe(1, $"JobCompleted entries of {instance.Id}");
            history[instance.Id].Count(h => h.Kind == "TimerFired").ShouldBe(1, $"TimerFired entries of {instance.Id}");
            var jobs = state.Timers.Where(t => t.InstanceId == instance.Id && t.Kind == "Job").ToList();
            jobs.ShouldNotBeEmpty($"jobs of {instance.Id}");
            jobs.ShouldAllBe(t => t.FiredAt != null, $"jobs of {instance.Id}");
            var ran = runsOf[instance.Id].Where(r => r.What == "ran").ToList();
            ran.ShouldNotBeEmpty($"handler runs of {instance.Id}");
            ran.Select(r => r.Key).Distinct().Count().ShouldBe(1, $"one job, one idempotency key for {instance.Id}");
            if (ran.Count > 1)
            {
                ran.ShouldContain(r => r.Node == "node-victim", $"{instance.Id}'s job ran {ran.Count} times though no node died inside it");
            }
        }

        var hung = runs.Where(r => r.What == "hung").ToList();
        hung.Count.ShouldBe(1, "the victim hung in exactly one handler");
        var again = runs.Where(r => r.Key == hung[0].Key && r.What == "ran").ToList();
        again.ShouldNotBeEmpty("the job the victim died in ran again");
        again.ShouldAllBe(r => r.Node != "node-victim", "the victim never came back from its hung handler");
        var job = state.Timers.Single(t => t.InstanceId == hung[0].InstanceId && t.Kind == "Job");
        job.LeaseOwner.ShouldNotBe("node-victim", "the job held by the killed node is taken over when its lease ends");
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

    private sealed record InstanceRow(Guid Id, string MapKey, string Status, long HistoryCount, IReadOnlyList<TokenRow> Tokens);

    private sealed record TokenRow(Guid Id, string PointId, string State, int PendingTasks);

    private sealed record TaskRow(Guid Id, Guid InstanceId, Guid TokenId, string Status)
    {
        public bool IsActive => Status is "Open" or "Accepted";
    }

    private sealed record HistoryRow(Guid InstanceId, long Sequence, string Kind, Guid? TaskId);

    private sealed record TimerRow(Guid Id, Guid InstanceId, Guid TaskId, string Kind, DateTimeOffset DueAt, DateTimeOffset? FiredAt, string? LeaseOwner);

    /// <summary>One line of a node's handler log: <c>instanceId idempotencyKey node ran|hung</c>.</summary>
    private sealed record HandlerRun(Guid InstanceId, string Key, string Node, string What);

    /// <summary>The rows the invariants look at, read with plain SQL (not through the store under test).</summary>
    private sealed record DatabaseState(List<InstanceRow> Instances, List<TaskRow> Tasks, List<HistoryRow> History, List<TimerRow> Timers)
    {
        private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

        public static async Task<DatabaseState> ReadAsync(string connectionString)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            var instances = await ReadAsync(connection, "SELECT id, map_key, status, history_count, tokens FROM instances", r =>
                new InstanceRow(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetInt64(3), JsonSerializer.Deserialize<List<TokenRow>>(r.GetString(4), Json)!));
            var tasks = await ReadAsync(connection, "SELECT id, instance_id, token_id, status FROM tasks", r =>
                new TaskRow(r.GetGuid(0), r.GetGuid(1), r.GetGuid(2), r.GetString(3)));
            var history = await ReadAsync(connection, "SELECT instance_id, sequence, kind, task_id FROM history", r =>
                new HistoryRow(r.GetGuid(0), r.GetInt64(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetGuid(3)));
            var timers = await ReadAsync(connection, "SELECT id, instance_id, task_id, kind, due_at, fired_at, lease_owner FROM timers", r =>
                new TimerRow(r.GetGuid(0), r.GetGuid(1), r.GetGuid(2), r.GetString(3), Ticks(r.GetInt64(4)), r.IsDBNull(5) ? null : Ticks(r.GetInt64(5)), r.IsDBNull(6) ? null : r.GetString(6)));
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
