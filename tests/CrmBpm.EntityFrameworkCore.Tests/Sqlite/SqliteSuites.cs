using CrmBpm.Engine.DependencyInjection;
using CrmBpm.EntityFrameworkCore.Tests.Contract;
using CrmBpm.EntityFrameworkCore.Tests.Infrastructure;
using CrmBpm.Testing;
using CrmBpm.Testing.Scenarios;

namespace CrmBpm.EntityFrameworkCore.Tests.Sqlite;

// Every shared scenario suite (tests/CrmBpm.Testing/Scenarios) and every persistence contract suite on SQLite: one sealed
// subclass each, a temp file per test. A new scenario suite gets a class like Sqlite_sequence here and in PostgreSqlSuites.cs.

public sealed class Sqlite_sequence : SequenceScenarios
{
    protected override ITestDatabase CreateDatabase() => new SqliteTestFile();
}

public sealed class Sqlite_condition : ConditionScenarios
{
    protected override ITestDatabase CreateDatabase() => new SqliteTestFile();
}

public sealed class Sqlite_start_variables : StartVariableScenarios
{
    protected override ITestDatabase CreateDatabase() => new SqliteTestFile();
}

public sealed class Sqlite_choice : ChoiceScenarios
{
    protected override ITestDatabase CreateDatabase() => new SqliteTestFile();
}

public sealed class Sqlite_implicit_split : ImplicitSplitScenarios
{
    protected override ITestDatabase CreateDatabase() => new SqliteTestFile();
}

public sealed class Sqlite_split_merge : SplitMergeScenarios
{
    protected override ITestDatabase CreateDatabase() => new SqliteTestFile();
}

public sealed class Sqlite_nested_process : NestedProcessScenarios
{
    protected override ITestDatabase CreateDatabase() => new SqliteTestFile();
}

public sealed class Sqlite_multi_instance : MultiInstanceScenarios
{
    protected override ITestDatabase CreateDatabase() => new SqliteTestFile();
}

public sealed class Sqlite_task_actions : TaskActionScenarios
{
    protected override ITestDatabase CreateDatabase() => new SqliteTestFile();
}

public sealed class Sqlite_my_tasks_scenarios : MyTasksScenarios
{
    protected override ITestDatabase CreateDatabase() => new SqliteTestFile();
}

public sealed class Sqlite_instance_operations : InstanceOperationScenarios
{
    protected override ITestDatabase CreateDatabase() => new SqliteTestFile();
}

public sealed class Sqlite_timers : TimerScenarios
{
    protected override ITestDatabase CreateDatabase() => new SqliteTestFile();
}

public sealed class Sqlite_concurrency : ConcurrencyScenarios
{
    protected override ITestDatabase CreateDatabase() => new SqliteTestFile();
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

public sealed class Sqlite_my_tasks_total : MyTasksTotalContract
{
    protected override ITestDatabase CreateDatabase() => new SqliteTestFile();
}

public sealed class Sqlite_substitution_scenarios : SubstitutionScenarios
{
    protected override ITestDatabase CreateDatabase() => new SqliteTestFile();
}

public sealed class Sqlite_unassigned_task_scenarios : UnassignedTaskScenarios
{
    protected override ITestDatabase CreateDatabase() => new SqliteTestFile();
}

public sealed class Sqlite_service_tasks : ServiceTaskScenarios
{
    protected override ITestDatabase CreateDatabase() => new SqliteTestFile();
}

public sealed class Sqlite_timer_events : TimerEventScenarios
{
    protected override ITestDatabase CreateDatabase() => new SqliteTestFile();
}

public sealed class Sqlite_nested_multi_instance : NestedMultiInstanceScenarios
{
    protected override ITestDatabase CreateDatabase() => new SqliteTestFile();
}

public sealed class Sqlite_incidents : IncidentScenarios
{
    protected override ITestDatabase CreateDatabase() => new SqliteTestFile();
}

public sealed class Sqlite_messages : MessageScenarios
{
    protected override ITestDatabase CreateDatabase() => new SqliteTestFile();
}

public sealed class Sqlite_inclusive_gateways : InclusiveGatewayScenarios
{
    protected override ITestDatabase CreateDatabase() => new SqliteTestFile();
}

public sealed class Sqlite_signals : SignalScenarios
{
    protected override ITestDatabase CreateDatabase() => new SqliteTestFile();
}

public sealed class Sqlite_error_events : ErrorEventScenarios
{
    protected override ITestDatabase CreateDatabase() => new SqliteTestFile();
}

public sealed class Sqlite_timer_starts : TimerStartScenarios
{
    protected override ITestDatabase CreateDatabase() => new SqliteTestFile();
}

public sealed class Sqlite_external_tasks : ExternalTaskScenarios
{
    protected override ITestDatabase CreateDatabase() => new SqliteTestFile();
}

public sealed class Sqlite_event_gateways : EventGatewayScenarios
{
    protected override ITestDatabase CreateDatabase() => new SqliteTestFile();
}

public sealed class Sqlite_sub_processes : SubProcessScenarios
{
    protected override ITestDatabase CreateDatabase() => new SqliteTestFile();
}

public sealed class Sqlite_event_sub_processes : EventSubProcessScenarios
{
    protected override ITestDatabase CreateDatabase() => new SqliteTestFile();
}

public sealed class Sqlite_sub_process_multi_instance : SubProcessMultiInstanceScenarios
{
    protected override ITestDatabase CreateDatabase() => new SqliteTestFile();
}

public sealed class Sqlite_working_time : WorkingTimeScenarios
{
    protected override ITestDatabase CreateDatabase() => new SqliteTestFile();
}

public sealed class Sqlite_escalations : EscalationScenarios
{
    protected override ITestDatabase CreateDatabase() => new SqliteTestFile();
}

public sealed class Sqlite_signal_starts : SignalStartScenarios
{
    protected override ITestDatabase CreateDatabase() => new SqliteTestFile();
}

public sealed class Sqlite_link_events : LinkEventScenarios
{
    protected override ITestDatabase CreateDatabase() => new SqliteTestFile();
}

public sealed class Sqlite_escalation_events : EscalationEventScenarios
{
    protected override ITestDatabase CreateDatabase() => new SqliteTestFile();
}
