using CrmBpm.Engine.DependencyInjection;

namespace CrmBpm.Testing;

/// <summary>A throw-away database for one test: created before it, attached to any number of engines (nodes), removed after.</summary>
public interface ITestDatabase : IAsyncDisposable
{
    Task CreateAsync();

    void Attach(CrmBpmBuilder bpm);
}
