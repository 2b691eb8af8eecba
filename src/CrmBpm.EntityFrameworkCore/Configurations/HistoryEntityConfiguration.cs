using CrmBpm.EntityFrameworkCore.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmBpm.EntityFrameworkCore.Configurations;

internal sealed class HistoryEntityConfiguration : IEntityTypeConfiguration<HistoryEntity>
{
    public void Configure(EntityTypeBuilder<HistoryEntity> builder)
    {
        builder.ToTable(TableNames.History);
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.HasIndex(h => new { h.InstanceId, h.Sequence }).IsUnique();
        builder.Property(h => h.Kind).HasConversion<string>().HasMaxLength(64);
        builder.Property(h => h.Actor).HasMaxLength(200);
        builder.Property(h => h.OnBehalfOf).HasMaxLength(200);
        builder.Property(h => h.PointId).HasMaxLength(200);
        builder.Property(h => h.FromPointId).HasMaxLength(200);
        builder.Property(h => h.FlowId).HasMaxLength(400);
    }
}
