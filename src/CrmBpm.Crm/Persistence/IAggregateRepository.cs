using System.Linq.Expressions;
using CrmBpm.Crm.Common;

namespace CrmBpm.Crm.Persistence;

/// <summary>
/// Loads and adds aggregates of one kind inside a <see cref="ICrmSession"/>. Filters are expressions over mapped
/// properties so a database store can translate them.
/// </summary>
public interface IAggregateRepository<T>
    where T : AggregateRoot
{
    /// <summary>The aggregate with this id, or null.</summary>
    Task<T?> FindAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Aggregates matching <paramref name="where"/> (all when null).</summary>
    Task<IReadOnlyList<T>> ListAsync(Expression<Func<T, bool>>? where = null, CancellationToken cancellationToken = default);

    /// <summary>Adds a new aggregate; stored on commit.</summary>
    void Add(T aggregate);
}
