using CrmBpm.Crm.Common;
using CrmBpm.Server.Identity;

namespace CrmBpm.Server.Organisation;

/// <summary>
/// The CRM's <see cref="IPeopleDirectory"/> over the server's users: a user's department as their profile gives it. The CRM
/// keeps it as a singleton, so each question opens its own scope for the Identity database.
/// </summary>
public sealed class UserDirectoryPeople(IServiceScopeFactory scopes) : IPeopleDirectory
{
    /// <inheritdoc />
    public async Task<string?> DepartmentOfAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        await using var scope = scopes.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserDirectory>().FindAsync(userId, cancellationToken))?.Department;
    }
}
