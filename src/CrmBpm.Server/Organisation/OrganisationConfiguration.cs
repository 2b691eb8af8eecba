using Microsoft.EntityFrameworkCore;

namespace CrmBpm.Server.Organisation;

/// <summary>The tables <c>performer_roles</c> and <c>addressing_objects</c> (created by <c>Step0004Organisation</c> in an older database).</summary>
internal static class OrganisationConfiguration
{
    public static void Configure(ModelBuilder builder)
    {
        var role = builder.Entity<PerformerRole>();
        role.ToTable("performer_roles");
        role.HasKey(r => r.Id);
        role.Property(r => r.Id).HasColumnName("id");
        role.Property(r => r.Name).HasColumnName("name").HasMaxLength(200);
        role.Property(r => r.Description).HasColumnName("description").HasMaxLength(1000);
        role.HasIndex(r => r.Name, "ix_performer_roles_name").IsUnique();

        var item = builder.Entity<AddressingObject>();
        item.ToTable("addressing_objects");
        item.HasKey(o => o.Id);
        item.Property(o => o.Id).HasColumnName("id");
        item.Property(o => o.Kind).HasColumnName("kind").HasConversion<string>().HasMaxLength(32);
        item.Property(o => o.Name).HasColumnName("name").HasMaxLength(200);
        item.Property(o => o.ParentId).HasColumnName("parent_id");
        item.Property(o => o.HeadUserName).HasColumnName("head_user_name").HasMaxLength(256);
        item.Property(o => o.IsActive).HasColumnName("active");
        item.HasIndex(o => o.Name, "ix_addressing_objects_name").IsUnique();
        item.HasIndex(o => o.ParentId, "ix_addressing_objects_parent");
    }
}
