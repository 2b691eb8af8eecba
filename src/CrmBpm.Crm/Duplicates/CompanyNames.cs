using System.Globalization;
using System.Text;

namespace CrmBpm.Crm.Duplicates;

/// <summary>
/// Reduces a company name to what identifies it: lower case, no punctuation or accents, no legal form
/// ("ACME GmbH", "Acme, Inc." and "ООО «Акме»" all keep only the distinctive words).
/// </summary>
public static class CompanyNames
{
    private static readonly HashSet<string> LegalForms = new(StringComparer.Ordinal)
    {
        "gmbh", "mbh", "ag", "kg", "ohg", "ug", "ev", "gbr", "kgaa", "co", "cokg", "gmbhcokg",
        "ltd", "limited", "llc", "llp", "inc", "incorporated", "corp", "corporation", "company", "plc", "lp",
        "sa", "sas", "sarl", "srl", "sl", "spa", "bv", "nv", "ab", "as", "asa", "oy", "se", "sro", "sp", "zoo",
        "ооо", "оао", "зао", "пао", "ао", "ип", "нко", "ooo", "oao", "zao", "pao", "ip",
    };

    /// <summary>The comparable form of <paramref name="name"/>; empty when nothing distinctive is left.</summary>
    public static string Normalize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "";
        }

        var text = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '.' or '\'' or '’')
            {
                // Accents go; dots and apostrophes join ("G.m.b.H." → "gmbh", "McDonald's" → "mcdonalds").
                continue;
            }

            text.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : c == '&' ? '&' : ' ');
        }

        var words = text.ToString().Replace("&", " & ", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var kept = words.Where(w => !LegalForms.Contains(w) && w != "&").ToList();
        return string.Join(' ', kept.Count > 0 ? kept : words);
    }
}
