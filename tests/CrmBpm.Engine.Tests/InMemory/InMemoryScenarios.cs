using CrmBpm.Testing;
using CrmBpm.Testing.Scenarios;

namespace CrmBpm.Engine.Tests.InMemory;

// The shared scenario suites on the in-memory store. The EF Core test project runs the same suites on SQLite and PostgreSQL.
public sealed class InMemory_sequence : SequenceScenarios
{
    protected override ITestDatabase CreateDatabase() => new InMemoryTestDatabase();
}

public sealed class InMemory_condition : ConditionScenarios
{
    protected override ITestDatabase CreateDatabase() => new InMemoryTestDatabase();
}

public sealed class InMemory_start_variables : StartVariableScenarios
{
    protected override ITestDatabase CreateDatabase() => new InMemoryTestDatabase();
}

public sealed class InMemory_choice : ChoiceScenarios
{
    protected override ITestDatabase CreateDatabase() => new InMemoryTestDatabase();
}

public sealed class InMemory_implicit_split : ImplicitSplitScenarios
{
    protected override ITestDatabase CreateDatabase() => new InMemoryTestDatabase();
}

public sealed class InMemory_split_merge : SplitMergeScenarios
{
    protected override ITestDatabase CreateDatabase() => new InMemoryTestDatabase();
}

public sealed class InMemory_nested_process : NestedProcessScenarios
{
    protected override ITestDatabase CreateDatabase() => new InMemoryTestDatabase();
}

public sealed class InMemory_multi_instance : MultiInstanceScenarios
{
    protected override ITestDatabase CreateDatabase() => new InMemoryTestDatabase();
}

public sealed class InMemory_task_actions : TaskActionScenarios
{
    protected override ITestDatabase CreateDatabase() => new InMemoryTestDatabase();
}

public sealed class InMemory_my_tasks_scenarios : MyTasksScenarios
{
    protected override ITestDatabase CreateDatabase() => new InMemoryTestDatabase();
}

public sealed class InMemory_instance_operations : InstanceOperationScenarios
{
    protected override ITestDatabase CreateDatabase() => new InMemoryTestDatabase();
}

public sealed class InMemory_timers : TimerScenarios
{
    protected override ITestDatabase CreateDatabase() => new InMemoryTestDatabase();
}

public sealed class InMemory_concurrency : ConcurrencyScenarios
{
    protected override ITestDatabase CreateDatabase() => new InMemoryTestDatabase();
}

public sealed class InMemory_substitution_scenarios : SubstitutionScenarios
{
    protected override ITestDatabase CreateDatabase() => new InMemoryTestDatabase();
}

public sealed class InMemory_unassigned_task_scenarios : UnassignedTaskScenarios
{
    protected override ITestDatabase CreateDatabase() => new InMemoryTestDatabase();
}

public sealed class InMemory_service_tasks : ServiceTaskScenarios
{
    protected override ITestDatabase CreateDatabase() => new InMemoryTestDatabase();
}

public sealed class InMemory_timer_events : TimerEventScenarios
{
    protected override ITestDatabase CreateDatabase() => new InMemoryTestDatabase();
}

public sealed class InMemory_nested_multi_instance : NestedMultiInstanceScenarios
{
    protected override ITestDatabase CreateDatabase() => new InMemoryTestDatabase();
}

public sealed class InMemory_incidents : IncidentScenarios
{
    protected override ITestDatabase CreateDatabase() => new InMemoryTestDatabase();
}

public sealed class InMemory_messages : MessageScenarios
{
    protected override ITestDatabase CreateDatabase() => new InMemoryTestDatabase();
}

public sealed class InMemory_inclusive_gateways : InclusiveGatewayScenarios
{
    protected override ITestDatabase CreateDatabase() => new InMemoryTestDatabase();
}

public sealed class InMemory_signals : SignalScenarios
{
    protected override ITestDatabase CreateDatabase() => new InMemoryTestDatabase();
}

public sealed class InMemory_error_events : ErrorEventScenarios
{
    protected override ITestDatabase CreateDatabase() => new InMemoryTestDatabase();
}

public sealed class InMemory_timer_starts : TimerStartScenarios
{
    protected override ITestDatabase CreateDatabase() => new InMemoryTestDatabase();
}

public sealed class InMemory_external_tasks : ExternalTaskScenarios
{
    protected override ITestDatabase CreateDatabase() => new InMemoryTestDatabase();
}

public sealed class InMemory_event_gateways : EventGatewayScenarios
{
    protected override ITestDatabase CreateDatabase() => new InMemoryTestDatabase();
}

public sealed class InMemory_sub_processes : SubProcessScenarios
{
    protected override ITestDatabase CreateDatabase() => new InMemoryTestDatabase();
}

public sealed class InMemory_event_sub_processes : EventSubProcessScenarios
{
    protected override ITestDatabase CreateDatabase() => new InMemoryTestDatabase();
}

public sealed class InMemory_sub_process_multi_instance : SubProcessMultiInstanceScenarios
{
    protected override ITestDatabase CreateDatabase() => new InMemoryTestDatabase();
}

public sealed class InMemory_working_time : WorkingTimeScenarios
{
    protected override ITestDatabase CreateDatabase() => new InMemoryTestDatabase();
}

public sealed class InMemory_escalations : EscalationScenarios
{
    protected override ITestDatabase CreateDatabase() => new InMemoryTestDatabase();
}

public sealed class InMemory_signal_starts : SignalStartScenarios
{
    protected override ITestDatabase CreateDatabase() => new InMemoryTestDatabase();
}

public sealed class InMemory_link_events : LinkEventScenarios
{
    protected override ITestDatabase CreateDatabase() => new InMemoryTestDatabase();
}

public sealed class InMemory_escalation_events : EscalationEventScenarios
{
    protected override ITestDatabase CreateDatabase() => new InMemoryTestDatabase();
}
