using CrmBpm.Engine.DependencyInjection;
using CrmBpm.Testing.Scenarios;

namespace CrmBpm.Engine.Tests.InMemory;

// The shared scenario suites on the in-memory store. The EF Core test project runs the same suites on SQLite and PostgreSQL.
public sealed class InMemory_sequence : SequenceScenarios
{
    protected override void UseStore(CrmBpmBuilder bpm) => bpm.UseInMemoryStore();
}
