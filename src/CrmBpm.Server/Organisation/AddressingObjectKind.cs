namespace CrmBpm.Server.Organisation;

/// <summary>What an addressing object is: a task addressed to "Sales manager for North" goes to the members serving North.</summary>
public enum AddressingObjectKind
{
    /// <summary>A department: has a parent department and a head; a Head's team is their department and its sub-departments.</summary>
    Department,

    /// <summary>A region.</summary>
    Region,

    /// <summary>A business direction (a product line, a market).</summary>
    BusinessDirection,
}
