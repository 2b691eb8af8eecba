namespace CrmBpm.Engine.Tasks;

/// <summary>
/// What the embedding application knows about its people, for checks the engine cannot make alone: which pools a route
/// map addresses that nobody is in (validation warns; the tasks would wait unseen). Optional: without one registered,
/// the engine assumes every pool has members. The CRM server implements it over its users and performer roles.
/// </summary>
public interface IPerformerDirectory
{
    /// <summary>
    /// Of <paramref name="pools"/>, those no active user would see: nobody holds the role (for that addressing object, when
    /// one is given). Called once per validation with every pool the map addresses.
    /// </summary>
    Task<IReadOnlySet<RoleMembership>> PoolsWithoutMembersAsync(IReadOnlyCollection<RoleMembership> pools, CancellationToken cancellationToken = default);
}
