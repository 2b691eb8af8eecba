using CrmBpm.Engine.Definitions;

namespace CrmBpm.Designer.TestHost;

/// <summary>Publishes the map a Nested process may call, so the host's validation knows it.</summary>
internal sealed class SampleMaps(IRouteMapService maps) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var check = new RouteMap
        {
            Key = "kyc-check",
            Name = "KYC check",
            Points =
            [
                new StartPoint { Id = "start" },
                new ActionPoint { Id = "verify", Name = "Verify", Performer = Performer.ForRole("Lawyer") },
                new EndPoint { Id = "end" },
            ],
            Flows =
            [
                new Flow { Id = "f1", SourceId = "start", TargetId = "verify" },
                new Flow { Id = "f2", SourceId = "verify", TargetId = "end" },
            ],
        };
        await maps.DeployAsync(check, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
