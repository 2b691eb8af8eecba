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
}
