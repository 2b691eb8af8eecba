using CrmBpm.Crm.Persistence;

namespace CrmBpm.Crm.Common;

/// <summary>
/// A CRM change that commits with an engine command (start, terminate) or not at all: a deal opened with its process,
/// an instruction given with its process, a deal released from the process it stops. Handed to the engine as the
/// command's joined work; <see cref="CrmFollowsProcesses"/> applies it in the command's CRM unit of work before any
/// follower sees the command's events, so the tracker that attaches a started process finds the new record.
/// </summary>
/// <remarks>The engine re-runs a command that met a concurrent change, and this change with it: it must only read and
/// change through the session it is given.</remarks>
internal sealed class JoinedCrmChange(Func<ICrmSession, CancellationToken, Task> apply)
{
    public Task ApplyAsync(ICrmSession session, CancellationToken cancellationToken) => apply(session, cancellationToken);
}
