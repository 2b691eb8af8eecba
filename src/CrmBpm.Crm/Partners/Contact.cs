using CrmBpm.Crm.Common;

namespace CrmBpm.Crm.Partners;

/// <summary>A person at a partner.</summary>
public sealed class Contact : AggregateRoot, IChangeLogged
{
    private readonly List<ContactPhone> _phones = [];
    private readonly List<ContactEmail> _emails = [];
    private readonly List<ContactAddress> _addresses = [];
    private readonly List<FieldChange> _changeLog = [];
    private Contact()
    {
    }

    /// <summary>Creates a contact of <paramref name="partnerId"/>; the phone must already be E.164.</summary>
    public Contact(Guid partnerId, string name, string? phone, string? email, string? position)
    {
        Id = Guid.NewGuid();
        PartnerId = Guard.Id(partnerId, "partnerId", "The partner");
        Name = Guard.Required(name, "name", "A contact name", 200);
        Phone = phone;
        Email = Guard.Email(email, "email");
        Position = Guard.Optional(position, "position", "A position", 200);
        if (Phone is not null)
        {
            _phones.Add(new ContactPhone(PhoneKind.Work, Phone));
        }

        if (Email is not null)
        {
            _emails.Add(new ContactEmail(EmailKind.Work, Email));
        }
    }

    /// <summary>The partner the person works for.</summary>
    public Guid PartnerId { get; private set; }

    /// <summary>Full name.</summary>
    public string Name { get; private set; } = "";

    /// <summary>Main phone in E.164: the first of <see cref="Phones"/>.</summary>
    public string? Phone { get; private set; }

    /// <summary>Main e-mail: the first of <see cref="Emails"/>.</summary>
    public string? Email { get; private set; }

    /// <summary>Job title, e.g. "Purchasing manager".</summary>
    public string Position { get; private set; } = "";

    /// <summary>Every phone with its kind (E.164); a record stored before the lists existed shows its main phone.</summary>
    public IReadOnlyList<ContactPhone> Phones => _phones.Count == 0 && Phone is not null ? [new ContactPhone(PhoneKind.Work, Phone)] : _phones;

    /// <summary>Every e-mail with its kind.</summary>
    public IReadOnlyList<ContactEmail> Emails => _emails.Count == 0 && Email is not null ? [new ContactEmail(EmailKind.Work, Email)] : _emails;

    /// <summary>Every address with its kind.</summary>
    public IReadOnlyList<ContactAddress> Addresses => _addresses;

    /// <summary>Every correction made by hand, oldest first.</summary>
    public IReadOnlyList<FieldChange> ChangeLog => _changeLog;

    string IChangeLogged.RecordType => "contact";

    string IChangeLogged.DisplayName => Name;

    /// <summary>
    /// Corrects every field; <paramref name="channels"/> must be checked already (<see cref="ContactChannels.Checked"/>).
    /// Each changed field goes into <see cref="ChangeLog"/>; returns false when nothing changed.
    /// </summary>
    public bool Edit(string name, string? position, ContactChannels channels, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(channels);
        var before = (Name, Position, Phones: Phones.ToList(), Emails: Emails.ToList(), Addresses: _addresses.ToList());
        Name = Guard.Required(name, "name", "A contact name", 200);
        Position = Guard.Optional(position, "position", "A position", 200);
        _phones.Clear();
        _phones.AddRange(channels.Phones);
        _emails.Clear();
        _emails.AddRange(channels.Emails);
        _addresses.Clear();
        _addresses.AddRange(channels.Addresses);
        Phone = _phones.FirstOrDefault()?.Number;
        Email = _emails.FirstOrDefault()?.Address;
        var changed = false;
        changed |= Log("Name", before.Name, Name, by, at);
        changed |= Log("Position", before.Position, Position, by, at);
        changed |= Log("Phones", Common.ChangeLog.Text(before.Phones), Common.ChangeLog.Text(_phones), by, at);
        changed |= Log("Emails", Common.ChangeLog.Text(before.Emails), Common.ChangeLog.Text(_emails), by, at);
        changed |= Log("Addresses", Common.ChangeLog.Text(before.Addresses), Common.ChangeLog.Text(_addresses), by, at);
        return changed;
    }

    private bool Log(string field, string? before, string? after, string by, DateTimeOffset at) =>
        Common.ChangeLog.Record(_changeLog, field, before, after, by, at);
}
