using CrmBpm.Crm.Catalogues;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmBpm.EntityFrameworkCore.Crm.Configurations;

internal sealed class CatalogueItemConfiguration : IEntityTypeConfiguration<CatalogueItem>
{
    public void Configure(EntityTypeBuilder<CatalogueItem> builder)
    {
        builder.MapAggregate(CrmTableNames.CatalogueItems);
        builder.Property(i => i.Kind).StoredByName();
        builder.Property(i => i.Code).HasMaxLength(100);
        builder.Property(i => i.Name).HasMaxLength(200);

        // Data and route maps refer to items by code: one code per catalogue, archived items included.
        builder.HasIndex(i => new { i.Kind, i.Code }).IsUnique();
    }
}
