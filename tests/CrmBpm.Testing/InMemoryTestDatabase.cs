using CrmBpm.Engine.DependencyInjection;
using CrmBpm.Engine.Persistence;

namespace CrmBpm.Testing;

/// <summary>The in-memory store as a test database: one store shared by every engine attached to it.</summary>
public sealed class InMemoryTestDatabase : ITestDatabase
{
    private readonly InMemoryWorkflowStore _store = new();

    public Task CreateAsync() => Task.CompletedTask;

    public void Attach(CrmBpmBuilder bpm) => bpm.UseStore(_ => _store);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
