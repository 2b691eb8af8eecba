using CrmBpm.Engine.DependencyInjection;
using CrmBpm.EntityFrameworkCore.Tests.Contract;
using CrmBpm.EntityFrameworkCore.Tests.Infrastructure;
using CrmBpm.Testing.Scenarios;

namespace CrmBpm.EntityFrameworkCore.Tests.PostgreSql;

// Every shared scenario suite and every persistence contract suite on PostgreSQL: one sealed subclass each, a fresh database
// per test. [RequiresPostgres] skips them when CRMBPM_TEST_POSTGRES is not set (see Infrastructure/CrmBpmTestFramework.cs);
// when it is set, an unreachable server fails them.

[RequiresPostgres]
public sealed class Postgres_sequence : SequenceScenarios
{
    private readonly PostgresTestDatabase _database = new();

    protected override void UseStore(CrmBpmBuilder bpm) => _database.Attach(bpm);

    public override async Task InitializeAsync()
    {
        await _database.CreateAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }
}

[RequiresPostgres]
public sealed class Postgres_parallel_completions : ParallelCompletionContract
{
    protected override ITestDatabase CreateDatabase() => new PostgresTestDatabase();
}

[RequiresPostgres]
public sealed class Postgres_restart : RestartContract
{
    protected override ITestDatabase CreateDatabase() => new PostgresTestDatabase();
}

[RequiresPostgres]
public sealed class Postgres_timer_leasing : TimerLeasingContract
{
    protected override ITestDatabase CreateDatabase() => new PostgresTestDatabase();
}

[RequiresPostgres]
public sealed class Postgres_my_tasks : MyTasksQueryContract
{
    protected override ITestDatabase CreateDatabase() => new PostgresTestDatabase();
}

[RequiresPostgres]
public sealed class Postgres_session : SessionContract
{
    protected override ITestDatabase CreateDatabase() => new PostgresTestDatabase();
}
