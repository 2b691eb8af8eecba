namespace CrmBpm.Crm.Persistence;

/// <summary>
/// Where CRM aggregates live. Each service call opens one <see cref="ICrmSession"/> (a unit of work) and commits it
/// once. <see cref="InMemoryCrmStore"/> ships here; the EF Core package provides the database one.
/// </summary>
public interface ICrmStore
{
    /// <summary>Opens a unit of work.</summary>
    Task<ICrmSession> OpenSessionAsync(CancellationToken cancellationToken = default);
}
