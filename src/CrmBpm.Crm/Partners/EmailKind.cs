namespace CrmBpm.Crm.Partners;

/// <summary>What an e-mail address is for.</summary>
public enum EmailKind
{
    /// <summary>Business address.</summary>
    Work,

    /// <summary>Private address.</summary>
    Personal,

    /// <summary>Where invoices go.</summary>
    Billing,

    /// <summary>Anything else.</summary>
    Other,
}
