namespace CrmBpm.Crm.Duplicates;

/// <summary>What is about to be registered: a company name, a tax id, phones (already E.164) and e-mails.</summary>
public sealed record DuplicateProbe(string? Name, string? TaxId = null, IReadOnlyList<string>? Phones = null, IReadOnlyList<string>? Emails = null)
{
    /// <summary>Records of this id are not reported (the record itself, or the lead being converted).</summary>
    public IReadOnlyList<Guid> Ignore { get; init; } = [];
}
