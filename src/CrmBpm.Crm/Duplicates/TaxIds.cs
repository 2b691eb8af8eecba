namespace CrmBpm.Crm.Duplicates;

/// <summary>Tax ids (VAT ids, INN, CUI, ...) compared without spaces, dots and dashes, in upper case.</summary>
public static class TaxIds
{
    /// <summary>The comparable form, or null when empty.</summary>
    public static string? Normalize(string? taxId)
    {
        if (string.IsNullOrWhiteSpace(taxId))
        {
            return null;
        }

        var kept = new string([.. taxId.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant)]);
        return kept.Length == 0 ? null : kept;
    }
}
