namespace CrmBpm.Crm.Claims;

/// <summary>How a claim ended for the partner.</summary>
public enum ClaimResult
{
    /// <summary>The partner's claim was satisfied.</summary>
    Satisfied,

    /// <summary>The claim was rejected or could not be satisfied.</summary>
    NotSatisfied,
}
