using CrmBpm.Engine.DependencyInjection;
using CrmBpm.EntityFrameworkCore.Tests.Contract;
using CrmBpm.EntityFrameworkCore.Tests.Infrastructure;
using CrmBpm.Testing.Scenarios;

namespace CrmBpm.EntityFrameworkCore.Tests.Sqlite;

// Every shared scenario suite (tests/CrmBpm.Testing/Scenarios) and every persistence contract suite on SQLite: one sealed
// subclass each, a temp file per test. A new scenario suite gets a class like Sqlite_sequence here and in PostgreSqlSuites.cs.

public sealed class Sqlite_sequence : SequenceScenarios
{
    private readonly SqliteTestFile _database = new();

    protected override void UseStore(CrmBpmBuilder bpm) => _database.Attach(bpm);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }
}

public sealed class Sqlite_parallel_completions : ParallelCompletionContract
{
    protected override ITestDatabase CreateDatabase() => new SqliteTestFile();
}

public sealed class Sqlite_restart : RestartContract
{
    protected override ITestDatabase CreateDatabase() => new SqliteTestFile();
}

public sealed class Sqlite_timer_leasing : TimerLeasingContract
{
    protected override ITestDatabase CreateDatabase() => new SqliteTestFile();
}

public sealed class Sqlite_my_tasks : MyTasksQueryContract
{
    protected override ITestDatabase CreateDatabase() => new SqliteTestFile();
}

public sealed class Sqlite_session : SessionContract
{
    protected override ITestDatabase CreateDatabase() => new SqliteTestFile();
}
