using CrmBpm.Crm.Catalogues;
using CrmBpm.Crm.Claims;
using CrmBpm.Crm.Deals;
using CrmBpm.Crm.Instructions;
using CrmBpm.Crm.Interactions;
using CrmBpm.Crm.Leads;
using CrmBpm.Crm.Partners;
using CrmBpm.EntityFrameworkCore.Configurations;
using CrmBpm.EntityFrameworkCore.Crm.Configurations;
using Microsoft.EntityFrameworkCore;

namespace CrmBpm.EntityFrameworkCore.Crm;

/// <summary>
/// The CRM database, independent of the provider: the CRM aggregates mapped directly (no separate row classes), in
/// <c>crm_</c> snake_case tables next to the engine's, timestamps as UTC ticks, child collections that are only read
/// with their aggregate (stage changes, returns, attachments, plan items) as JSON columns. It is a context of its own,
/// not part of <see cref="CrmBpmDbContext"/>: the engine works without the CRM, and each side keeps its own unit of work.
/// </summary>
public class CrmDbContext(DbContextOptions<CrmDbContext> options) : DbContext(options)
{
    /// <summary>Partners.</summary>
    public DbSet<Partner> Partners => Set<Partner>();

    /// <summary>Counterparties (legal entities of partners).</summary>
    public DbSet<Counterparty> Counterparties => Set<Counterparty>();

    /// <summary>Contact persons.</summary>
    public DbSet<Contact> Contacts => Set<Contact>();

    /// <summary>Leads.</summary>
    public DbSet<Lead> Leads => Set<Lead>();

    /// <summary>Deals, with their stage changes.</summary>
    public DbSet<Deal> Deals => Set<Deal>();

    /// <summary>Instructions, with their returns.</summary>
    public DbSet<Instruction> Instructions => Set<Instruction>();

    /// <summary>Claims, with attachments and action plan.</summary>
    public DbSet<Claim> Claims => Set<Claim>();

    /// <summary>Interactions.</summary>
    public DbSet<Interaction> Interactions => Set<Interaction>();

    /// <summary>Catalogue items.</summary>
    public DbSet<CatalogueItem> CatalogueItems => Set<CatalogueItem>();

    /// <summary>The business calendar.</summary>
    public DbSet<CrmBpm.Crm.Calendar.BusinessCalendar> BusinessCalendars => Set<CrmBpm.Crm.Calendar.BusinessCalendar>();

    /// <summary>In-app notifications.</summary>
    public DbSet<CrmBpm.Crm.Notifications.Notification> Notifications => Set<CrmBpm.Crm.Notifications.Notification>();

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CrmDbContext).Assembly, type => type.Namespace == typeof(PartnerConfiguration).Namespace);
        SnakeCaseNames.Apply(modelBuilder);
        CrmJsonNames.Apply(modelBuilder);
    }
}
