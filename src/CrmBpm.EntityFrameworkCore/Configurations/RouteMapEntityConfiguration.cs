using CrmBpm.EntityFrameworkCore.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmBpm.EntityFrameworkCore.Configurations;

internal sealed class RouteMapEntityConfiguration : IEntityTypeConfiguration<RouteMapEntity>
{
    public void Configure(EntityTypeBuilder<RouteMapEntity> builder)
    {
        builder.ToTable(TableNames.RouteMaps);
        builder.HasKey(m => new { m.Key, m.Version });
        builder.Property(m => m.Key).HasMaxLength(200);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(m => m.Name).HasMaxLength(400);
        builder.Property(m => m.Definition);
    }
}
