using CrmBpm.Engine.Tasks;

namespace CrmBpm.EntityFrameworkCore.Storage;

/// <summary>
/// The "mine or in my pools" part of My tasks as disjoint branches, together equivalent to <see cref="Actor.IsInPool"/>:
/// the tasks the actor holds; each role-only pool (for every member of the role); each role + object pool (only for members
/// serving that object). A branch is one <see cref="OpenTaskCountKey"/>, one counter row and one index prefix.
/// </summary>
internal static class TaskPoolFilter
{
    public static IEnumerable<OpenTaskCountKey> Branches(Actor actor)
    {
        yield return OpenTaskCountKey.HeldBy(actor.UserId);

        foreach (var role in actor.Memberships.Select(m => m.Role).Distinct(StringComparer.Ordinal))
        {
            yield return OpenTaskCountKey.PoolOf(role, null);
        }

        foreach (var (role, addressingObject) in actor.Memberships
            .Where(m => m.AddressingObject is not null)
            .Select(m => (m.Role, AddressingObject: m.AddressingObject!))
            .Distinct())
        {
            yield return OpenTaskCountKey.PoolOf(role, addressingObject);
        }
    }
}
