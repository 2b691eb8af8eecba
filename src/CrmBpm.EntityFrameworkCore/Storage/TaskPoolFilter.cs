using System.Linq.Expressions;
using CrmBpm.Engine.Tasks;
using CrmBpm.EntityFrameworkCore.Entities;

namespace CrmBpm.EntityFrameworkCore.Storage;

/// <summary>
/// The "mine or in my pools" part of My tasks as disjoint, SQL-translatable branches, together equivalent to
/// <see cref="Actor.IsInPool"/>: a role-only pool task is for every member of the role; a role + object task only
/// for members serving that object. Each branch matches one index prefix.
/// </summary>
internal static class TaskPoolFilter
{
    public static IEnumerable<Expression<Func<TaskEntity, bool>>> Branches(Actor actor)
    {
        var userId = actor.UserId;
        yield return t => t.AssigneeId == userId;

        foreach (var role in actor.Memberships.Select(m => m.Role).Distinct(StringComparer.Ordinal))
        {
            yield return t => t.PerformerRole == role && t.PerformerAddressingObject == null && t.AssigneeId == null;
        }

        foreach (var (role, addressingObject) in actor.Memberships
            .Where(m => m.AddressingObject is not null)
            .Select(m => (m.Role, m.AddressingObject))
            .Distinct())
        {
            yield return t => t.PerformerRole == role && t.PerformerAddressingObject == addressingObject && t.AssigneeId == null;
        }
    }
}
