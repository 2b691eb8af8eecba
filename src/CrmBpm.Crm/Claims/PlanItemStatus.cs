namespace CrmBpm.Crm.Claims;

/// <summary>State of one action-plan item.</summary>
public enum PlanItemStatus
{
    /// <summary>Added; its task is being created.</summary>
    Planned,

    /// <summary>Its task is open.</summary>
    InProgress,

    /// <summary>Its task was completed.</summary>
    Done,

    /// <summary>Its task was cancelled.</summary>
    Cancelled,
}
