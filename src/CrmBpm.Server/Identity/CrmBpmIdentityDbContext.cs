using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CrmBpm.Server.Identity;

/// <summary>Users, roles and claims; its tables sit next to the engine's in the same database (see <see cref="IdentitySchema"/>).</summary>
public sealed class CrmBpmIdentityDbContext(DbContextOptions<CrmBpmIdentityDbContext> options) : IdentityDbContext<CrmBpmUser>(options)
{
    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<CrmBpmUser>().Property(u => u.DisplayName).HasMaxLength(200);
    }
}
