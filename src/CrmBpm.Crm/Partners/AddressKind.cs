namespace CrmBpm.Crm.Partners;

/// <summary>What an address is for (1C: юридический, почтовый, адрес доставки, фактический).</summary>
public enum AddressKind
{
    /// <summary>Registered (legal) address.</summary>
    Legal,

    /// <summary>Where letters go.</summary>
    Postal,

    /// <summary>Where goods are delivered.</summary>
    Delivery,

    /// <summary>Where the partner actually works.</summary>
    Actual,

    /// <summary>Private address of a person.</summary>
    Home,

    /// <summary>Anything else.</summary>
    Other,
}
