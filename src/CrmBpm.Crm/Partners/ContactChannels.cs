using CrmBpm.Crm.Common;
using CrmBpm.Crm.Phones;
using CrmBpm.Engine.Errors;

namespace CrmBpm.Crm.Partners;

/// <summary>
/// The phones, e-mails and addresses of a partner or contact, checked: phones normalised to E.164 (as on registration),
/// e-mails checked, addresses trimmed, no value listed twice. Every refusal names the list entry (<c>phones[1].number</c>).
/// The first phone and the first e-mail are the main ones.
/// </summary>
public sealed record ContactChannels
{
    /// <summary>At most this many entries per list.</summary>
    public const int MaxEntries = 20;

    /// <summary>Phones; numbers may be in any common notation until <see cref="Checked"/>.</summary>
    public IReadOnlyList<ContactPhone> Phones { get; init; } = [];

    /// <summary>E-mail addresses.</summary>
    public IReadOnlyList<ContactEmail> Emails { get; init; } = [];

    /// <summary>Addresses.</summary>
    public IReadOnlyList<ContactAddress> Addresses { get; init; } = [];

    /// <summary>The channels with phones in E.164 and everything checked; throws <see cref="InputException"/> listing every problem.</summary>
    public ContactChannels Checked(string? defaultPhoneCountry)
    {
        var problems = new List<InputProblem>();
        var phones = new List<ContactPhone>();
        var emails = new List<ContactEmail>();
        var addresses = new List<ContactAddress>();
        TooMany(problems, "phones", Phones.Count);
        TooMany(problems, "emails", Emails.Count);
        TooMany(problems, "addresses", Addresses.Count);
        for (var i = 0; i < Phones.Count; i++)
        {
            var field = $"phones[{i}].number";
            if (!Enum.IsDefined(Phones[i].Kind))
            {
                problems.Add(new InputProblem($"phones[{i}].kind", $"'{Phones[i].Kind}' is not a phone kind; use one of {string.Join(", ", Enum.GetNames<PhoneKind>())}."));
            }
            else if (string.IsNullOrWhiteSpace(Phones[i].Number))
            {
                problems.Add(new InputProblem(field, "The phone number is empty; remove the line or fill it in."));
            }
            else if (!PhoneNumbers.TryNormalize(Phones[i].Number, defaultPhoneCountry, out var e164, out var why))
            {
                problems.Add(new InputProblem(field, why));
            }
            else if (phones.Any(p => p.Number == e164))
            {
                problems.Add(new InputProblem(field, $"{e164} is listed twice."));
            }
            else
            {
                phones.Add(new ContactPhone(Phones[i].Kind, e164));
            }
        }

        for (var i = 0; i < Emails.Count; i++)
        {
            var field = $"emails[{i}].address";
            if (!Enum.IsDefined(Emails[i].Kind))
            {
                problems.Add(new InputProblem($"emails[{i}].kind", $"'{Emails[i].Kind}' is not an e-mail kind; use one of {string.Join(", ", Enum.GetNames<EmailKind>())}."));
                continue;
            }

            try
            {
                var address = Guard.Email(Emails[i].Address, field) ?? throw new InputException("input.required", field, "The e-mail address is empty; remove the line or fill it in.");
                Guard.Required(address, field, "An e-mail address", 320);
                if (emails.Any(e => string.Equals(e.Address, address, StringComparison.OrdinalIgnoreCase)))
                {
                    problems.Add(new InputProblem(field, $"{address} is listed twice."));
                }
                else
                {
                    emails.Add(new ContactEmail(Emails[i].Kind, address));
                }
            }
            catch (InputException ex)
            {
                problems.AddRange(ex.Problems);
            }
        }

        for (var i = 0; i < Addresses.Count; i++)
        {
            var field = $"addresses[{i}].text";
            if (!Enum.IsDefined(Addresses[i].Kind))
            {
                problems.Add(new InputProblem($"addresses[{i}].kind", $"'{Addresses[i].Kind}' is not an address kind; use one of {string.Join(", ", Enum.GetNames<AddressKind>())}."));
                continue;
            }

            try
            {
                addresses.Add(new ContactAddress(Addresses[i].Kind, Guard.Required(Addresses[i].Text, field, "The address", 1000)));
            }
            catch (InputException ex)
            {
                problems.AddRange(ex.Problems);
            }
        }

        return problems.Count > 0
            ? throw new InputException("input.invalid", problems)
            : new ContactChannels { Phones = phones, Emails = emails, Addresses = addresses };
    }

    private static void TooMany(List<InputProblem> problems, string field, int count)
    {
        if (count > MaxEntries)
        {
            problems.Add(new InputProblem(field, $"At most {MaxEntries} entries; {count} were given."));
        }
    }
}
