namespace CrmBpm.EntityFrameworkCore.Crm.Configurations;

/// <summary>CRM table names: prefixed, so they never collide with the engine's tables in a shared database.</summary>
internal static class CrmTableNames
{
    public const string Partners = "crm_partners";
    public const string Counterparties = "crm_counterparties";
    public const string Contacts = "crm_contacts";
    public const string Leads = "crm_leads";
    public const string Deals = "crm_deals";
    public const string Instructions = "crm_instructions";
    public const string Claims = "crm_claims";
    public const string Interactions = "crm_interactions";
    public const string CatalogueItems = "crm_catalogue_items";
    public const string BusinessCalendars = "crm_business_calendars";
    public const string Notifications = "crm_notifications";
}
