namespace CrmBpm.Engine.Tasks;

/// <summary>
/// The person acting on tasks, with the role pools they belong to and the absent people they substitute for. The host
/// (CRM, server) builds it from its own user directory and absences; the engine only compares ids.
/// </summary>
public sealed record Actor
{
    /// <summary>Creates an actor.</summary>
    public Actor(string userId, IEnumerable<RoleMembership>? memberships = null, bool canActOnAnyTask = false, IEnumerable<Substitution>? actsFor = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        UserId = userId;
        Memberships = [.. memberships ?? []];
        CanActOnAnyTask = canActOnAnyTask;
        ActsFor = [.. (actsFor ?? []).Where(s => !string.Equals(s.AbsentUserId, userId, StringComparison.Ordinal))];
    }

    /// <summary>The actor used by timers and engine-internal steps.</summary>
    public static Actor System { get; } = new("system", canActOnAnyTask: true);

    /// <summary>User id.</summary>
    public string UserId { get; }

    /// <summary>Role pools the user belongs to.</summary>
    public IReadOnlyList<RoleMembership> Memberships { get; }

    /// <summary>Supervisors (a head, an administrator) may act on tasks that are not theirs.</summary>
    public bool CanActOnAnyTask { get; }

    /// <summary>
    /// The absent people this actor substitutes for now. Only direct substitutions: the host does not pass on the people an
    /// absent person substitutes for (1C does the same), so a chain never widens what anybody sees.
    /// </summary>
    public IReadOnlyList<Substitution> ActsFor { get; }

    /// <summary>This actor substituting for <paramref name="substitutions"/> (replacing any given before).</summary>
    public Actor WithSubstitutions(IEnumerable<Substitution> substitutions) => new(UserId, Memberships, CanActOnAnyTask, substitutions);

    /// <summary>True when the task is the actor's own: held by them, or open in one of their pools.</summary>
    public bool IsOwn(WorkTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.AssigneeId is { } assignee
            ? string.Equals(assignee, UserId, StringComparison.Ordinal)
            : IsInPool(task.PerformerRole, task.PerformerAddressingObject);
    }

    /// <summary>
    /// The absent person on whose behalf the actor sees or acts on <paramref name="task"/>: null when the task is the actor's
    /// own (<see cref="IsOwn"/>) or no substitution covers it. My tasks marks such tasks "for …" and the history records both.
    /// </summary>
    public string? OnBehalfOf(WorkTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (ActsFor.Count == 0 || IsOwn(task))
        {
            return null;
        }

        foreach (var substitution in ActsFor)
        {
            if (substitution.Covers(task))
            {
                return substitution.AbsentUserId;
            }
        }

        return null;
    }

    /// <summary>True when My tasks lists <paramref name="task"/> for this actor: their own, or covered by a substitution.</summary>
    public bool Sees(WorkTask task) => IsOwn(task) || OnBehalfOf(task) is not null;

    /// <summary>
    /// True when the user belongs to the pool of a task addressed to <paramref name="role"/>
    /// (and <paramref name="addressingObject"/>): a role-only task is for every member of the role,
    /// a role + object task only for members serving that object.
    /// </summary>
    public bool IsInPool(string? role, string? addressingObject) => IsInPoolOf(Memberships, role, addressingObject);

    /// <summary>The pool rule of <see cref="IsInPool"/> for any list of memberships (an absent person's, too).</summary>
    internal static bool IsInPoolOf(IReadOnlyList<RoleMembership> memberships, string? role, string? addressingObject) =>
        role is not null && memberships.Any(m =>
            string.Equals(m.Role, role, StringComparison.Ordinal) &&
            (addressingObject is null || string.Equals(m.AddressingObject, addressingObject, StringComparison.Ordinal)));
}
