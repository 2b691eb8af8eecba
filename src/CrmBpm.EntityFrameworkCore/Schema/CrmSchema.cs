namespace CrmBpm.EntityFrameworkCore.Schema;

/// <summary>The CRM's tables (<see cref="EntityFrameworkCore.Crm.CrmDbContext"/>): their baseline and every step since, in order.</summary>
public static class CrmSchema
{
    /// <summary>The component; a schema change of the CRM adds its step at the end of the list (see the package README).</summary>
    public static SchemaComponent Component { get; } = new(
        "crm",
        baselineTables:
        [
            "crm_partners", "crm_counterparties", "crm_contacts", "crm_leads", "crm_deals", "crm_instructions", "crm_claims",
            "crm_interactions", "crm_catalogue_items",
        ],
        steps:
        [
            new Crm.Step0002CorrectingRecords(),
            new Crm.Step0003BusinessCalendar(),
            new Crm.Step0004Notifications(),
        ]);
}
