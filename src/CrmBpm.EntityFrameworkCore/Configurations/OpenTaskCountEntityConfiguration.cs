using CrmBpm.EntityFrameworkCore.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmBpm.EntityFrameworkCore.Configurations;

internal sealed class OpenTaskCountEntityConfiguration : IEntityTypeConfiguration<OpenTaskCountEntity>
{
    public void Configure(EntityTypeBuilder<OpenTaskCountEntity> builder)
    {
        builder.ToTable(TableNames.OpenTaskCounts);
        builder.HasKey(c => new { c.Kind, c.Owner, c.AddressingObject });
        builder.Property(c => c.Owner).HasMaxLength(200);
        builder.Property(c => c.AddressingObject).HasMaxLength(200);
    }
}
