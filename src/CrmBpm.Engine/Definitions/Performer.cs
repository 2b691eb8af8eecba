namespace CrmBpm.Engine.Definitions;

/// <summary>
/// Who a task is addressed to: a named user, everyone in a role (a pool), or everyone in a
/// role for one addressing object (e.g. role "Sales manager" for department "North").
/// </summary>
public sealed record Performer
{
    /// <summary>User id when the task goes to one person.</summary>
    public string? UserId { get; init; }

    /// <summary>Role whose members share the task as a pool.</summary>
    public string? Role { get; init; }

    /// <summary>
    /// Narrows a role pool to members serving this object; written as <c>${…}</c>, the object the expression names when the
    /// task is created (e.g. <c>${department}</c>).
    /// </summary>
    public string? AddressingObject { get; init; }

    /// <summary>A user id expression (e.g. <c>author</c>) evaluated when the task is created; wins over <see cref="UserId"/>.</summary>
    public string? UserExpression { get; init; }

    /// <summary>
    /// A role expression (e.g. Camunda's <c>candidateGroups="${group}"</c>) evaluated when the task is created: the task
    /// goes to the pool of the role it yields; wins over <see cref="Role"/>.
    /// </summary>
    public string? RoleExpression { get; init; }

    /// <summary>Addresses one user.</summary>
    public static Performer User(string userId) => new() { UserId = userId };

    /// <summary>Addresses a role pool, optionally for one addressing object.</summary>
    public static Performer ForRole(string role, string? addressingObject = null) => new() { Role = role, AddressingObject = addressingObject };

    /// <summary>Addresses the user whose id an expression yields at run time.</summary>
    public static Performer FromExpression(string expression) => new() { UserExpression = expression };

    /// <summary>True when some addressee is given.</summary>
    public bool IsSpecified =>
        !string.IsNullOrWhiteSpace(UserId) || !string.IsNullOrWhiteSpace(Role) || !string.IsNullOrWhiteSpace(UserExpression) || !string.IsNullOrWhiteSpace(RoleExpression);
}
