using CrmBpm.Server.Identity;
using Microsoft.EntityFrameworkCore;

namespace CrmBpm.Server.Organisation;

/// <summary>
/// The titles of open tasks addressed to a performer role or an addressing object, read straight from the engine's
/// <c>tasks</c> table (it sits in the same database): the engine's task API answers only "my tasks", and a role or object
/// must not be deleted while any task, held or in a pool, still names it.
/// </summary>
public sealed class OpenPoolTasks(CrmBpmIdentityDbContext db)
{
    /// <summary>At most <paramref name="limit"/> titles of open tasks whose performer role is <paramref name="role"/>.</summary>
    public async Task<IReadOnlyList<string>> OfRoleAsync(string role, int limit = 5, CancellationToken cancellationToken = default) =>
        await db.Database.SqlQuery<string>($"SELECT title AS \"Value\" FROM tasks WHERE active = TRUE AND performer_role = {role}")
            .Take(limit).ToListAsync(cancellationToken);

    /// <summary>At most <paramref name="limit"/> titles of open tasks addressed to <paramref name="addressingObject"/>.</summary>
    public async Task<IReadOnlyList<string>> OfObjectAsync(string addressingObject, int limit = 5, CancellationToken cancellationToken = default) =>
        await db.Database.SqlQuery<string>($"SELECT title AS \"Value\" FROM tasks WHERE active = TRUE AND performer_addressing_object = {addressingObject}")
            .Take(limit).ToListAsync(cancellationToken);
}
