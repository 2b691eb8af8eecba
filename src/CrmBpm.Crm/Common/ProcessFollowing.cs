using CrmBpm.Crm.Persistence;
using CrmBpm.Engine.Events;
using CrmBpm.Engine.Runtime;

namespace CrmBpm.Crm.Common;

/// <summary>
/// One engine command as the CRM follows it: a single CRM unit of work enlisted in the command's (opened on first use, shared
/// by every follower, so two changes of one deal in one command are one write), and the command's view of its instances.
/// </summary>
internal sealed class ProcessFollowing(EngineTransaction transaction, ICrmStore store)
{
    private ICrmSession? _session;

    /// <summary>The CRM unit of work that commits with the engine command.</summary>
    public async Task<ICrmSession> SessionAsync(CancellationToken cancellationToken) =>
        _session ??= await store.OpenSessionInAsync(transaction.Session, cancellationToken).ConfigureAwait(false);

    /// <summary>An instance as the command left it (variables set by the task just completed included).</summary>
    public async Task<ProcessInstance> InstanceAsync(Guid instanceId, CancellationToken cancellationToken) =>
        await transaction.GetInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false)
        ?? throw new InvalidOperationException($"Instance {instanceId} of an engine event is not in the command's session.");

    /// <summary>The unit of work, if any follower opened it.</summary>
    internal ICrmSession? OpenedSession => _session;
}
