using System.Globalization;

namespace CrmBpm.Crm.Common;

/// <summary>
/// Appends <see cref="FieldChange"/>s to an aggregate's log, only for values that really changed, so a save that changes
/// nothing leaves no line.
/// </summary>
internal static class ChangeLog
{
    /// <summary>Records the change and returns true when <paramref name="before"/> and <paramref name="after"/> differ.</summary>
    public static bool Record(List<FieldChange> log, string field, string? before, string? after, string by, DateTimeOffset at)
    {
        before = string.IsNullOrEmpty(before) ? null : before;
        after = string.IsNullOrEmpty(after) ? null : after;
        if (string.Equals(before, after, StringComparison.Ordinal))
        {
            return false;
        }

        log.Add(new FieldChange(field, before, after, Guard.Required(by, "by", "Who changes the record", 200), at));
        return true;
    }

    public static string Text(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string? Text(decimal? value) => value is { } v ? Text(v) : null;

    public static string? Text(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Text(DateTimeOffset value) => value.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);

    public static string Text<T>(IEnumerable<T> items) => string.Join("; ", items);
}
