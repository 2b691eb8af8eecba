using CrmBpm.Crm.Common;
using CrmBpm.Crm.Duplicates;
using CrmBpm.Crm.Partners;
using CrmBpm.Crm.Phones;
using CrmBpm.Engine.Errors;

namespace CrmBpm.Crm.Leads;

/// <summary>Registers and discards leads; they are converted by <see cref="Deals.DealService.OpenAsync"/> on their first deal.</summary>
public sealed class LeadService
{
    private readonly CrmCommands _commands;
    private readonly CrmOptions _options;

    internal LeadService(CrmCommands commands, CrmOptions options)
    {
        _commands = commands;
        _options = options;
    }

    /// <summary>Registers a lead after the duplicate check against partners, counterparties, contacts and open leads.</summary>
    /// <exception cref="DuplicateRecordException">It collides with existing records and <see cref="RegisterLead.AllowDuplicates"/> is false.</exception>
    public Task<Lead> RegisterAsync(RegisterLead request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var phone = PhoneNumbers.NormalizeOptional(request.Phone, "phone", _options.DefaultPhoneCountry);
        return _commands.RunAsync(async session =>
        {
            var lead = new Lead(request.CompanyName, request.ContactName, phone, request.Email, request.TaxId, request.AdChannel, request.PrimaryDemand, request.OwnerId, _commands.Now);
            if (!request.AllowDuplicates)
            {
                var probe = new DuplicateProbe(lead.CompanyName, lead.TaxId, PartnerService.Phones(phone), PartnerService.Emails(lead.Email));
                var result = await DuplicateChecker.CheckAsync(session, probe, cancellationToken).ConfigureAwait(false);
                if (result.HasDuplicates)
                {
                    throw new DuplicateRecordException(result);
                }
            }

            session.Leads.Add(lead);
            return lead;
        }, cancellationToken);
    }

    /// <summary>Discards an open lead with a reason.</summary>
    public Task<Lead> DiscardAsync(Guid leadId, string reason, CancellationToken cancellationToken = default) =>
        _commands.RunAsync(async session =>
        {
            var lead = await GetLeadAsync(session, leadId, cancellationToken).ConfigureAwait(false);
            lead.Discard(reason, _commands.Now);
            return lead;
        }, cancellationToken);

    /// <summary>A lead; throws <see cref="NotFoundException"/> when unknown.</summary>
    public Task<Lead> GetAsync(Guid leadId, CancellationToken cancellationToken = default) =>
        _commands.ReadAsync(session => GetLeadAsync(session, leadId, cancellationToken), cancellationToken);

    /// <summary>Leads in a state (all when null), newest first.</summary>
    public Task<IReadOnlyList<Lead>> ListAsync(LeadStatus? status = null, CancellationToken cancellationToken = default) =>
        _commands.ReadAsync<IReadOnlyList<Lead>>(async session =>
            [.. (await session.Leads.ListAsync(status is null ? null : l => l.Status == status, cancellationToken).ConfigureAwait(false)).OrderByDescending(l => l.CreatedAt)], cancellationToken);

    /// <summary>
    /// Leads in a state (all when null), newest first, whose company or contact name, tax id, phone or e-mail contains
    /// <paramref name="text"/>, compared the way <see cref="PartnerService.SearchAsync"/> compares partners.
    /// </summary>
    public async Task<IReadOnlyList<Lead>> SearchAsync(LeadStatus? status, string? text, CancellationToken cancellationToken = default)
    {
        var leads = await ListAsync(status, cancellationToken).ConfigureAwait(false);
        var search = PartnerSearchText.From(text, _options.DefaultPhoneCountry);
        return search is null
            ? leads
            : [.. leads.Where(l => search.MatchesName(l.CompanyName, l.NormalizedCompanyName) || search.MatchesName(l.ContactName, null)
                || search.MatchesTaxId(l.TaxId) || search.MatchesPhone(l.Phone) || search.MatchesEmail(l.Email))];
    }

    internal static async Task<Lead> GetLeadAsync(Persistence.ICrmSession session, Guid leadId, CancellationToken cancellationToken) =>
        await session.Leads.FindAsync(leadId, cancellationToken).ConfigureAwait(false)
        ?? throw new NotFoundException("lead.not-found", $"Lead {leadId} does not exist.");
}
