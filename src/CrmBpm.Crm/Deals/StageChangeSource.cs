namespace CrmBpm.Crm.Deals;

/// <summary>What moved a deal's stage.</summary>
public enum StageChangeSource
{
    /// <summary>A person, directly (manual-stage deals).</summary>
    Manual,

    /// <summary>The deal's process reached an Action with this stage.</summary>
    Process,
}
