using CrmBpm.Engine.DependencyInjection;

namespace CrmBpm.Testing;

/// <summary>
/// Base of the store-independent scenario suites. Each store's test project subclasses every suite once and
/// says how to attach its store; the same scenarios then run on memory, SQLite and PostgreSQL.
/// </summary>
public abstract class EngineScenario : IAsyncLifetime
{
    private EngineHarness? _harness;

    protected EngineHarness Bpm => _harness ?? throw new InvalidOperationException("The harness starts in InitializeAsync.");

    /// <summary>Attaches the store under test (a fresh, empty database per test).</summary>
    protected abstract void UseStore(CrmBpmBuilder bpm);

    public virtual Task InitializeAsync()
    {
        _harness = new EngineHarness(UseStore);
        return Task.CompletedTask;
    }

    public virtual async Task DisposeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }
    }
}
