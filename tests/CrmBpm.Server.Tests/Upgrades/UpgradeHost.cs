using CrmBpm.Server.Tests.Infrastructure;
using ManualClock = CrmBpm.Testing.ManualClock;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CrmBpm.Server.Tests.Upgrades;

/// <summary>
/// The server of this build started on a given database (as an installation is after an upgrade), with a clock that stands
/// still at <paramref name="now"/>, so the fixture's deadlines do not fire while a test looks at its data.
/// </summary>
public sealed class UpgradeHost(ITestDatabase database, DateTimeOffset now) : WebApplicationFactory<Program>
{
    /// <summary>Starts the host (the schema is brought up to date on start); throws what the start threw.</summary>
    public UpgradeHost Start()
    {
        _ = Server;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", database.Provider);
        builder.UseSetting("ConnectionStrings:CrmBpm", database.ConnectionString);
        builder.UseSetting("Demo:Seed", "true");
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(new ManualClock(now))));
    }
}
