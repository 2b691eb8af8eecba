using CrmBpm.Engine.DependencyInjection;

namespace CrmBpm.Testing;

/// <summary>
/// Base of the store-independent scenario suites. Each store's test project subclasses every suite once and
/// says which database to use; the same scenarios then run on memory, SQLite and PostgreSQL.
/// </summary>
public abstract class EngineScenario : IAsyncLifetime
{
    private ITestDatabase? _database;
    private EngineHarness? _harness;

    protected ITestDatabase Database => _database ?? throw new InvalidOperationException("The database is created in InitializeAsync.");

    protected EngineHarness Bpm => _harness ?? throw new InvalidOperationException("The harness starts in InitializeAsync.");

    /// <summary>A fresh, empty database for one test.</summary>
    protected abstract ITestDatabase CreateDatabase();

    /// <summary>What a suite adds to the engine beyond the store (handlers of automatic steps, transaction handlers).</summary>
    protected virtual void ConfigureEngine(CrmBpmBuilder bpm)
    {
    }

    public async Task InitializeAsync()
    {
        _database = CreateDatabase();
        await _database.CreateAsync();
        _harness = new EngineHarness(_database.Attach, extend: ConfigureEngine);
    }

    public async Task DisposeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
