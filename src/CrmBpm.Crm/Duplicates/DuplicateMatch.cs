namespace CrmBpm.Crm.Duplicates;

/// <summary>
/// An existing record a new one collides with: which record (<paramref name="RecordType"/> is <c>partner</c>,
/// <c>counterparty</c>, <c>contact</c> or <c>lead</c>), and on which field and value. <paramref name="PartnerId"/> is the
/// partner the record is or belongs to (null for a lead), so a user can be sent to the existing partner's card.
/// </summary>
public sealed record DuplicateMatch(string RecordType, Guid RecordId, string RecordName, DuplicateField Field, string Value, Guid? PartnerId = null)
{
    /// <summary>A sentence such as "partner 'Acme' has the same name (acme)".</summary>
    public string Describe() => Field switch
    {
        DuplicateField.Name => $"{RecordType} '{RecordName}' has the same name ('{Value}')",
        DuplicateField.TaxId => $"{RecordType} '{RecordName}' has the tax id {Value}",
        DuplicateField.Phone => $"{RecordType} '{RecordName}' has the phone {Value}",
        _ => $"{RecordType} '{RecordName}' has the e-mail {Value}",
    };
}
