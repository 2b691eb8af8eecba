using CrmBpm.Engine.Errors;

namespace CrmBpm.Crm.Common;

/// <summary>Input checks that throw <see cref="InputException"/> naming the field.</summary>
internal static class Guard
{
    public static string Required(string? value, string field, string label, int maxLength = 400)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InputException("input.required", field, $"{label} is required.");
        }

        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
        {
            throw new InputException("input.too-long", field, $"{label} must be at most {maxLength} characters; '{trimmed[..20]}…' has {trimmed.Length}.");
        }

        return trimmed;
    }

    public static string Optional(string? value, string field, string label, int maxLength = 4000) =>
        string.IsNullOrWhiteSpace(value) ? "" : Required(value, field, label, maxLength);

    public static string? Email(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        var at = trimmed.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != trimmed.LastIndexOf('@') || at == trimmed.Length - 1 || !trimmed[(at + 1)..].Contains('.', StringComparison.Ordinal) ||
            trimmed.Any(char.IsWhiteSpace) || trimmed.EndsWith('.'))
        {
            throw new InputException("input.email-invalid", field, $"'{trimmed}' in {field} is not an e-mail address such as name@example.com.");
        }

        return trimmed;
    }

    public static Guid Id(Guid value, string field, string label) =>
        value == Guid.Empty ? throw new InputException("input.required", field, $"{label} is required.") : value;
}
