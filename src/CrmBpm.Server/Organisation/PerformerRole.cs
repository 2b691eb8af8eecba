namespace CrmBpm.Server.Organisation;

/// <summary>
/// A performer role route maps address (Sales manager, Lawyer, …): a row of <c>performer_roles</c>. Its name is the key
/// running tasks and published maps store, so it never changes once created; only the description does.
/// </summary>
public sealed class PerformerRole
{
    /// <summary>Row id.</summary>
    public long Id { get; set; }

    /// <summary>The key (unique, case-insensitively); what a pool claim and a task's performer role hold.</summary>
    public required string Name { get; init; }

    /// <summary>What the role does, for the people who pick it.</summary>
    public string? Description { get; set; }
}
