using CrmBpm.Engine.Tasks;

namespace CrmBpm.Server.Organisation;

/// <summary>
/// The engine's <see cref="IPerformerDirectory"/> over the organisation: a pool has members when an active user holds the
/// role (for the addressing object, when one is given), by the same rule the engine uses to hand out pool tasks; the pool of
/// <see cref="HeadOfDepartment.Role"/> for a department has its head. The engine
/// keeps it as a singleton, so each question opens its own scope for the Identity database.
/// </summary>
public sealed class OrganisationPerformerDirectory(IServiceScopeFactory scopes) : IPerformerDirectory
{
    /// <inheritdoc />
    public async Task<IReadOnlySet<RoleMembership>> PoolsWithoutMembersAsync(IReadOnlyCollection<RoleMembership> pools, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pools);
        if (pools.Count == 0)
        {
            return new HashSet<RoleMembership>();
        }

        await using var scope = scopes.CreateAsyncScope();
        var organisation = scope.ServiceProvider.GetRequiredService<OrganisationDirectory>();
        var memberships = await organisation.MembershipsAsync(activeOnly: true, cancellationToken);
        var heads = await organisation.HeadPoolsAsync(cancellationToken);
        // Everyone active, as one actor: the engine's own pool rule then answers "would anybody see it?".
        var everyone = new Actor("(everyone)", [.. memberships.Select(m => new RoleMembership(m.Role, m.AddressingObject)),
            .. heads.Select(h => new RoleMembership(HeadOfDepartment.Role, h.Department))]);
        return pools.Where(pool => !everyone.IsInPool(pool.Role, pool.AddressingObject)).ToHashSet();
    }
}
