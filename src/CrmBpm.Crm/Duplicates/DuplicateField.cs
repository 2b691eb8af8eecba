namespace CrmBpm.Crm.Duplicates;

/// <summary>What two records have in common.</summary>
public enum DuplicateField
{
    /// <summary>The same company name once case, punctuation and legal form are ignored.</summary>
    Name,

    /// <summary>The same tax id.</summary>
    TaxId,

    /// <summary>The same phone number (E.164).</summary>
    Phone,

    /// <summary>The same e-mail address (case-insensitive).</summary>
    Email,
}
