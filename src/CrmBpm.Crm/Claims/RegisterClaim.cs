namespace CrmBpm.Crm.Claims;

/// <summary>What is needed to register a claim.</summary>
public sealed record RegisterClaim
{
    /// <summary>The partner complaining (customer, supplier, any).</summary>
    public required Guid PartnerId { get; init; }

    /// <summary>Claim reason: catalogue id, code or name.</summary>
    public required string Reason { get; init; }

    /// <summary>Responsible department: catalogue id, code or name.</summary>
    public string? Department { get; init; }

    /// <summary>Responsible employee; decides the claim.</summary>
    public required string ResponsibleId { get; init; }

    /// <summary>What the partner complains about.</summary>
    public required string Description { get; init; }

    /// <summary>The first action plan; each item becomes a task.</summary>
    public IReadOnlyList<PlanItemRequest> Plan { get; init; } = [];

    /// <summary>Who registers it.</summary>
    public required string RegisteredBy { get; init; }
}

/// <summary>An action-plan item to add.</summary>
public sealed record PlanItemRequest(string Title, string PerformerId, DateTimeOffset Deadline);
