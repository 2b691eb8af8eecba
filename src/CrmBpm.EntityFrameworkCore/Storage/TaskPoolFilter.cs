using CrmBpm.Engine.Tasks;

namespace CrmBpm.EntityFrameworkCore.Storage;

/// <summary>
/// The "mine or in my pools" part of My tasks as disjoint branches, together equivalent to <see cref="Actor.Sees"/>:
/// the tasks the actor holds; each role-only pool (for every member of the role); each role + object pool (only for members
/// serving that object); then the same for every absent person the actor substitutes for (a role-limited substitution only
/// the pools of its roles and the held tasks of its roles). A branch already present (a pool both people are in) is not
/// repeated, so <c>UNION ALL</c> over the branches lists each task once. An actor without substitutions has exactly the
/// branches it had before substitution existed.
/// </summary>
internal static class TaskPoolFilter
{
    public static IEnumerable<MyTasksBranch> Branches(Actor actor)
    {
        var pools = new List<OpenTaskCountKey>();
        var held = new List<(string UserId, HashSet<string>? Roles)> { (actor.UserId, null) };
        AddPools(pools, actor.Memberships, _ => true);
        foreach (var substitution in actor.ActsFor)
        {
            var index = held.FindIndex(h => string.Equals(h.UserId, substitution.AbsentUserId, StringComparison.Ordinal));
            if (index < 0)
            {
                held.Add((substitution.AbsentUserId, substitution.PerformerRoles?.ToHashSet(StringComparer.Ordinal)));
            }
            else if (held[index].Roles is { } roles)
            {
                // The same person twice: their held tasks once, with every role either substitution covers.
                held[index] = (held[index].UserId, substitution.PerformerRoles is null ? null : [.. roles, .. substitution.PerformerRoles]);
            }

            AddPools(pools, substitution.Memberships, substitution.IncludesRole);
        }

        foreach (var (userId, roles) in held)
        {
            yield return new MyTasksBranch(OpenTaskCountKey.HeldBy(userId), roles is null ? null : [.. roles.Order(StringComparer.Ordinal)]);
        }

        foreach (var pool in pools)
        {
            yield return new MyTasksBranch(pool);
        }
    }

    private static void AddPools(List<OpenTaskCountKey> pools, IReadOnlyList<RoleMembership> memberships, Func<string, bool> includes)
    {
        foreach (var role in memberships.Select(m => m.Role).Distinct(StringComparer.Ordinal).Where(includes))
        {
            Add(OpenTaskCountKey.PoolOf(role, null));
        }

        foreach (var (role, addressingObject) in memberships
            .Where(m => m.AddressingObject is not null && includes(m.Role))
            .Select(m => (m.Role, AddressingObject: m.AddressingObject!))
            .Distinct())
        {
            Add(OpenTaskCountKey.PoolOf(role, addressingObject));
        }

        void Add(OpenTaskCountKey key)
        {
            if (!pools.Contains(key))
            {
                pools.Add(key);
            }
        }
    }
}
