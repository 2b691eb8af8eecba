using CrmBpm.Crm.Duplicates;
using CrmBpm.Crm.Phones;

namespace CrmBpm.Crm.Partners;

/// <summary>
/// What a user typed into a search box, prepared once for every field it may match: the text itself, the comparable
/// company name, the comparable tax id and the phone digits (as E.164 when the text is a whole phone number).
/// </summary>
public sealed class PartnerSearchText
{
    private const int MinPhoneDigits = 4;

    private PartnerSearchText(string text, string? defaultPhoneCountry)
    {
        Text = text;
        Name = CompanyNames.Normalize(text);
        TaxId = TaxIds.Normalize(text);
        var digits = new string([.. text.Where(char.IsAsciiDigit)]);
        // Only text that looks like a phone number is compared by digits: "Acme 2" must not find every number with a 2.
        var looksLikePhone = digits.Length >= MinPhoneDigits && text.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')' or '.' or '/');
        // Both the digits as typed (a fragment: "1234567") and the whole number in E.164 ("030 1234567" → 49301234567).
        PhoneDigits = !looksLikePhone ? []
            : PhoneNumbers.TryNormalize(text, defaultPhoneCountry, out var e164, out _) && e164[1..] != digits ? [digits, e164[1..]]
            : [digits];
    }

    /// <summary>The trimmed text.</summary>
    public string Text { get; }

    /// <summary>The text as a company name compares (see <see cref="CompanyNames"/>).</summary>
    public string Name { get; }

    /// <summary>The text as a tax id compares, or null when it has no letters or digits.</summary>
    public string? TaxId { get; }

    /// <summary>The digit strings to look for in phone numbers; none when the text is not a phone number.</summary>
    public IReadOnlyList<string> PhoneDigits { get; }

    /// <summary>The prepared search, or null when <paramref name="text"/> is blank (everything matches).</summary>
    public static PartnerSearchText? From(string? text, string? defaultPhoneCountry) =>
        string.IsNullOrWhiteSpace(text) ? null : new PartnerSearchText(text.Trim(), defaultPhoneCountry);

    /// <summary>True when the name contains the text as typed or as a comparable name.</summary>
    public bool MatchesName(string? name, string? normalizedName) =>
        name?.Contains(Text, StringComparison.OrdinalIgnoreCase) == true ||
        (Name.Length > 0 && normalizedName?.Contains(Name, StringComparison.Ordinal) == true);

    /// <summary>True when the tax id contains the text without separators.</summary>
    public bool MatchesTaxId(string? taxId) => TaxId is not null && taxId?.Contains(TaxId, StringComparison.Ordinal) == true;

    /// <summary>True when the E.164 phone contains the searched digits.</summary>
    public bool MatchesPhone(string? e164) => e164 is not null && PhoneDigits.Any(digits => e164.Contains(digits, StringComparison.Ordinal));

    /// <summary>True when the e-mail contains the text (case-insensitive).</summary>
    public bool MatchesEmail(string? email) => email?.Contains(Text, StringComparison.OrdinalIgnoreCase) == true;
}
