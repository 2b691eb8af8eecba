namespace CrmBpm.Crm.Deals;

/// <summary>The descriptive fields of a deal.</summary>
public sealed record DealDetails
{
    /// <summary>Short description.</summary>
    public required string Title { get; init; }

    /// <summary>Expected revenue (0 or more).</summary>
    public decimal PotentialAmount { get; init; }

    /// <summary>When the manager expects to close the deal.</summary>
    public DateOnly? ExpectedCloseDate { get; init; }

    /// <summary>Free description: what is being sold, conditions, notes.</summary>
    public string? Description { get; init; }

    /// <summary>What the customer first asked for.</summary>
    public string? PrimaryDemand { get; init; }

    /// <summary>What the customer is interested in.</summary>
    public string? Interest { get; init; }

    /// <summary>The advertising channel that brought the customer.</summary>
    public string? AdChannel { get; init; }
}
