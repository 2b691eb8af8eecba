namespace CrmBpm.Crm.Deals;

/// <summary>How a deal's stages are controlled (1C: typical sale / manual stages / non-process).</summary>
public enum DealKind
{
    /// <summary>Bound to a route map: the stage follows the process and cannot be changed directly.</summary>
    ProcessControlled,

    /// <summary>The manager moves the stage freely (skips and steps back allowed); every change is recorded.</summary>
    ManualStages,

    /// <summary>No stages at all: the deal is only opened and finished.</summary>
    NonProcess,
}
