using CrmBpm.Crm.Leads;
using CrmBpm.Crm.Persistence;

namespace CrmBpm.Crm.Duplicates;

/// <summary>
/// Looks for partners, counterparties, contacts and open leads that share a normalised name, tax id, phone or e-mail
/// with what is being registered or edited (every listed phone and e-mail counts, not only the main ones).
/// </summary>
internal static class DuplicateChecker
{
    public static async Task<DuplicateCheckResult> CheckAsync(ICrmSession session, DuplicateProbe probe, CancellationToken cancellationToken)
    {
        var name = CompanyNames.Normalize(probe.Name);
        var taxId = TaxIds.Normalize(probe.TaxId);
        var phones = (probe.Phones ?? []).Where(p => !string.IsNullOrWhiteSpace(p)).ToHashSet(StringComparer.Ordinal);
        var emails = (probe.Emails ?? []).Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var matches = new List<DuplicateMatch>();
        var ignore = probe.Ignore.ToHashSet();

        void Check(string type, Guid id, string recordName, DuplicateField field, string? value, bool same, Guid? partnerId)
        {
            if (same && value is not null && !ignore.Contains(id))
            {
                matches.Add(new DuplicateMatch(type, id, recordName, field, value, partnerId));
            }
        }

        foreach (var partner in await session.Partners.ListAsync(null, cancellationToken).ConfigureAwait(false))
        {
            Check("partner", partner.Id, partner.Name, DuplicateField.Name, partner.Name, name.Length > 0 && partner.NormalizedName == name, partner.Id);
            foreach (var phone in partner.Phones)
            {
                Check("partner", partner.Id, partner.Name, DuplicateField.Phone, phone.Number, phones.Contains(phone.Number), partner.Id);
            }

            foreach (var email in partner.Emails)
            {
                Check("partner", partner.Id, partner.Name, DuplicateField.Email, email.Address, emails.Contains(email.Address), partner.Id);
            }
        }

        foreach (var counterparty in await session.Counterparties.ListAsync(null, cancellationToken).ConfigureAwait(false))
        {
            Check("counterparty", counterparty.Id, counterparty.Name, DuplicateField.TaxId, counterparty.TaxId, taxId is not null && counterparty.TaxId == taxId, counterparty.PartnerId);
            Check("counterparty", counterparty.Id, counterparty.Name, DuplicateField.Name, counterparty.Name,
                name.Length > 0 && counterparty.NormalizedName == name && !matches.Any(m => m.RecordType == "partner" && m.Field == DuplicateField.Name && m.RecordId == counterparty.PartnerId), counterparty.PartnerId);
        }

        foreach (var contact in await session.Contacts.ListAsync(null, cancellationToken).ConfigureAwait(false))
        {
            foreach (var phone in contact.Phones)
            {
                Check("contact", contact.Id, contact.Name, DuplicateField.Phone, phone.Number, phones.Contains(phone.Number), contact.PartnerId);
            }

            foreach (var email in contact.Emails)
            {
                Check("contact", contact.Id, contact.Name, DuplicateField.Email, email.Address, emails.Contains(email.Address), contact.PartnerId);
            }
        }

        foreach (var lead in await session.Leads.ListAsync(l => l.Status == LeadStatus.Open, cancellationToken).ConfigureAwait(false))
        {
            Check("lead", lead.Id, lead.CompanyName, DuplicateField.Name, lead.CompanyName, name.Length > 0 && lead.NormalizedCompanyName == name, lead.PartnerId);
            Check("lead", lead.Id, lead.CompanyName, DuplicateField.TaxId, lead.TaxId, taxId is not null && lead.TaxId == taxId, lead.PartnerId);
            Check("lead", lead.Id, lead.CompanyName, DuplicateField.Phone, lead.Phone, lead.Phone is not null && phones.Contains(lead.Phone), lead.PartnerId);
            Check("lead", lead.Id, lead.CompanyName, DuplicateField.Email, lead.Email, lead.Email is not null && emails.Contains(lead.Email), lead.PartnerId);
        }

        return new DuplicateCheckResult(matches);
    }
}
