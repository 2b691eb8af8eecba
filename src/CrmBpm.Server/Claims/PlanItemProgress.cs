using CrmBpm.Crm.Claims;
using CrmBpm.Engine.Tasks;

namespace CrmBpm.Server.Claims;

/// <summary>
/// How far one action-plan item is, read from its task: open (waiting for the performer), accepted (in work, by whom),
/// done (by whom, when) or cancelled; overdue when it is still open after its deadline.
/// </summary>
public sealed record PlanItemProgress(ClaimPlanItem Item, PlanItemState State, string? By, DateTimeOffset? At, bool IsOverdue)
{
    /// <summary>The progress of <paramref name="item"/> given its <paramref name="task"/> (null while the task is being created).</summary>
    public static PlanItemProgress Of(ClaimPlanItem item, WorkTask? task, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(item);
        var (state, by, at) = item.Status switch
        {
            PlanItemStatus.Done => (PlanItemState.Done, item.CompletedBy ?? task?.CompletedBy, item.CompletedAt ?? task?.ClosedAt),
            PlanItemStatus.Cancelled => (PlanItemState.Cancelled, null, task?.ClosedAt),
            _ when task is { Status: WorkTaskStatus.Accepted } => (PlanItemState.Accepted, task.AssigneeId, task.AcceptedAt),
            _ => (PlanItemState.Open, (string?)null, (DateTimeOffset?)null),
        };
        return new PlanItemProgress(item, state, by, at, state is PlanItemState.Open or PlanItemState.Accepted && item.Deadline < now);
    }
}
