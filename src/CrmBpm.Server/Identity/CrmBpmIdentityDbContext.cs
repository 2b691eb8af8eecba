using CrmBpm.Server.Absences;
using CrmBpm.Server.Administration;
using CrmBpm.Server.Organisation;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CrmBpm.Server.Identity;

/// <summary>
/// Users, roles and claims, performer roles and addressing objects, the users' absences and the audit log of administrative changes; its tables sit next to the
/// engine's in the same database (see <see cref="IdentitySchema"/>).
/// </summary>
public sealed class CrmBpmIdentityDbContext(DbContextOptions<CrmBpmIdentityDbContext> options) : IdentityDbContext<CrmBpmUser>(options)
{
    /// <summary>The audit log of administrative changes.</summary>
    public DbSet<AdminAuditEntry> AdminAudit => Set<AdminAuditEntry>();

    /// <summary>Absences with their substitutes.</summary>
    public DbSet<Absence> Absences => Set<Absence>();

    /// <summary>The performer roles route maps address.</summary>
    public DbSet<PerformerRole> PerformerRoles => Set<PerformerRole>();

    /// <summary>Departments, regions and business directions.</summary>
    public DbSet<AddressingObject> AddressingObjects => Set<AddressingObject>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        var user = builder.Entity<CrmBpmUser>();
        user.Property(u => u.DisplayName).HasMaxLength(200);
        user.Property(u => u.Language).HasMaxLength(10);
        user.Property(u => u.TimeZone).HasMaxLength(100);
        user.Ignore(u => u.IsActive);

        var audit = builder.Entity<AdminAuditEntry>();
        audit.ToTable("CrmBpmAdminAudit");
        audit.HasKey(e => e.Id);
        audit.Property(e => e.Actor).HasMaxLength(256).IsRequired();
        audit.Property(e => e.Action).HasMaxLength(64).IsRequired();
        audit.Property(e => e.Target).HasMaxLength(256).IsRequired();
        audit.Property(e => e.Note).HasMaxLength(4000);
        audit.HasIndex(e => e.Target);

        builder.ApplyConfiguration(new AbsenceConfiguration());
        OrganisationConfiguration.Configure(builder);
    }
}
