namespace CrmBpm.Crm.Common;

/// <summary>The directory of an application that keeps no structure: nobody has a department.</summary>
internal sealed class NoPeopleDirectory : IPeopleDirectory
{
    public Task<string?> DepartmentOfAsync(string userId, CancellationToken cancellationToken = default) => Task.FromResult<string?>(null);
}
