using CrmBpm.Server.Identity;

namespace CrmBpm.Server.Demo;

/// <summary>A demo user: login, role, pools (<c>Role</c> or <c>Role@Object</c>) and department.</summary>
public sealed record DemoUser(string UserName, string DisplayName, string Role, string Password, string? Department, IReadOnlyList<string> Pools)
{
    /// <summary>One line for the sign-in page and the console.</summary>
    public string Notes => string.Join("; ", new[]
    {
        Department is null ? null : $"department {Department}",
        Pools.Count == 0 ? null : $"pools {string.Join(", ", Pools)}",
    }.Where(s => s is not null));
}

/// <summary>The demo team: every role, a Head with a team of two managers, pools the standard route maps address.</summary>
public static class DemoUsers
{
    /// <summary>The department of the demo sales team.</summary>
    public const string SalesDepartment = "Sales";

    /// <summary>Anna: a sales manager who also handles claims.</summary>
    public static DemoUser Anna { get; } = new("anna", "Anna Petrova", AppRoles.Manager, "manager1", SalesDepartment, ["Sales manager", "Claims officer"]);

    /// <summary>Boris: a sales manager for the North region.</summary>
    public static DemoUser Boris { get; } = new("boris", "Boris Nowak", AppRoles.Manager, "manager2", SalesDepartment, [CrmBpmClaims.PoolValue("Sales manager", "North")]);

    /// <summary>Helga: head of sales; accountant, warehouse and customer-service pools so demo processes can finish.</summary>
    public static DemoUser Helga { get; } = new("helga", "Helga Schmidt", AppRoles.Head, "head1234", SalesDepartment,
        ["Sales manager", "Head of customer service", "Accountant", "Warehouse manager", "Compliance officer"]);

    /// <summary>Carl: the consultant who designs route maps.</summary>
    public static DemoUser Carl { get; } = new("carl", "Carl Jensen", AppRoles.Consultant, "consultant1", null, []);

    /// <summary>The administrator.</summary>
    public static DemoUser Admin { get; } = new("admin", "Administrator", AppRoles.Administrator, "administrator1", null, []);

    /// <summary>All of them.</summary>
    public static IReadOnlyList<DemoUser> All { get; } = [Anna, Boris, Helga, Carl, Admin];
}
