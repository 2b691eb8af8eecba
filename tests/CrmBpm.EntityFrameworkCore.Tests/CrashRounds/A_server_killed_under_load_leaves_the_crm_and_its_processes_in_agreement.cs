using System.Diagnostics;
using System.Reflection;
using CrmBpm.Crm.DependencyInjection;
using CrmBpm.Engine.DependencyInjection;
using CrmBpm.Testing.Agreement;
using CrmBpm.Testing.Postgres;
using CrmBpm.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CrmBpm.EntityFrameworkCore.Tests.CrashRounds;

/// <summary>
/// Trust §4: the real server under load from concurrent API clients is killed with SIGKILL at a random moment, restarted
/// on the same database, and the CRM is checked against the engine after every restart. A process step and the CRM
/// changes it causes are one transaction, and so are a record and the process started or stopped for it (opening a
/// deal, giving an instruction, registering a claim, changing a deal's kind): no deal, instruction or claim may ever
/// split from its process, nor exist without it.
/// </summary>
public abstract class A_server_killed_under_load_leaves_the_crm_and_its_processes_in_agreement(ITestOutputHelper output, CrashRoundsDatabase database) : IAsyncLifetime
{
    private const int Rounds = 20;
    private const int Clients = 12;
    private const int Seed = 4242;
    private const int WarmCommands = 5;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan AllRounds = TimeSpan.FromMinutes(15);

    // The real server, built beside its own project (see the test project file), killed with SIGKILL.
    private static readonly string ServerDll = typeof(CrashRoundsDatabase).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "ServerDll").Value!;

    private readonly CrashRoundsDatabase _database = database;

    [Fact]
    public async Task Twenty_kills_at_random_moments_leave_no_record_split_from_its_process()
    {
        var environment = new Dictionary<string, string>(_database.ServerEnvironment)
        {
            // Twelve clients sign in again after every restart, all from 127.0.0.1.
            ["Security__SignInPermitLimit"] = "100000",
            ["Security__LockoutAttempts"] = "100000",
        };
        var port = AppProcess.FreePort();
        var random = new Random(Seed);
        var clock = Stopwatch.StartNew();
        var server = await AppProcess.StartAsync(ServerDll, port, environment, StartTimeout);
        await using var services = CheckerServices();
        var agreement = RootInstances.Agreement(services);
        var splits = new List<(int Round, Disagreement Disagreement)>();
        var commands = 0;
        try
        {
            var baseline = await agreement.CheckAsync();
            output.WriteLine($"{_database.Provider}: demo data {baseline.Deals} deals, {baseline.Instructions} instructions, {baseline.Claims} claims: {baseline.Summary()}");
            splits.AddRange(baseline.Splits.Select(d => (0, d)));
            foreach (var split in baseline.Splits)
            {
                output.WriteLine($"    SPLIT {split}");
            }

            var load = new CrmLoad(server.BaseAddress, Seed);
            for (var round = 1; round <= Rounds; round++)
            {
                clock.Elapsed.ShouldBeLessThan(AllRounds, $"round {round} would start after {clock.Elapsed:m\\:ss}");
                var killAfter = TimeSpan.FromMilliseconds(random.Next(500, 3000));
                using var stop = new CancellationTokenSource();
                var figures = new LoadFigures();
                var running = load.RunAsync(Clients, figures, stop.Token);
                var warming = Stopwatch.StartNew();
                await figures.WaitForCommandsAsync(WarmCommands, StartTimeout);
                var warm = warming.Elapsed;
                await Task.Delay(killAfter);
                server.Kill();
                await stop.CancelAsync();
                await running;
                server.Dispose();

                var restart = Stopwatch.StartNew();
                server = await AppProcess.StartAsync(ServerDll, port, environment, StartTimeout);
                var report = await agreement.CheckAsync();
                commands += figures.Commands;
                splits.AddRange(report.Splits.Select(d => (round, d)));
                output.WriteLine($"round {round,2}: warm after {warm.TotalSeconds:0.0} s, killed {killAfter.TotalMilliseconds,4:0} ms later; {figures}; restarted in {restart.Elapsed.TotalSeconds:0.0} s; " +
                    $"{report.Deals} deals, {report.Instructions} instructions, {report.Claims} claims, {report.Instances} processes: {report.Summary()}");
                foreach (var split in report.Splits)
                {
                    output.WriteLine($"    SPLIT {split}");
                }
            }

            output.WriteLine($"{_database.Provider}: {Rounds} rounds, {commands} commands accepted, {splits.Count} splits, {clock.Elapsed:m\\:ss}");
        }
        finally
        {
            server.Dispose();
        }

        commands.ShouldBeGreaterThan(Rounds, "the clients hardly reached the server, so the kills hit an idle one");
        splits.ShouldBeEmpty(string.Join(Environment.NewLine, splits.Select(s => $"round {s.Round}: {s.Disagreement}")));
    }

    public Task InitializeAsync() => _database.Database.CreateAsync();

    public async Task DisposeAsync() => await _database.Database.DisposeAsync();

    private ServiceProvider CheckerServices()
    {
        var services = new ServiceCollection();
        services.AddCrmBpm(bpm =>
        {
            _database.Database.Attach(bpm);
            bpm.AddCrm(crm => crm.UseEngineDatabase());
        });
        return services.BuildServiceProvider();
    }
}

public sealed class A_server_killed_under_load_on_sqlite_leaves_the_crm_and_its_processes_in_agreement(ITestOutputHelper output)
    : A_server_killed_under_load_leaves_the_crm_and_its_processes_in_agreement(output, CrashRoundsDatabase.Sqlite());

[RequiresPostgres]
public sealed class A_server_killed_under_load_on_postgresql_leaves_the_crm_and_its_processes_in_agreement(ITestOutputHelper output)
    : A_server_killed_under_load_leaves_the_crm_and_its_processes_in_agreement(output, CrashRoundsDatabase.PostgreSql());
