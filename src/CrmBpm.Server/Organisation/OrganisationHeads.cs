using CrmBpm.Engine.Tasks;
using CrmBpm.Server.Identity;

namespace CrmBpm.Server.Organisation;

/// <summary>
/// The engine's <see cref="IOrganisationHeads"/> over the organisation: a user's department is their profile's, its head the
/// department's own or the nearest above it (<see cref="OrganisationDirectory.HeadOfAsync"/>); a region or business direction
/// has no head. A singleton, so each question opens its own scope for the Identity database.
/// </summary>
public sealed class OrganisationHeads(IServiceScopeFactory scopes) : IOrganisationHeads
{
    /// <inheritdoc />
    public async Task<string?> HeadOfDepartmentOfAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        await using var scope = scopes.CreateAsyncScope();
        var department = (await scope.ServiceProvider.GetRequiredService<UserDirectory>().FindAsync(userId, cancellationToken))?.Department;
        return department is null ? null : await scope.ServiceProvider.GetRequiredService<OrganisationDirectory>().HeadOfAsync(department, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<string?> HeadOfAsync(string addressingObject, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(addressingObject);
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OrganisationDirectory>().HeadOfAsync(addressingObject, cancellationToken);
    }
}
