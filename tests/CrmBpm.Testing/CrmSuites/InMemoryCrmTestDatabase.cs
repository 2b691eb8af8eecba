using CrmBpm.Crm.DependencyInjection;
using CrmBpm.Crm.Persistence;
using CrmBpm.Engine.DependencyInjection;
using CrmBpm.Engine.Persistence;

namespace CrmBpm.Testing.CrmSuites;

/// <summary>The in-memory engine and CRM stores as a test database: shared by every host attached to it.</summary>
public sealed class InMemoryCrmTestDatabase : ICrmTestDatabase
{
    private readonly InMemoryWorkflowStore _engine = new();
    private readonly InMemoryCrmStore _crm = new();

    public Task CreateAsync() => Task.CompletedTask;

    public void Attach(CrmBpmBuilder bpm) => bpm.UseStore(_ => _engine);

    public void AttachCrm(CrmBuilder crm) => crm.UseStore(_ => _crm);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
