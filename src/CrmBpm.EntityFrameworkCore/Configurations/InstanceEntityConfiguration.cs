using CrmBpm.EntityFrameworkCore.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmBpm.EntityFrameworkCore.Configurations;

internal sealed class InstanceEntityConfiguration : IEntityTypeConfiguration<InstanceEntity>
{
    public void Configure(EntityTypeBuilder<InstanceEntity> builder)
    {
        builder.ToTable(TableNames.Instances);
        builder.HasKey(i => i.Seq);
        builder.Property(i => i.Seq).ValueGeneratedOnAdd();
        builder.HasIndex(i => i.Id).IsUnique();
        builder.HasIndex(i => i.ParentInstanceId);
        builder.HasIndex(i => new { i.SubjectType, i.SubjectId });
        builder.HasIndex(i => new { i.MapKey, i.Status });
        builder.Property(i => i.MapKey).HasMaxLength(200);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(i => i.SubjectType).HasMaxLength(100);
        builder.Property(i => i.SubjectId).HasMaxLength(200);
        builder.Property(i => i.BusinessKey).HasMaxLength(200);
        builder.Property(i => i.Result).HasMaxLength(200);
        builder.Property(i => i.IncidentCode).HasMaxLength(100);
        builder.Property(i => i.StartedBy).HasMaxLength(200);
        builder.Property(i => i.Version).IsConcurrencyToken();
    }
}
