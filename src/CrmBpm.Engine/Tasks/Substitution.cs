namespace CrmBpm.Engine.Tasks;

/// <summary>
/// An absent person whose tasks an <see cref="Actor"/> may see and act on while the absence lasts ("on behalf of"). The host
/// builds it from its absences and user directory; the engine stores nothing about absences, so when the host stops passing
/// it (the absence ended) the substitute simply stops seeing the tasks: nothing was reassigned.
/// </summary>
public sealed record Substitution
{
    /// <summary>Creates a substitution for <paramref name="absentUserId"/>.</summary>
    /// <param name="absentUserId">The absent person.</param>
    /// <param name="memberships">The absent person's role pools (their pool tasks become visible).</param>
    /// <param name="performerRoles">Only tasks of these performer roles; null or empty for all of the person's tasks.</param>
    public Substitution(string absentUserId, IEnumerable<RoleMembership>? memberships = null, IEnumerable<string>? performerRoles = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(absentUserId);
        AbsentUserId = absentUserId;
        Memberships = [.. memberships ?? []];
        var roles = performerRoles?.Where(r => !string.IsNullOrWhiteSpace(r)).Distinct(StringComparer.Ordinal).ToArray();
        PerformerRoles = roles is { Length: > 0 } ? roles : null;
    }

    /// <summary>The absent person.</summary>
    public string AbsentUserId { get; }

    /// <summary>The absent person's role pools.</summary>
    public IReadOnlyList<RoleMembership> Memberships { get; }

    /// <summary>
    /// Null: every task the absent person holds and every task of their pools. Otherwise only tasks addressed to one of these
    /// performer roles (held ones included); tasks addressed to the person by name are then not covered.
    /// </summary>
    public IReadOnlyList<string>? PerformerRoles { get; }

    /// <summary>True when the role-limited substitution includes <paramref name="role"/> (an unlimited one includes every role).</summary>
    public bool IncludesRole(string? role) =>
        PerformerRoles is null || (role is not null && PerformerRoles.Contains(role, StringComparer.Ordinal));

    /// <summary>True when <paramref name="task"/> is the absent person's (held, or open in one of their pools) and within the limitation.</summary>
    public bool Covers(WorkTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (!IncludesRole(task.PerformerRole))
        {
            return false;
        }

        return task.AssigneeId is { } assignee
            ? string.Equals(assignee, AbsentUserId, StringComparison.Ordinal)
            : Actor.IsInPoolOf(Memberships, task.PerformerRole, task.PerformerAddressingObject);
    }
}
