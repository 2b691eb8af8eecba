using CrmBpm.Crm.Common;
using CrmBpm.Crm.Duplicates;

namespace CrmBpm.Crm.Partners;

/// <summary>A legal entity of a partner: the party that signs contracts and receives invoices.</summary>
public sealed class Counterparty : AggregateRoot
{
    private Counterparty()
    {
    }

    /// <summary>Creates a counterparty of <paramref name="partnerId"/>.</summary>
    public Counterparty(Guid partnerId, string name, string? taxId)
    {
        Id = Guid.NewGuid();
        PartnerId = Guard.Id(partnerId, "partnerId", "The partner");
        Name = Guard.Required(name, "name", "A counterparty name", 300);
        NormalizedName = CompanyNames.Normalize(Name);
        TaxId = TaxIds.Normalize(taxId);
    }

    /// <summary>The partner it belongs to.</summary>
    public Guid PartnerId { get; private set; }

    /// <summary>Legal name.</summary>
    public string Name { get; private set; } = "";

    /// <summary>Name without case, punctuation and legal form.</summary>
    public string NormalizedName { get; private set; } = "";

    /// <summary>Tax id (VAT id, INN, ...) without spaces and dashes, upper case.</summary>
    public string? TaxId { get; private set; }
}
