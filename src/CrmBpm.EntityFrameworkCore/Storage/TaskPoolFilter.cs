using System.Linq.Expressions;
using CrmBpm.Engine.Tasks;
using CrmBpm.EntityFrameworkCore.Entities;

namespace CrmBpm.EntityFrameworkCore.Storage;

/// <summary>
/// The "mine or in my pools" part of My tasks as a SQL-translatable predicate, equivalent to
/// <see cref="Actor.IsInPool"/>: a role-only pool task is for every member of the role; a role + object task only
/// for members serving that object.
/// </summary>
internal static class TaskPoolFilter
{
    public static Expression<Func<TaskEntity, bool>> MineOrInMyPools(Actor actor)
    {
        var userId = actor.UserId;
        Expression<Func<TaskEntity, bool>> filter = t => t.AssigneeId == userId;

        var roles = actor.Memberships.Select(m => m.Role).Distinct(StringComparer.Ordinal).ToList();
        if (roles.Count > 0)
        {
            filter = Or(filter, t => t.AssigneeId == null && t.PerformerAddressingObject == null && t.PerformerRole != null && roles.Contains(t.PerformerRole));
        }

        foreach (var membership in actor.Memberships.Where(m => m.AddressingObject is not null).Distinct())
        {
            var role = membership.Role;
            var addressingObject = membership.AddressingObject;
            filter = Or(filter, t => t.AssigneeId == null && t.PerformerRole == role && t.PerformerAddressingObject == addressingObject);
        }

        return filter;
    }

    private static Expression<Func<TaskEntity, bool>> Or(Expression<Func<TaskEntity, bool>> left, Expression<Func<TaskEntity, bool>> right)
    {
        var parameter = left.Parameters[0];
        var rightBody = new ParameterReplacer(right.Parameters[0], parameter).Visit(right.Body);
        return Expression.Lambda<Func<TaskEntity, bool>>(Expression.OrElse(left.Body, rightBody), parameter);
    }

    private sealed class ParameterReplacer(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
