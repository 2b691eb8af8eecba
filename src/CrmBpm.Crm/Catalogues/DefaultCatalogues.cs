namespace CrmBpm.Crm.Catalogues;

/// <summary>The catalogue entries a new installation starts with; all of them can be renamed, reordered or archived.</summary>
public static class DefaultCatalogues
{
    /// <summary>Every default item, by kind, in order.</summary>
    public static IReadOnlyList<CatalogueItem> Create() =>
    [
        .. Items(CatalogueKind.SalesStage, null, "Qualification", "Needs analysis", "Proposal", "Negotiation", "Contract", "Shipment"),
        .. Items(CatalogueKind.LossReason, "Other", "Price too high", "Chose a competitor", "No budget", "No decision made", "Requirements not met", "Other"),
        .. Items(CatalogueKind.ClaimReason, "Other", "Product quality", "Delivery delay", "Wrong delivery", "Billing error", "Service quality", "Other"),
        .. Items(CatalogueKind.Department, null, "Sales", "Service", "Quality", "Logistics", "Finance"),
        .. Items(CatalogueKind.Role, null, "Sales manager", "Head of sales", "Service engineer", "Quality manager", "Consultant"),
    ];

    private static IEnumerable<CatalogueItem> Items(CatalogueKind kind, string? defaultName, params string[] names) =>
        names.Select((name, i) => new CatalogueItem(kind, CatalogueItem.NormalizeCode(name), name, (i + 1) * 10, name == defaultName));
}
