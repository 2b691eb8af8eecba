namespace CrmBpm.Server.Organisation;

/// <summary>What an Administrator sets on an addressing object: its kind, whether it is active and, for a department, its parent and head.</summary>
public sealed record AddressingObjectChange
{
    /// <summary>Department, region or business direction (required).</summary>
    public AddressingObjectKind? Kind { get; init; }

    /// <summary>The parent department's name (departments only; empty: a top department).</summary>
    public string? Parent { get; init; }

    /// <summary>The head's user name (departments only; empty: none).</summary>
    public string? Head { get; init; }

    /// <summary>False deactivates, true reactivates; null keeps it as it is (a new object is active).</summary>
    public bool? Active { get; init; }
}
