namespace CrmBpm.Crm.Common;

/// <summary>
/// Base of every CRM aggregate: a Guid identity, an optimistic-concurrency version kept by the store,
/// and the domain events raised since it was loaded. State changes only through the aggregate's methods.
/// </summary>
public abstract class AggregateRoot
{
    private readonly List<IDomainEvent> _domainEvents = [];

    /// <summary>Identifier.</summary>
    public Guid Id { get; protected set; }

    /// <summary>Optimistic-concurrency version; the store increments it on every commit.</summary>
    public long Version { get; private set; }

    /// <summary>Events raised since the aggregate was loaded; published after the unit of work commits.</summary>
    public IReadOnlyList<IDomainEvent> DomainEvents => _domainEvents;

    /// <summary>Records an event for publication after commit.</summary>
    protected void Raise(IDomainEvent domainEvent) => _domainEvents.Add(domainEvent);

    /// <summary>Takes the pending events out; for stores after a commit.</summary>
    public IReadOnlyList<IDomainEvent> TakeDomainEvents()
    {
        var events = _domainEvents.ToList();
        _domainEvents.Clear();
        return events;
    }

    /// <summary>Sets the version after a commit; for stores.</summary>
    public void SetStoredVersion(long version) => Version = version;
}
