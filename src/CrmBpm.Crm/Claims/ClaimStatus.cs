namespace CrmBpm.Crm.Claims;

/// <summary>Where a claim stands.</summary>
public enum ClaimStatus
{
    /// <summary>Registered; the action plan is being worked through.</summary>
    InWork,

    /// <summary>Decided (see <see cref="Claim.Result"/>).</summary>
    Closed,
}
