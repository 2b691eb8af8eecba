namespace CrmBpm.Testing.CrmSuites;

/// <summary>
/// Base of the CRM suites. Each store's test project subclasses every suite once and says which database to use, so the
/// same specifications run on memory (CrmBpm.Crm.Tests), SQLite and PostgreSQL (CrmBpm.EntityFrameworkCore.Tests).
/// </summary>
public abstract class CrmScenario : IAsyncLifetime
{
    private readonly List<CrmHost> _hosts = [];
    private ICrmTestDatabase? _database;

    protected ICrmTestDatabase Database => _database ??= CreateDatabase();

    /// <summary>A fresh, empty database for one test.</summary>
    protected abstract ICrmTestDatabase CreateDatabase();

    /// <summary>The engine and the CRM on the test database; disposed after the test (disposing it earlier is fine).</summary>
    protected CrmHost NewHost(string? defaultPhoneCountry = "DE", CrmBpm.Crm.Common.IPeopleDirectory? people = null)
    {
        var host = new CrmHost(Database, defaultPhoneCountry, people);
        _hosts.Add(host);
        return host;
    }

    public Task InitializeAsync() => Database.CreateAsync();

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        await Database.DisposeAsync();
    }
}
