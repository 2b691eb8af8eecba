namespace CrmBpm.Crm.Deals;

/// <summary>An open task of a deal's process: what must be completed before the stage can move.</summary>
public sealed record BlockingTask(Guid TaskId, string Title, string? AssigneeId, string? Role, string? AddressingObject)
{
    /// <summary>"'Prepare proposal' (held by anna)" or "'Approve discount' (in the pool of Head of sales)".</summary>
    public string Describe() => AssigneeId is not null
        ? $"'{Title}' (held by {AssigneeId})"
        : $"'{Title}' (in the pool of {Role}{(AddressingObject is null ? "" : $" for {AddressingObject}")})";
}
