namespace CrmBpm.Crm.Deals;

/// <summary>Outcome state of a deal.</summary>
public enum DealStatus
{
    /// <summary>Open.</summary>
    InWork,

    /// <summary>Finished successfully.</summary>
    Won,

    /// <summary>Finished unsuccessfully, with a loss reason.</summary>
    Lost,
}
