using CrmBpm.Server.Organisation;

namespace CrmBpm.Server.Demo;

/// <summary>The demo company's structure: the performer roles the standard route maps address, departments with heads, regions.</summary>
public static class DemoStructure
{
    /// <summary>Performer roles with what they do.</summary>
    public static IReadOnlyList<(string Name, string Description)> Roles { get; } =
    [
        ("Sales manager", "Works deals from the first contact to the contract."),
        ("Claims officer", "Registers and investigates customer claims."),
        ("Head of customer service", "Decides on claims and their compensation."),
        ("Accountant", "Invoices and checks payments."),
        ("Warehouse manager", "Ships the goods of won deals."),
        ("Compliance officer", "Checks new counterparties."),
    ];

    /// <summary>Addressing objects: kind, name, parent department, head (user name).</summary>
    public static IReadOnlyList<(AddressingObjectKind Kind, string Name, string? Parent, string? Head)> Objects { get; } =
    [
        (AddressingObjectKind.Department, "Head office", null, null),
        (AddressingObjectKind.Department, DemoUsers.SalesDepartment, "Head office", DemoUsers.Helga.UserName),
        (AddressingObjectKind.Department, "Service", "Head office", null),
        (AddressingObjectKind.Department, "Quality", "Service", null),
        (AddressingObjectKind.Region, "North", null, null),
        (AddressingObjectKind.Region, "South", null, null),
        (AddressingObjectKind.BusinessDirection, "Wholesale", null, null),
    ];
}
