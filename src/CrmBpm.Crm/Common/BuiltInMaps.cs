using CrmBpm.Engine.Definitions;

namespace CrmBpm.Crm.Common;

/// <summary>
/// Route maps the CRM ships in code (instruction, claim handling): deployed once, on first use, unless a published
/// version of the key already exists (a consultant may have published their own).
/// </summary>
internal sealed class BuiltInMaps(IRouteMapService maps, Func<IReadOnlyList<RouteMap>> build)
{
    private readonly SemaphoreSlim _deploying = new(1, 1);
    private volatile bool _deployed;

    public async Task EnsureDeployedAsync(CancellationToken cancellationToken)
    {
        if (_deployed)
        {
            return;
        }

        await _deploying.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var map in build())
            {
                if (await maps.GetLatestPublishedAsync(map.Key, cancellationToken).ConfigureAwait(false) is null)
                {
                    await maps.DeployAsync(map, cancellationToken).ConfigureAwait(false);
                }
            }

            _deployed = true;
        }
        finally
        {
            _deploying.Release();
        }
    }
}
