namespace CrmBpm.Engine.Tasks;

/// <summary>
/// The person acting on tasks, with the role pools they belong to. The host (CRM, server) builds
/// it from its own user directory; the engine only compares ids.
/// </summary>
public sealed record Actor
{
    /// <summary>Creates an actor.</summary>
    public Actor(string userId, IEnumerable<RoleMembership>? memberships = null, bool canActOnAnyTask = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        UserId = userId;
        Memberships = [.. memberships ?? []];
        CanActOnAnyTask = canActOnAnyTask;
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
    /// True when the user belongs to the pool of a task addressed to <paramref name="role"/>
    /// (and <paramref name="addressingObject"/>): a role-only task is for every member of the role,
    /// a role + object task only for members serving that object.
    /// </summary>
    public bool IsInPool(string? role, string? addressingObject) =>
        role is not null && Memberships.Any(m =>
            string.Equals(m.Role, role, StringComparison.Ordinal) &&
            (addressingObject is null || string.Equals(m.AddressingObject, addressingObject, StringComparison.Ordinal)));
}
