namespace CrmBpm.Crm.Claims;

/// <summary>The outcome of editing a plan item: the item as it is now, the task it had, and what its processes must do.</summary>
public sealed record PlanItemRevision(ClaimPlanItem Item, Guid? PreviousTaskId, PlanItemFollowUp FollowUp);
