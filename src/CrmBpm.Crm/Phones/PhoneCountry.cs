namespace CrmBpm.Crm.Phones;

/// <summary>
/// What the normaliser knows about a country's numbering plan: calling code, the trunk prefix dialled before national
/// numbers and the length of national significant numbers. Countries not listed are checked only against E.164 limits.
/// </summary>
public sealed record PhoneCountry(string IsoCode, string Name, string CallingCode, string TrunkPrefix, int MinNationalLength, int MaxNationalLength)
{
    private static readonly PhoneCountry[] Known =
    [
        new("RU", "Russia", "7", "8", 10, 10),
        new("KZ", "Kazakhstan", "7", "8", 10, 10),
        new("BY", "Belarus", "375", "8", 9, 9),
        new("UA", "Ukraine", "380", "0", 9, 9),
        new("MD", "Moldova", "373", "0", 8, 8),
        new("RO", "Romania", "40", "0", 9, 9),
        new("DE", "Germany", "49", "0", 6, 13),
        new("AT", "Austria", "43", "0", 4, 13),
        new("CH", "Switzerland", "41", "0", 9, 9),
        new("FR", "France", "33", "0", 9, 9),
        new("GB", "the United Kingdom", "44", "0", 9, 10),
        new("NL", "the Netherlands", "31", "0", 9, 9),
        new("PL", "Poland", "48", "", 9, 9),
        new("IT", "Italy", "39", "", 6, 11),
        new("ES", "Spain", "34", "", 9, 9),
        new("US", "the United States", "1", "1", 10, 10),
    ];

    /// <summary>The country with this ISO code, if known.</summary>
    public static bool TryGet(string isoCode, out PhoneCountry country)
    {
        country = Known.FirstOrDefault(c => string.Equals(c.IsoCode, isoCode?.Trim(), StringComparison.OrdinalIgnoreCase))!;
        return country is not null;
    }

    /// <summary>The first known numbering plan whose calling code starts the digits (E.164 codes are prefix-free).</summary>
    public static PhoneCountry? FindByNumber(string digits) =>
        Known.Where(c => digits.StartsWith(c.CallingCode, StringComparison.Ordinal)).OrderByDescending(c => c.CallingCode.Length).FirstOrDefault();
}
