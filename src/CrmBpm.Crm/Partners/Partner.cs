using CrmBpm.Crm.Common;
using CrmBpm.Crm.Duplicates;
using CrmBpm.Engine.Errors;

namespace CrmBpm.Crm.Partners;

/// <summary>
/// A business partner: a holding or a company we have relations with. Its legal entities are
/// <see cref="Counterparty"/>s and its people <see cref="Contact"/>s.
/// </summary>
public sealed class Partner : AggregateRoot, IChangeLogged
{
    private readonly List<ContactPhone> _phones = [];
    private readonly List<ContactEmail> _emails = [];
    private readonly List<ContactAddress> _addresses = [];
    private readonly List<FieldChange> _changeLog = [];
    private Partner()
    {
    }

    /// <summary>Registers a partner; phone must already be E.164 (see <see cref="Phones.PhoneNumbers"/>).</summary>
    public Partner(string name, PartnerKind kind, PartnerRelations relations, string? phone, string? email, Guid? holdingId, string createdBy, DateTimeOffset at)
    {
        Id = Guid.NewGuid();
        Rename(name);
        Kind = kind;
        Relations = relations;
        Phone = phone;
        Email = Guard.Email(email, "email");
        if (Phone is not null)
        {
            _phones.Add(new ContactPhone(PhoneKind.Work, Phone));
        }

        if (Email is not null)
        {
            _emails.Add(new ContactEmail(EmailKind.Work, Email));
        }

        if (holdingId is not null && kind == PartnerKind.Holding)
        {
            throw new InputException("partner.holding-in-holding", "holdingId", "A holding cannot belong to another holding.");
        }

        HoldingId = holdingId;
        CreatedBy = createdBy;
        CreatedAt = at;
    }

    /// <summary>Display name, e.g. "ACME GmbH".</summary>
    public string Name { get; private set; } = "";

    /// <summary>The name without case, punctuation and legal form ("acme"), for duplicate checks.</summary>
    public string NormalizedName { get; private set; } = "";

    /// <summary>Holding or company.</summary>
    public PartnerKind Kind { get; private set; }

    /// <summary>Customer, supplier, competitor, other.</summary>
    public PartnerRelations Relations { get; private set; }

    /// <summary>The holding the company belongs to.</summary>
    public Guid? HoldingId { get; private set; }

    /// <summary>Main phone in E.164: the first of <see cref="Phones"/>.</summary>
    public string? Phone { get; private set; }

    /// <summary>Main e-mail: the first of <see cref="Emails"/>.</summary>
    public string? Email { get; private set; }

    /// <summary>The lead this partner was created from.</summary>
    public Guid? SourceLeadId { get; private set; }

    /// <summary>Who registered it.</summary>
    public string CreatedBy { get; private set; } = "";

    /// <summary>When it was registered.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Every phone with its kind (E.164); a record stored before the lists existed shows its main phone.</summary>
    public IReadOnlyList<ContactPhone> Phones => _phones.Count == 0 && Phone is not null ? [new ContactPhone(PhoneKind.Work, Phone)] : _phones;

    /// <summary>Every e-mail with its kind.</summary>
    public IReadOnlyList<ContactEmail> Emails => _emails.Count == 0 && Email is not null ? [new ContactEmail(EmailKind.Work, Email)] : _emails;

    /// <summary>Every address with its kind.</summary>
    public IReadOnlyList<ContactAddress> Addresses => _addresses;

    /// <summary>Every correction made by hand, oldest first.</summary>
    public IReadOnlyList<FieldChange> ChangeLog => _changeLog;

    string IChangeLogged.RecordType => "partner";

    string IChangeLogged.DisplayName => Name;

    /// <summary>
    /// Corrects every field; <paramref name="channels"/> must be checked already (<see cref="ContactChannels.Checked"/>).
    /// Each changed field goes into <see cref="ChangeLog"/>; returns false when nothing changed. Whether the holding
    /// exists and whether a holding still has companies is the service's to check.
    /// </summary>
    public bool Edit(string name, PartnerKind kind, PartnerRelations relations, Guid? holdingId, ContactChannels channels, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(channels);
        if (holdingId is not null && kind == PartnerKind.Holding)
        {
            throw new InputException("partner.holding-in-holding", "holdingId", "A holding cannot belong to another holding.");
        }

        if (holdingId == Id)
        {
            throw new InputException("partner.own-holding", "holdingId", $"Partner '{Name}' cannot be its own holding.");
        }

        var before = (Name, Kind, Relations, HoldingId, Phones: Phones.ToList(), Emails: Emails.ToList(), Addresses: _addresses.ToList());
        Rename(name);
        Kind = kind;
        Relations = relations;
        HoldingId = holdingId;
        Replace(_phones, channels.Phones);
        Replace(_emails, channels.Emails);
        Replace(_addresses, channels.Addresses);
        Phone = _phones.FirstOrDefault()?.Number;
        Email = _emails.FirstOrDefault()?.Address;
        var changed = false;
        changed |= Log("Name", before.Name, Name, by, at);
        changed |= Log("Kind", before.Kind.ToString(), Kind.ToString(), by, at);
        changed |= Log("Relations", before.Relations.ToString(), Relations.ToString(), by, at);
        changed |= Log("Holding", before.HoldingId?.ToString(), HoldingId?.ToString(), by, at);
        changed |= Log("Phones", Common.ChangeLog.Text(before.Phones), Common.ChangeLog.Text(_phones), by, at);
        changed |= Log("Emails", Common.ChangeLog.Text(before.Emails), Common.ChangeLog.Text(_emails), by, at);
        changed |= Log("Addresses", Common.ChangeLog.Text(before.Addresses), Common.ChangeLog.Text(_addresses), by, at);
        return changed;
    }

    /// <summary>Changes the name.</summary>
    public void Rename(string name)
    {
        Name = Guard.Required(name, "name", "A partner name", 300);
        NormalizedName = CompanyNames.Normalize(Name);
    }

    /// <summary>Adds relations (e.g. a supplier becomes a customer too).</summary>
    public void AddRelations(PartnerRelations relations) => Relations |= relations;

    private static void Replace<T>(List<T> list, IEnumerable<T> items)
    {
        list.Clear();
        list.AddRange(items);
    }

    private bool Log(string field, string? before, string? after, string by, DateTimeOffset at) =>
        Common.ChangeLog.Record(_changeLog, field, before, after, by, at);

    internal void MarkCreatedFromLead(Guid leadId) => SourceLeadId = leadId;
}
