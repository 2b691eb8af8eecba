namespace CrmBpm.Server.Organisation;

/// <summary>
/// A department, region or business direction (a row of <c>addressing_objects</c>). Its name is what tasks store as their
/// performer's addressing object and pool claims hold after the <c>@</c>, so it never changes once created.
/// </summary>
public sealed class AddressingObject
{
    /// <summary>Row id.</summary>
    public long Id { get; set; }

    /// <summary>Department, region or business direction.</summary>
    public AddressingObjectKind Kind { get; set; }

    /// <summary>The key (unique across kinds, case-insensitively).</summary>
    public required string Name { get; init; }

    /// <summary>The parent department (departments only; the tree has no cycles).</summary>
    public long? ParentId { get; set; }

    /// <summary>The head of a department (a user name); null for the other kinds.</summary>
    public string? HeadUserName { get; set; }

    /// <summary>
    /// False once deactivated: no longer offered for new memberships, claims or route maps, while what already names it
    /// (members, users, running tasks, published maps) keeps working. Deactivating is how an object is retired while in use.
    /// </summary>
    public bool IsActive { get; set; } = true;
}
