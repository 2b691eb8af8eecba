using CrmBpm.Engine.Tasks;

namespace CrmBpm.EntityFrameworkCore.Storage;

/// <summary>
/// The "mine or in my pools" part of My tasks as disjoint, SQL-translatable branches, together equivalent to
/// <see cref="Actor.IsInPool"/>: a role-only pool task is for every member of the role; a role + object task only
/// for members serving that object. Each branch matches one index prefix and one <see cref="OpenTaskCountKey"/>.
/// </summary>
internal static class TaskPoolFilter
{
    public static IEnumerable<TaskPoolBranch> Branches(Actor actor)
    {
        var userId = actor.UserId;
        yield return new TaskPoolBranch(OpenTaskCountKey.HeldBy(userId), t => t.AssigneeId == userId);

        foreach (var role in actor.Memberships.Select(m => m.Role).Distinct(StringComparer.Ordinal))
        {
            yield return new TaskPoolBranch(
                OpenTaskCountKey.PoolOf(role, null),
                t => t.PerformerRole == role && t.PerformerAddressingObject == null && t.AssigneeId == null);
        }

        foreach (var (role, addressingObject) in actor.Memberships
            .Where(m => m.AddressingObject is not null)
            .Select(m => (m.Role, AddressingObject: m.AddressingObject!))
            .Distinct())
        {
            yield return new TaskPoolBranch(
                OpenTaskCountKey.PoolOf(role, addressingObject),
                t => t.PerformerRole == role && t.PerformerAddressingObject == addressingObject && t.AssigneeId == null);
        }
    }
}
