using CrmBpm.Engine.Persistence;

namespace CrmBpm.Crm.Persistence;

/// <summary>
/// Where CRM aggregates live. Each service call opens one <see cref="ICrmSession"/> (a unit of work) and commits it
/// once. <see cref="InMemoryCrmStore"/> ships here; the EF Core package provides the database one.
/// </summary>
public interface ICrmStore
{
    /// <summary>Opens a unit of work.</summary>
    Task<ICrmSession> OpenSessionAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens a unit of work inside an engine command's: its <see cref="ICrmSession.CommitAsync"/> writes nothing at once but
    /// enlists the writes in <paramref name="engineSession"/> (<see cref="IWorkflowSession.Enlist"/>), so the CRM's records
    /// and the processes they follow commit together or not at all. The events it returns may be published only once the
    /// engine's commit succeeded.
    /// </summary>
    Task<ICrmSession> OpenSessionInAsync(IWorkflowSession engineSession, CancellationToken cancellationToken = default);
}
