using CrmBpm.EntityFrameworkCore.Entities;

namespace CrmBpm.EntityFrameworkCore.Storage;

/// <summary>The My tasks branch an active task belongs to, as the key of its <see cref="OpenTaskCountEntity"/> row.</summary>
internal readonly record struct OpenTaskCountKey(int Kind, string Owner, string AddressingObject)
{
    public const int Held = 0;
    public const int RolePool = 1;
    public const int RoleObjectPool = 2;

    public static OpenTaskCountKey HeldBy(string userId) => new(Held, userId, "");

    public static OpenTaskCountKey PoolOf(string role, string? addressingObject) =>
        addressingObject is null ? new(RolePool, role, "") : new(RoleObjectPool, role, addressingObject);

    /// <summary>
    /// The branch of a task in the given state, or null when the task is closed or in no branch (nobody holds it and it
    /// has no role): held by its assignee, else in the pool of its role (and addressing object), the way
    /// <see cref="TaskPoolFilter"/> selects it.
    /// </summary>
    public static OpenTaskCountKey? Of(bool active, string? assigneeId, string? performerRole, string? performerAddressingObject) =>
        !active ? null
        : assigneeId is not null ? HeldBy(assigneeId)
        : performerRole is not null ? PoolOf(performerRole, performerAddressingObject)
        : null;
}
