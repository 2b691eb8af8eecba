using CrmBpm.Crm.Common;
using CrmBpm.Crm.Duplicates;
using CrmBpm.Crm.Persistence;
using CrmBpm.Crm.Phones;
using CrmBpm.Engine.Errors;

namespace CrmBpm.Crm.Partners;

/// <summary>Registers partners, their counterparties and contacts, with the duplicate check and phone normalisation.</summary>
public sealed class PartnerService
{
    private readonly CrmCommands _commands;
    private readonly CrmOptions _options;

    internal PartnerService(CrmCommands commands, CrmOptions options)
    {
        _commands = commands;
        _options = options;
    }

    /// <summary>Which existing records a partner with these details would collide with (nothing is saved).</summary>
    public Task<DuplicateCheckResult> CheckDuplicatesAsync(string? name, string? taxId, string? phone, string? email, CancellationToken cancellationToken = default)
    {
        var probe = new DuplicateProbe(name, taxId, Phones(PhoneNumbers.NormalizeOptional(phone, "phone", _options.DefaultPhoneCountry)), Emails(Guard.Email(email, "email")));
        return _commands.ReadAsync(session => DuplicateChecker.CheckAsync(session, probe, cancellationToken), cancellationToken);
    }

    /// <summary>Registers a partner (and, with a tax id, its first counterparty).</summary>
    /// <exception cref="DuplicateRecordException">It collides with existing records and <see cref="RegisterPartner.AllowDuplicates"/> is false.</exception>
    public Task<Partner> RegisterAsync(RegisterPartner request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var phone = PhoneNumbers.NormalizeOptional(request.Phone, "phone", _options.DefaultPhoneCountry);
        return _commands.RunAsync(async session =>
        {
            var partner = new Partner(request.Name, request.Kind, request.Relations, phone, request.Email, request.HoldingId, request.RegisteredBy, _commands.Now);
            if (request.HoldingId is { } holdingId &&
                await session.Partners.FindAsync(holdingId, cancellationToken).ConfigureAwait(false) is not { Kind: PartnerKind.Holding })
            {
                throw new InputException("partner.holding-unknown", "holdingId", $"There is no holding {holdingId}.");
            }

            if (!request.AllowDuplicates)
            {
                var result = await DuplicateChecker.CheckAsync(session, new DuplicateProbe(request.Name, request.TaxId, Phones(phone), Emails(partner.Email)), cancellationToken).ConfigureAwait(false);
                if (result.HasDuplicates)
                {
                    throw new DuplicateRecordException(result);
                }
            }

            session.Partners.Add(partner);
            if (TaxIds.Normalize(request.TaxId) is not null)
            {
                session.Counterparties.Add(new Counterparty(partner.Id, string.IsNullOrWhiteSpace(request.LegalName) ? partner.Name : request.LegalName, request.TaxId));
            }

            return partner;
        }, cancellationToken);
    }

    /// <summary>Adds a legal entity to a partner; its tax id must be new unless <paramref name="allowDuplicates"/>.</summary>
    public Task<Counterparty> AddCounterpartyAsync(Guid partnerId, string legalName, string? taxId, bool allowDuplicates = false, CancellationToken cancellationToken = default) =>
        _commands.RunAsync(async session =>
        {
            await GetPartnerAsync(session, partnerId, cancellationToken).ConfigureAwait(false);
            var counterparty = new Counterparty(partnerId, legalName, taxId);
            if (!allowDuplicates && counterparty.TaxId is not null)
            {
                var result = await DuplicateChecker.CheckAsync(session, new DuplicateProbe(null, counterparty.TaxId), cancellationToken).ConfigureAwait(false);
                if (result.HasDuplicates)
                {
                    throw new DuplicateRecordException(result);
                }
            }

            session.Counterparties.Add(counterparty);
            return counterparty;
        }, cancellationToken);

    /// <summary>Adds a contact person; phone and e-mail must be new unless <see cref="AddContact.AllowDuplicates"/>.</summary>
    public Task<Contact> AddContactAsync(Guid partnerId, AddContact request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var phone = PhoneNumbers.NormalizeOptional(request.Phone, "phone", _options.DefaultPhoneCountry);
        return _commands.RunAsync(async session =>
        {
            await GetPartnerAsync(session, partnerId, cancellationToken).ConfigureAwait(false);
            var contact = new Contact(partnerId, request.Name, phone, request.Email, request.Position);
            if (!request.AllowDuplicates)
            {
                var result = await DuplicateChecker.CheckAsync(session, new DuplicateProbe(null, null, Phones(phone), Emails(contact.Email)), cancellationToken).ConfigureAwait(false);
                if (result.HasDuplicates)
                {
                    throw new DuplicateRecordException(result);
                }
            }

            session.Contacts.Add(contact);
            return contact;
        }, cancellationToken);
    }

    /// <summary>
    /// Corrects every field of a partner. Phones are normalised to E.164; a new name, phone or e-mail that collides with
    /// another record is refused with <see cref="DuplicateRecordException"/> as on registration (the partner itself, its
    /// own counterparties and contacts do not count) unless <see cref="EditPartner.AllowDuplicates"/>. Each changed field
    /// goes into the partner's change log; a partner saved by someone else since <see cref="EditPartner.ExpectedVersion"/>
    /// is refused with <see cref="StaleRecordException"/>.
    /// </summary>
    public Task<Partner> EditAsync(Guid partnerId, EditPartner request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var channels = request.Channels.Checked(_options.DefaultPhoneCountry);
        return _commands.RunAsync(async session =>
        {
            var partner = await GetPartnerAsync(session, partnerId, cancellationToken).ConfigureAwait(false);
            partner.EnsureVersion(request.ExpectedVersion);
            if (request.HoldingId is { } holdingId && holdingId != partner.Id &&
                await session.Partners.FindAsync(holdingId, cancellationToken).ConfigureAwait(false) is not { Kind: PartnerKind.Holding })
            {
                throw new InputException("partner.holding-unknown", "holdingId", $"There is no holding {holdingId}.");
            }

            if (partner.Kind == PartnerKind.Holding && request.Kind != PartnerKind.Holding)
            {
                var members = await session.Partners.ListAsync(p => p.HoldingId == partner.Id, cancellationToken).ConfigureAwait(false);
                if (members.Count > 0)
                {
                    throw new ConflictException("partner.holding-has-companies",
                        $"Holding '{partner.Name}' still groups {string.Join(", ", members.Select(m => $"'{m.Name}'"))}; move them out before it becomes a company.");
                }
            }

            var oldName = partner.NormalizedName;
            var oldPhones = partner.Phones.Select(p => p.Number).ToHashSet(StringComparer.Ordinal);
            var oldEmails = partner.Emails.Select(e => e.Address).ToHashSet(StringComparer.OrdinalIgnoreCase);
            partner.Edit(request.Name, request.Kind, request.Relations, request.HoldingId, channels, request.EditedBy, _commands.Now);
            if (!request.AllowDuplicates)
            {
                // Only what the edit brings in is checked: a value the partner already had was accepted before.
                var probe = new DuplicateProbe(
                    partner.NormalizedName == oldName ? null : partner.Name, null,
                    [.. channels.Phones.Select(p => p.Number).Where(n => !oldPhones.Contains(n))],
                    [.. channels.Emails.Select(e => e.Address).Where(a => !oldEmails.Contains(a))]) { Ignore = [partner.Id] };
                var result = await DuplicateChecker.CheckAsync(session, probe, cancellationToken).ConfigureAwait(false);
                var others = result.Matches.Where(m => m.PartnerId != partner.Id).ToList();
                if (others.Count > 0)
                {
                    throw new DuplicateRecordException(new DuplicateCheckResult(others));
                }
            }

            return partner;
        }, cancellationToken);
    }

    /// <summary>
    /// Corrects every field of a contact person, like <see cref="EditAsync"/>: phones in E.164, new phones and e-mails
    /// checked for duplicates (the contact itself does not count), each change logged, stale edits refused.
    /// </summary>
    public Task<Contact> EditContactAsync(Guid contactId, EditContact request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var channels = request.Channels.Checked(_options.DefaultPhoneCountry);
        return _commands.RunAsync(async session =>
        {
            var contact = await GetContactAsync(session, contactId, cancellationToken).ConfigureAwait(false);
            contact.EnsureVersion(request.ExpectedVersion);
            var oldPhones = contact.Phones.Select(p => p.Number).ToHashSet(StringComparer.Ordinal);
            var oldEmails = contact.Emails.Select(e => e.Address).ToHashSet(StringComparer.OrdinalIgnoreCase);
            contact.Edit(request.Name, request.Position, channels, request.EditedBy, _commands.Now);
            if (!request.AllowDuplicates)
            {
                var probe = new DuplicateProbe(null, null,
                    [.. channels.Phones.Select(p => p.Number).Where(n => !oldPhones.Contains(n))],
                    [.. channels.Emails.Select(e => e.Address).Where(a => !oldEmails.Contains(a))]) { Ignore = [contact.Id] };
                var result = await DuplicateChecker.CheckAsync(session, probe, cancellationToken).ConfigureAwait(false);
                if (result.HasDuplicates)
                {
                    throw new DuplicateRecordException(result);
                }
            }

            return contact;
        }, cancellationToken);
    }

    /// <summary>A contact person; throws <see cref="NotFoundException"/> when unknown.</summary>
    public Task<Contact> GetContactAsync(Guid contactId, CancellationToken cancellationToken = default) =>
        _commands.ReadAsync(session => GetContactAsync(session, contactId, cancellationToken), cancellationToken);

    /// <summary>A partner; throws <see cref="NotFoundException"/> when unknown.</summary>
    public Task<Partner> GetAsync(Guid partnerId, CancellationToken cancellationToken = default) =>
        _commands.ReadAsync(session => GetPartnerAsync(session, partnerId, cancellationToken), cancellationToken);

    /// <summary>All partners, by name.</summary>
    public Task<IReadOnlyList<Partner>> ListAsync(CancellationToken cancellationToken = default) =>
        _commands.ReadAsync<IReadOnlyList<Partner>>(async session =>
            [.. (await session.Partners.ListAsync(null, cancellationToken).ConfigureAwait(false)).OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)], cancellationToken);

    /// <summary>
    /// Partners, by name, whose name, tax id (of any counterparty), phone or e-mail (the partner's or a contact's) contains
    /// <paramref name="text"/>; optionally only of one kind and with a relation. Names compare like the duplicate check
    /// (no case, punctuation or legal form), tax ids without separators and phones by their digits, so "030 1234567"
    /// finds +49301234567 when the default country is Germany.
    /// </summary>
    public Task<IReadOnlyList<Partner>> SearchAsync(string? text, PartnerKind? kind = null, PartnerRelations? relations = null, CancellationToken cancellationToken = default) =>
        _commands.ReadAsync<IReadOnlyList<Partner>>(async session =>
        {
            var partners = (await session.Partners.ListAsync(null, cancellationToken).ConfigureAwait(false))
                .Where(p => kind is null || p.Kind == kind)
                .Where(p => relations is null or PartnerRelations.None || (p.Relations & relations) != 0)
                .ToList();
            var search = PartnerSearchText.From(text, _options.DefaultPhoneCountry);
            if (search is not null)
            {
                var byTaxId = search.TaxId is null
                    ? []
                    : (await session.Counterparties.ListAsync(null, cancellationToken).ConfigureAwait(false))
                        .Where(c => search.MatchesTaxId(c.TaxId)).Select(c => c.PartnerId).ToHashSet();
                var byContact = (await session.Contacts.ListAsync(null, cancellationToken).ConfigureAwait(false))
                    .Where(c => c.Phones.Any(p => search.MatchesPhone(p.Number)) || c.Emails.Any(e => search.MatchesEmail(e.Address))).Select(c => c.PartnerId).ToHashSet();
                partners = [.. partners.Where(p => search.MatchesName(p.Name, p.NormalizedName) || p.Phones.Any(x => search.MatchesPhone(x.Number)) || p.Emails.Any(e => search.MatchesEmail(e.Address))
                    || byTaxId.Contains(p.Id) || byContact.Contains(p.Id))];
            }

            return [.. partners.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)];
        }, cancellationToken);

    /// <summary>The counterparties of a partner.</summary>
    public Task<IReadOnlyList<Counterparty>> CounterpartiesAsync(Guid partnerId, CancellationToken cancellationToken = default) =>
        _commands.ReadAsync(session => session.Counterparties.ListAsync(c => c.PartnerId == partnerId, cancellationToken), cancellationToken);

    /// <summary>The contacts of a partner.</summary>
    public Task<IReadOnlyList<Contact>> ContactsAsync(Guid partnerId, CancellationToken cancellationToken = default) =>
        _commands.ReadAsync(session => session.Contacts.ListAsync(c => c.PartnerId == partnerId, cancellationToken), cancellationToken);

    internal static async Task<Partner> GetPartnerAsync(ICrmSession session, Guid partnerId, CancellationToken cancellationToken) =>
        await session.Partners.FindAsync(partnerId, cancellationToken).ConfigureAwait(false)
        ?? throw new NotFoundException("partner.not-found", $"Partner {partnerId} does not exist.");

    private static async Task<Contact> GetContactAsync(ICrmSession session, Guid contactId, CancellationToken cancellationToken) =>
        await session.Contacts.FindAsync(contactId, cancellationToken).ConfigureAwait(false)
        ?? throw new NotFoundException("contact.not-found", $"Contact {contactId} does not exist.");

    internal static IReadOnlyList<string> Phones(string? phone) => phone is null ? [] : [phone];

    internal static IReadOnlyList<string> Emails(string? email) => email is null ? [] : [email];
}
