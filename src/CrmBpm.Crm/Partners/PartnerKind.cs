namespace CrmBpm.Crm.Partners;

/// <summary>Whether a partner is a single company or a holding that groups companies.</summary>
public enum PartnerKind
{
    /// <summary>A company (it may belong to a holding).</summary>
    Company,

    /// <summary>A group of companies.</summary>
    Holding,
}
