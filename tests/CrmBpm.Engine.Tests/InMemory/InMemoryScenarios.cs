using CrmBpm.Engine.DependencyInjection;
using CrmBpm.Testing.Scenarios;

namespace CrmBpm.Engine.Tests.InMemory;

// The shared scenario suites on the in-memory store. The EF Core test project runs the same suites on SQLite and PostgreSQL.
public sealed class InMemory_sequence : SequenceScenarios
{
    protected override void UseStore(CrmBpmBuilder bpm) => bpm.UseInMemoryStore();
}

public sealed class InMemory_condition : ConditionScenarios
{
    protected override void UseStore(CrmBpmBuilder bpm) => bpm.UseInMemoryStore();
}

public sealed class InMemory_choice : ChoiceScenarios
{
    protected override void UseStore(CrmBpmBuilder bpm) => bpm.UseInMemoryStore();
}

public sealed class InMemory_split_merge : SplitMergeScenarios
{
    protected override void UseStore(CrmBpmBuilder bpm) => bpm.UseInMemoryStore();
}

public sealed class InMemory_nested_process : NestedProcessScenarios
{
    protected override void UseStore(CrmBpmBuilder bpm) => bpm.UseInMemoryStore();
}

public sealed class InMemory_multi_instance : MultiInstanceScenarios
{
    protected override void UseStore(CrmBpmBuilder bpm) => bpm.UseInMemoryStore();
}

public sealed class InMemory_task_actions : TaskActionScenarios
{
    protected override void UseStore(CrmBpmBuilder bpm) => bpm.UseInMemoryStore();
}

public sealed class InMemory_my_tasks : MyTasksScenarios
{
    protected override void UseStore(CrmBpmBuilder bpm) => bpm.UseInMemoryStore();
}

public sealed class InMemory_instance_operations : InstanceOperationScenarios
{
    protected override void UseStore(CrmBpmBuilder bpm) => bpm.UseInMemoryStore();
}

public sealed class InMemory_timers : TimerScenarios
{
    protected override void UseStore(CrmBpmBuilder bpm) => bpm.UseInMemoryStore();
}

public sealed class InMemory_concurrency : ConcurrencyScenarios
{
    protected override void UseStore(CrmBpmBuilder bpm) => bpm.UseInMemoryStore();
}
