namespace CrmBpm.Server.Claims;

/// <summary>States of a plan item as the claim page shows them.</summary>
public enum PlanItemState
{
    /// <summary>Its task waits for the performer.</summary>
    Open,

    /// <summary>The performer took it into work.</summary>
    Accepted,

    /// <summary>Done.</summary>
    Done,

    /// <summary>Withdrawn.</summary>
    Cancelled,
}
