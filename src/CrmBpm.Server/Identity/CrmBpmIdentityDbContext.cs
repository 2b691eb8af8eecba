using CrmBpm.Server.Absences;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CrmBpm.Server.Identity;

/// <summary>
/// Users, roles and claims, and the users' absences; its tables sit next to the engine's in the same database (see
/// <see cref="IdentitySchema"/>).
/// </summary>
public sealed class CrmBpmIdentityDbContext(DbContextOptions<CrmBpmIdentityDbContext> options) : IdentityDbContext<CrmBpmUser>(options)
{
    /// <summary>Absences with their substitutes.</summary>
    public DbSet<Absence> Absences => Set<Absence>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<CrmBpmUser>().Property(u => u.DisplayName).HasMaxLength(200);
        builder.ApplyConfiguration(new AbsenceConfiguration());
    }
}
