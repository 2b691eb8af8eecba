namespace CrmBpm.Crm.Claims;

/// <summary>What the claim's processes must do after a plan item was edited, so its task matches it again.</summary>
public enum PlanItemFollowUp
{
    /// <summary>Nothing: no field changed, or the item has no task yet (it will be created from the edited item).</summary>
    None,

    /// <summary>Only the performer changed: the open task is redirected to the new performer.</summary>
    Redirect,

    /// <summary>
    /// The title or the deadline changed, which a live task cannot take: the old task is cancelled and the item gets a new
    /// task in its own one-item process.
    /// </summary>
    Replace,
}
