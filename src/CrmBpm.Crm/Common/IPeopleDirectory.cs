namespace CrmBpm.Crm.Common;

/// <summary>
/// What the CRM asks about the people its records name, from whoever keeps them (the server's users and structure): a deal's
/// process is given its manager's department, so a map can address "the head of the deal's department". Without one
/// registered, nobody has a department.
/// </summary>
public interface IPeopleDirectory
{
    /// <summary>The department of <paramref name="userId"/>, or null when they have none or are unknown.</summary>
    Task<string?> DepartmentOfAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The name people read for <paramref name="userId"/> ("Anna Petrova" rather than "anna"), or null when the directory does
    /// not know one: the CRM then shows the user id.
    /// </summary>
    Task<string?> DisplayNameOfAsync(string userId, CancellationToken cancellationToken = default) => Task.FromResult<string?>(null);

    /// <summary>
    /// The active users in the pool a task addressed to <paramref name="role"/> (and <paramref name="addressingObject"/>) lands
    /// in, at most <paramref name="limit"/>: who is told about a pool task. Without a directory that knows pools, nobody.
    /// </summary>
    Task<IReadOnlyList<string>> ActiveMembersOfPoolAsync(string role, string? addressingObject, int limit, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>([]);
}
