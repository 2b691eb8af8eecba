using CrmBpm.Engine;
using CrmBpm.Engine.DependencyInjection;
using CrmBpm.Testing;

namespace CrmBpm.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>
/// Base of the persistence contract suites: each test gets a fresh database and may start several engines ("nodes") on it.
/// A database's test file subclasses every suite once, naming only its <see cref="ITestDatabase"/>.
/// </summary>
public abstract class StoreContract : IAsyncLifetime
{
    private readonly List<EngineHarness> _nodes = [];
    private ITestDatabase? _database;

    protected ITestDatabase Database => _database ??= CreateDatabase();

    protected abstract ITestDatabase CreateDatabase();

    /// <summary>An engine on the test database, disposed after the test.</summary>
    protected EngineHarness Node(Action<CrmBpmOptions>? configure = null)
    {
        var node = NewNode(configure);
        _nodes.Add(node);
        return node;
    }

    /// <summary>An engine on the test database that the test disposes itself (to simulate a restart).</summary>
    protected EngineHarness NewNode(Action<CrmBpmOptions>? configure = null, Action<CrmBpmBuilder>? extend = null) => new(Database.Attach, configure, extend);

    public Task InitializeAsync() => Database.CreateAsync();

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        await Database.DisposeAsync();
    }
}
