namespace CrmBpm.Engine.Tasks;

/// <summary>The default <see cref="IOrganisationHeads"/>: nobody heads anybody.</summary>
internal sealed class NoOrganisationHeads : IOrganisationHeads
{
    public Task<string?> HeadOfDepartmentOfAsync(string userId, CancellationToken cancellationToken = default) => Task.FromResult<string?>(null);

    public Task<string?> HeadOfAsync(string addressingObject, CancellationToken cancellationToken = default) => Task.FromResult<string?>(null);
}
