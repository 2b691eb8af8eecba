using CrmBpm.Engine.DependencyInjection;

namespace CrmBpm.Testing;

/// <summary>A throw-away database for one test: created before it, attached to any number of engines (nodes), removed after.</summary>
public interface ITestDatabase : IAsyncDisposable
{
    Task CreateAsync();

    void Attach(CrmBpmBuilder bpm);

    /// <summary>
    /// Closes the idle pooled connections to this database, so the next commands open new ones, as after the pool's own
    /// idle pruning in a long-running server: races in how a pool hands out fresh connections show up only then.
    /// </summary>
    void EmptyConnectionPool()
    {
    }
}
