namespace CrmBpm.Crm.Partners;

/// <summary>What a phone number is for.</summary>
public enum PhoneKind
{
    /// <summary>Office line.</summary>
    Work,

    /// <summary>Mobile phone.</summary>
    Mobile,

    /// <summary>Private line.</summary>
    Home,

    /// <summary>Fax.</summary>
    Fax,

    /// <summary>Anything else.</summary>
    Other,
}
