using CrmBpm.Designer.Model;

namespace CrmBpm.Designer.TestHost;

/// <summary>The users, roles, stages and published maps the designer page offers.</summary>
internal static class SampleData
{
    public static IReadOnlyList<DesignerUser> Users { get; } =
    [
        new("alice", "Alice Archer"),
        new("bob", "Bob Brown"),
        new("carol", "Carol Clark"),
    ];

    public static IReadOnlyList<string> Roles { get; } = ["Sales manager", "Head of sales", "Lawyer"];

    public static IReadOnlyList<string> Stages { get; } = ["Qualification", "Offer", "Negotiation", "Contract"];

    public static IReadOnlyList<PublishedMapInfo> PublishedMaps { get; } = [new("kyc-check", "KYC check")];
}
