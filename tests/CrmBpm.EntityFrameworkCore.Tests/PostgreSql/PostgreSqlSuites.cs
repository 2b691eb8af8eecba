using CrmBpm.Testing.Postgres;
using CrmBpm.Engine.DependencyInjection;
using CrmBpm.EntityFrameworkCore.Tests.Contract;
using CrmBpm.EntityFrameworkCore.Tests.Infrastructure;
using CrmBpm.Testing;
using CrmBpm.Testing.Scenarios;

namespace CrmBpm.EntityFrameworkCore.Tests.PostgreSql;

// Every shared scenario suite and every persistence contract suite on PostgreSQL: one sealed subclass each, a fresh database
// per test. [RequiresPostgres] skips them when CRMBPM_TEST_POSTGRES is not set (see Infrastructure/CrmBpmTestFramework.cs);
// when it is set, an unreachable server fails them.

[RequiresPostgres]
public sealed class Postgres_sequence : SequenceScenarios
{
    protected override ITestDatabase CreateDatabase() => new PostgresTestDatabase();
}

[RequiresPostgres]
public sealed class Postgres_condition : ConditionScenarios
{
    protected override ITestDatabase CreateDatabase() => new PostgresTestDatabase();
}

[RequiresPostgres]
public sealed class Postgres_start_variables : StartVariableScenarios
{
    protected override ITestDatabase CreateDatabase() => new PostgresTestDatabase();
}

[RequiresPostgres]
public sealed class Postgres_choice : ChoiceScenarios
{
    protected override ITestDatabase CreateDatabase() => new PostgresTestDatabase();
}

[RequiresPostgres]
public sealed class Postgres_implicit_split : ImplicitSplitScenarios
{
    protected override ITestDatabase CreateDatabase() => new PostgresTestDatabase();
}

[RequiresPostgres]
public sealed class Postgres_split_merge : SplitMergeScenarios
{
    protected override ITestDatabase CreateDatabase() => new PostgresTestDatabase();
}

[RequiresPostgres]
public sealed class Postgres_nested_process : NestedProcessScenarios
{
    protected override ITestDatabase CreateDatabase() => new PostgresTestDatabase();
}

[RequiresPostgres]
public sealed class Postgres_multi_instance : MultiInstanceScenarios
{
    protected override ITestDatabase CreateDatabase() => new PostgresTestDatabase();
}

[RequiresPostgres]
public sealed class Postgres_task_actions : TaskActionScenarios
{
    protected override ITestDatabase CreateDatabase() => new PostgresTestDatabase();
}

[RequiresPostgres]
public sealed class Postgres_my_tasks_scenarios : MyTasksScenarios
{
    protected override ITestDatabase CreateDatabase() => new PostgresTestDatabase();
}

[RequiresPostgres]
public sealed class Postgres_instance_operations : InstanceOperationScenarios
{
    protected override ITestDatabase CreateDatabase() => new PostgresTestDatabase();
}

[RequiresPostgres]
public sealed class Postgres_timers : TimerScenarios
{
    protected override ITestDatabase CreateDatabase() => new PostgresTestDatabase();
}

[RequiresPostgres]
public sealed class Postgres_concurrency : ConcurrencyScenarios
{
    protected override ITestDatabase CreateDatabase() => new PostgresTestDatabase();
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

[RequiresPostgres]
public sealed class Postgres_my_tasks_total : MyTasksTotalContract
{
    protected override ITestDatabase CreateDatabase() => new PostgresTestDatabase();
}

[RequiresPostgres]
public sealed class Postgres_substitution_scenarios : SubstitutionScenarios
{
    protected override ITestDatabase CreateDatabase() => new PostgresTestDatabase();
}

[RequiresPostgres]
public sealed class Postgres_unassigned_task_scenarios : UnassignedTaskScenarios
{
    protected override ITestDatabase CreateDatabase() => new PostgresTestDatabase();
}

[RequiresPostgres]
public sealed class Postgres_service_tasks : ServiceTaskScenarios
{
    protected override ITestDatabase CreateDatabase() => new PostgresTestDatabase();
}

[RequiresPostgres]
public sealed class Postgres_timer_events : TimerEventScenarios
{
    protected override ITestDatabase CreateDatabase() => new PostgresTestDatabase();
}

[RequiresPostgres]
public sealed class Postgres_nested_multi_instance : NestedMultiInstanceScenarios
{
    protected override ITestDatabase CreateDatabase() => new PostgresTestDatabase();
}

[RequiresPostgres]
public sealed class Postgres_incidents : IncidentScenarios
{
    protected override ITestDatabase CreateDatabase() => new PostgresTestDatabase();
}

public sealed class Postgres_inclusive_gateways : InclusiveGatewayScenarios
{
    protected override ITestDatabase CreateDatabase() => new PostgresTestDatabase();
}

public sealed class Postgres_error_events : ErrorEventScenarios
{
    protected override ITestDatabase CreateDatabase() => new PostgresTestDatabase();
}

public sealed class Postgres_messages : MessageScenarios
{
    protected override ITestDatabase CreateDatabase() => new PostgresTestDatabase();
}

[RequiresPostgres]
public sealed class Postgres_timer_starts : TimerStartScenarios
{
    protected override ITestDatabase CreateDatabase() => new PostgresTestDatabase();
}

public sealed class Postgres_signals : SignalScenarios
{
    protected override ITestDatabase CreateDatabase() => new PostgresTestDatabase();
}

public sealed class Postgres_external_tasks : ExternalTaskScenarios
{
    protected override ITestDatabase CreateDatabase() => new PostgresTestDatabase();
}

[RequiresPostgres]
public sealed class Postgres_event_gateways : EventGatewayScenarios
{
    protected override ITestDatabase CreateDatabase() => new PostgresTestDatabase();
}

[RequiresPostgres]
public sealed class Postgres_sub_processes : SubProcessScenarios
{
    protected override ITestDatabase CreateDatabase() => new PostgresTestDatabase();
}

[RequiresPostgres]
public sealed class Postgres_event_sub_processes : EventSubProcessScenarios
{
    protected override ITestDatabase CreateDatabase() => new PostgresTestDatabase();
}

[RequiresPostgres]
public sealed class Postgres_sub_process_multi_instance : SubProcessMultiInstanceScenarios
{
    protected override ITestDatabase CreateDatabase() => new PostgresTestDatabase();
}

[RequiresPostgres]
public sealed class Postgres_working_time : WorkingTimeScenarios
{
    protected override ITestDatabase CreateDatabase() => new PostgresTestDatabase();
}

[RequiresPostgres]
public sealed class Postgres_escalations : EscalationScenarios
{
    protected override ITestDatabase CreateDatabase() => new PostgresTestDatabase();
}

[RequiresPostgres]
public sealed class Postgres_signal_starts : SignalStartScenarios
{
    protected override ITestDatabase CreateDatabase() => new PostgresTestDatabase();
}

[RequiresPostgres]
public sealed class Postgres_link_events : LinkEventScenarios
{
    protected override ITestDatabase CreateDatabase() => new PostgresTestDatabase();
}

[RequiresPostgres]
public sealed class Postgres_escalation_events : EscalationEventScenarios
{
    protected override ITestDatabase CreateDatabase() => new PostgresTestDatabase();
}
