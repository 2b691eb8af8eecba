namespace CrmBpm.Engine.Tasks;

/// <summary>
/// Who heads whom, for escalation ladders (notify the head of the holder's department, reassign to the head). Optional: the
/// default knows no heads, so those steps find nobody and say so in history. The CRM server answers from its organisation.
/// </summary>
public interface IOrganisationHeads
{
    /// <summary>The head of <paramref name="userId"/>'s department (or the nearest head above it); null when there is none.</summary>
    Task<string?> HeadOfDepartmentOfAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>The head of the addressing object (a department, or the nearest head above it); null when it has none.</summary>
    Task<string?> HeadOfAsync(string addressingObject, CancellationToken cancellationToken = default);
}
