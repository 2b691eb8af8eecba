using CrmBpm.Crm.Catalogues;
using CrmBpm.Crm.Persistence;
using CrmBpm.Engine.Definitions;
using CrmBpm.Server.Demo;
using CrmBpm.Server.Identity;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CrmBpm.Server.Hosting;

/// <summary>
/// Prepares the database before the server takes requests: creates or upgrades the engine's tables, the CRM's and the
/// Identity tables (each a versioned schema component; a database newer than this build stops the start); seeds demo data
/// into a new database, makes sure an Administrator exists (or opens the setup page) and prints the URL, and in
/// Development the demo logins, once the server listens.
/// </summary>
internal sealed partial class ServerInitializer(
    IServiceProvider services, DatabaseSettings database, DemoLogins demoLogins, Setup.FirstAdministrator firstAdministrator, IHostApplicationLifetime lifetime, IServer server, ILogger<ServerInitializer> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        await provider.GetRequiredService<IRouteMapService>().ListAsync(cancellationToken);
        await using (await provider.GetRequiredService<ICrmStore>().OpenSessionAsync(cancellationToken))
        {
        }

        await provider.GetRequiredService<CatalogueService>().EnsureSeededAsync(cancellationToken);
        var isNew = await IdentitySchema.EnsureCreatedAsync(provider.GetRequiredService<CrmBpmIdentityDbContext>(), logger, cancellationToken);
        await provider.GetRequiredService<DemoSeeder>().SeedAsync(isNew, cancellationToken);
        await firstAdministrator.EnsureAsync(cancellationToken);

        // Working-time deadlines count in the stored calendar from the first command on.
        await provider.GetRequiredService<Crm.Calendar.BusinessCalendarService>().GetAsync(cancellationToken);
        lifetime.ApplicationStarted.Register(PrintBanner);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void PrintBanner()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        if (addresses.Count == 0)
        {
            return; // in-memory test server
        }

        var lines = new List<string>
        {
            "",
            "CrmBpm is running.",
            $"  UI:       {string.Join(", ", addresses)}",
            $"  API docs: {addresses.First().TrimEnd('/')}/api/docs   (OpenAPI: /openapi/v1.json)",
            $"  Data:     {database.Describe()}",
        };
        if (demoLogins.Logins.Count > 0)
        {
            lines.Add("  Demo logins (user / role / password):");
            lines.AddRange(demoLogins.Logins.Select(l => $"    {l.UserName,-8} {l.Role,-14} {l.Password}"));
        }

        if (firstAdministrator.IsOpen)
        {
            lines.Add($"  Setup:    no Administrator yet: open {addresses.First().TrimEnd('/')}/setup on this machine, or add ?code={firstAdministrator.Code} from elsewhere");
        }

        lines.Add("");
        Console.WriteLine(string.Join(Environment.NewLine, lines));
        LogStarted(logger, string.Join(", ", addresses));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "CrmBpm listens on {Addresses}")]
    private static partial void LogStarted(ILogger logger, string addresses);
}
