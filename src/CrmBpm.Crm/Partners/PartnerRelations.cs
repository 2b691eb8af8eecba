namespace CrmBpm.Crm.Partners;

/// <summary>How we deal with a partner; a partner can be several at once. Claims may come from any of them.</summary>
[Flags]
public enum PartnerRelations
{
    /// <summary>Not set yet.</summary>
    None = 0,

    /// <summary>Buys from us (or may).</summary>
    Customer = 1,

    /// <summary>Sells to us.</summary>
    Supplier = 2,

    /// <summary>Competes with us.</summary>
    Competitor = 4,

    /// <summary>Anything else (agent, authority, ...).</summary>
    Other = 8,
}
