using CrmBpm.Server.Identity;

namespace CrmBpm.Server.Administration;

/// <summary>
/// Turns an import row into the profile <see cref="UserAdministration"/> sets, and names what it changes. A column the file
/// has sets its field (an empty cell clears e-mail, phone, language, time zone, department and pools); a column it lacks keeps
/// what an existing user has. An empty displayName or roles cell keeps an existing user's value (neither can be cleared).
/// Lists are separated by <c>|</c>; system roles match case-insensitively.
/// </summary>
public static class UserImportProfile
{
    /// <summary>The separator of roles and pools within a cell.</summary>
    public const char ListSeparator = '|';

    /// <summary>The profile the row asks for.</summary>
    public static UserProfile From(UserImportFile file, CsvRecord record, ManagedUser? existing)
    {
        ArgumentNullException.ThrowIfNull(file);
        string? Text(string column, string? kept) => file.Has(column) ? file.Cell(record, column) : kept;
        string? Required(string column, string? kept) => file.Cell(record, column) is { } cell && cell.Trim().Length > 0 ? cell : kept;

        return new UserProfile
        {
            DisplayName = Required("displayName", existing?.DisplayName),
            Email = Text("email", existing?.Email),
            Phone = Text("phone", existing?.Phone),
            Language = Text("language", existing?.Language),
            TimeZone = Text("timeZone", existing?.TimeZone),
            Roles = Required("roles", null) is { } roles ? [.. Split(roles).Select(Canonical)] : existing?.Roles,
            Department = Text("department", existing?.Department),
            Pools = file.Has("pools") ? Split(file.Cell(record, "pools")) : existing?.Pools,
        };
    }

    /// <summary>What importing <paramref name="profile"/> changes on <paramref name="user"/>: "field: before → after", in column order.</summary>
    public static IReadOnlyList<string> Changes(ManagedUser user, UserProfile profile)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(profile);
        var changes = new List<string>();
        void Compare(string field, string? before, string? after)
        {
            if (!string.Equals(Blank(before), Blank(after), StringComparison.Ordinal))
            {
                changes.Add($"{field}: '{Blank(before)}' → '{Blank(after)}'");
            }
        }

        void CompareSets(string field, IReadOnlyList<string> before, IReadOnlyList<string> after)
        {
            if (!before.ToHashSet(StringComparer.Ordinal).SetEquals(after))
            {
                changes.Add($"{field}: {Listed(before)} → {Listed(after)}");
            }
        }

        Compare("displayName", user.DisplayName, profile.DisplayName);
        Compare("email", user.Email, profile.Email);
        Compare("phone", user.Phone, profile.Phone);
        Compare("language", user.Language, Blank(profile.Language)?.ToLowerInvariant());
        Compare("timeZone", user.TimeZone, profile.TimeZone);
        CompareSets("roles", user.Roles, [.. AppRoles.All.Where(r => profile.Roles?.Contains(r) == true)]);
        Compare("department", user.Department, profile.Department);
        CompareSets("pools", user.Pools, [.. (profile.Pools ?? []).Select(Pool)]);
        return changes;
    }

    private static List<string> Split(string? cell) =>
        [.. (cell ?? "").Split(ListSeparator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    private static string Canonical(string role) => AppRoles.All.FirstOrDefault(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase)) ?? role;

    // As UserAdministration stores a pool: "Role @ Object" is "Role@Object".
    private static string Pool(string pool) => string.Join('@', pool.Split('@').Select(part => part.Trim()));

    private static string Listed(IReadOnlyList<string> items) => items.Count == 0 ? "(none)" : string.Join(", ", items);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
