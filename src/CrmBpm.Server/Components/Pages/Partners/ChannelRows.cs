using CrmBpm.Crm.Partners;

namespace CrmBpm.Server.Components.Pages.Partners;

/// <summary>
/// The phones, e-mails and addresses of a partner or contact while they are being edited: rows that can be added,
/// changed and removed, turned into <see cref="ContactChannels"/> for the CRM to check on save.
/// </summary>
public sealed class ChannelRows
{
    /// <summary>Phone rows.</summary>
    public List<ChannelRow<PhoneKind>> Phones { get; } = [];

    /// <summary>E-mail rows.</summary>
    public List<ChannelRow<EmailKind>> Emails { get; } = [];

    /// <summary>Address rows.</summary>
    public List<ChannelRow<AddressKind>> Addresses { get; } = [];

    /// <summary>Rows for what a record has now.</summary>
    public static ChannelRows From(IEnumerable<ContactPhone> phones, IEnumerable<ContactEmail> emails, IEnumerable<ContactAddress> addresses)
    {
        var rows = new ChannelRows();
        rows.Phones.AddRange(phones.Select(p => new ChannelRow<PhoneKind> { Kind = p.Kind, Value = p.Number }));
        rows.Emails.AddRange(emails.Select(e => new ChannelRow<EmailKind> { Kind = e.Kind, Value = e.Address }));
        rows.Addresses.AddRange(addresses.Select(a => new ChannelRow<AddressKind> { Kind = a.Kind, Value = a.Text }));
        return rows;
    }

    /// <summary>The rows as the CRM takes them; it normalises and checks them, naming each bad row.</summary>
    public ContactChannels ToChannels() => new()
    {
        Phones = [.. Phones.Select(r => new ContactPhone(r.Kind, r.Value))],
        Emails = [.. Emails.Select(r => new ContactEmail(r.Kind, r.Value))],
        Addresses = [.. Addresses.Select(r => new ContactAddress(r.Kind, r.Value))],
    };
}

/// <summary>One editable row: a kind and the text.</summary>
public sealed class ChannelRow<TKind>
    where TKind : struct, Enum
{
    /// <summary>Work, mobile, legal, ...</summary>
    public TKind Kind { get; set; }

    /// <summary>The number, address or text as typed.</summary>
    public string Value { get; set; } = "";
}
