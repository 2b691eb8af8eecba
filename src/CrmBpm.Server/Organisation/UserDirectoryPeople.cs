using CrmBpm.Crm.Common;
using CrmBpm.Server.Identity;

namespace CrmBpm.Server.Organisation;

/// <summary>
/// The CRM's <see cref="IPeopleDirectory"/> over the server's users: a user's department as their profile gives it, a pool's
/// active members as their pool claims give them (compared exactly, as the engine compares them). The CRM
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

    /// <inheritdoc />
    public async Task<string?> DisplayNameOfAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        await using var scope = scopes.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserDirectory>().FindAsync(userId, cancellationToken))?.DisplayName;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> ActiveMembersOfPoolAsync(string role, string? addressingObject, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(role);
        await using var scope = scopes.CreateAsyncScope();
        var memberships = await scope.ServiceProvider.GetRequiredService<OrganisationDirectory>().MembershipsAsync(activeOnly: true, cancellationToken);
        return [.. memberships
            .Where(m => string.Equals(m.Role, role, StringComparison.Ordinal) &&
                (addressingObject is null || string.Equals(m.AddressingObject, addressingObject, StringComparison.Ordinal)))
            .Select(m => m.UserName).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(limit)];
    }
}
