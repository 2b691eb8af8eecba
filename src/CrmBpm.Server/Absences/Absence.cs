namespace CrmBpm.Server.Absences;

/// <summary>
/// A recorded absence (a row of <c>absences</c>): from <see cref="From"/> to <see cref="To"/> the substitute sees and acts on the
/// absent person's tasks (only those of <see cref="PerformerRoles"/>, when given). Nothing is reassigned, so ending or deleting it
/// leaves no trace on the tasks.
/// </summary>
public sealed class Absence
{
    /// <summary>Identifier (unguessable).</summary>
    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary>The absent person (user name).</summary>
    public required string AbsentUserId { get; init; }

    /// <summary>The substitute (user name).</summary>
    public required string SubstituteUserId { get; init; }

    /// <summary>Start (inclusive).</summary>
    public required DateTimeOffset From { get; init; }

    /// <summary>End (exclusive); moved earlier when the absence is ended early.</summary>
    public required DateTimeOffset To { get; set; }

    /// <summary>Performer roles the substitution is limited to, one per line; null for all of the person's tasks.</summary>
    public string? PerformerRoles { get; init; }

    /// <summary>Who recorded it (the person, their Head, an Administrator).</summary>
    public required string RecordedBy { get; init; }

    /// <summary>When it was recorded.</summary>
    public required DateTimeOffset RecordedAt { get; init; }

    /// <summary>The roles of <see cref="PerformerRoles"/> as a list (empty: all).</summary>
    public IReadOnlyList<string> Roles => PerformerRoles is null ? [] : PerformerRoles.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>True while it lasts at <paramref name="now"/>.</summary>
    public bool IsActiveAt(DateTimeOffset now) => From <= now && now < To;

    /// <summary>Stores a role list the way <see cref="PerformerRoles"/> keeps it.</summary>
    public static string? JoinRoles(IEnumerable<string>? roles)
    {
        var list = roles?.Select(r => r.Trim()).Where(r => r.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return list is { Count: > 0 } ? string.Join('\n', list) : null;
    }
}
