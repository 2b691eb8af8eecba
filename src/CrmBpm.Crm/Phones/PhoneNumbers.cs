using System.Text;
using CrmBpm.Engine.Errors;

namespace CrmBpm.Crm.Phones;

/// <summary>
/// Normalises phone numbers to E.164 (<c>+493012345678</c>) without an external library: international input
/// (<c>+49 30 1234567</c>, <c>0049 30 1234567</c>) is taken as is; national input (<c>8 (495) 123-45-67</c>,
/// <c>030 1234567</c>) uses the default country's calling code and trunk prefix. Lengths are checked against a small
/// table of countries and against the E.164 limits for all others.
/// </summary>
public static class PhoneNumbers
{
    /// <summary>Normalises <paramref name="input"/> or throws an <see cref="InputException"/> naming <paramref name="field"/> and the value.</summary>
    /// <param name="input">What the user typed.</param>
    /// <param name="field">The field it came from, for the error message.</param>
    /// <param name="defaultCountry">ISO 3166 code (e.g. <c>DE</c>, <c>RU</c>) used for numbers without a country code.</param>
    public static string Normalize(string input, string field, string? defaultCountry) =>
        TryNormalize(input, defaultCountry, out var e164, out var problem)
            ? e164
            : throw new InputException("phone.invalid", field, $"The phone number '{input}' in {field} {problem}");

    /// <summary>Normalises a number that may be empty: null stays null.</summary>
    public static string? NormalizeOptional(string? input, string field, string? defaultCountry) =>
        string.IsNullOrWhiteSpace(input) ? null : Normalize(input, field, defaultCountry);

    /// <summary>Normalises <paramref name="input"/>; on failure <paramref name="problem"/> completes the sentence "The phone number ... ".</summary>
    public static bool TryNormalize(string? input, string? defaultCountry, out string e164, out string problem)
    {
        e164 = "";
        if (string.IsNullOrWhiteSpace(input))
        {
            problem = "is empty.";
            return false;
        }

        var text = input.Trim();
        var international = false;
        var digits = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '+' && digits.Length == 0 && !international)
            {
                international = true;
            }
            else if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c is not (' ' or '-' or '(' or ')' or '.' or '/' or '\u00A0'))
            {
                problem = $"contains '{c}'; use only digits, spaces, brackets, dashes and a leading +.";
                return false;
            }
        }

        var number = digits.ToString();
        if (!international && number.StartsWith("00", StringComparison.Ordinal))
        {
            international = true;
            number = number[2..];
        }

        if (!international)
        {
            if (string.IsNullOrWhiteSpace(defaultCountry) || !PhoneCountry.TryGet(defaultCountry, out var country))
            {
                problem = "has no country code; write it as +<country code> <number>" +
                    (string.IsNullOrWhiteSpace(defaultCountry) ? "." : $" (the default country '{defaultCountry}' is not known).");
                return false;
            }

            if (country.TrunkPrefix.Length > 0 && number.StartsWith(country.TrunkPrefix, StringComparison.Ordinal))
            {
                number = number[country.TrunkPrefix.Length..];
            }
            else if (number.StartsWith(country.CallingCode, StringComparison.Ordinal) &&
                     number.Length - country.CallingCode.Length >= country.MinNationalLength)
            {
                // "49 30 1234567" typed without the plus: already international.
                number = number[country.CallingCode.Length..];
            }

            number = country.CallingCode + number;
        }

        if (number.StartsWith('0'))
        {
            problem = "has a country code starting with 0, which does not exist.";
            return false;
        }

        if (PhoneCountry.FindByNumber(number) is { } known)
        {
            var national = number[known.CallingCode.Length..];
            if (known.TrunkPrefix == "0" && national.StartsWith('0'))
            {
                // "+49 (0)30 1234567": the national trunk 0 does not belong in an international number.
                national = national[1..];
                number = known.CallingCode + national;
            }

            if (national.Length < known.MinNationalLength || national.Length > known.MaxNationalLength)
            {
                problem = known.MinNationalLength == known.MaxNationalLength
                    ? $"has {national.Length} digits after +{known.CallingCode}; numbers in {known.Name} have {known.MinNationalLength}."
                    : $"has {national.Length} digits after +{known.CallingCode}; numbers in {known.Name} have {known.MinNationalLength} to {known.MaxNationalLength}.";
                return false;
            }
        }

        if (number.Length is < 8 or > 15)
        {
            problem = $"has {number.Length} digits with the country code; an international number has 8 to 15.";
            return false;
        }

        e164 = "+" + number;
        problem = "";
        return true;
    }
}
