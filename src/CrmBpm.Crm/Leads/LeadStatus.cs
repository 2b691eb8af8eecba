namespace CrmBpm.Crm.Leads;

/// <summary>Lifecycle of a lead.</summary>
public enum LeadStatus
{
    /// <summary>Registered, not yet worked into a deal.</summary>
    Open,

    /// <summary>Its first deal was opened; it became a partner and a contact.</summary>
    Converted,

    /// <summary>Not worth pursuing.</summary>
    Discarded,
}
