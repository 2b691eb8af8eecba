namespace CrmBpm.Crm.Catalogues;

/// <summary>The editable lists the CRM draws its choices from.</summary>
public enum CatalogueKind
{
    /// <summary>Sales stages of deals (also named by the Stage property of route-map Actions).</summary>
    SalesStage,

    /// <summary>Why a deal was lost.</summary>
    LossReason,

    /// <summary>What a claim is about.</summary>
    ClaimReason,

    /// <summary>Departments responsible for claims and deals.</summary>
    Department,

    /// <summary>Roles tasks are addressed to (role pools).</summary>
    Role,
}
