using CrmBpm.Crm.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmBpm.EntityFrameworkCore.Crm.Configurations;

internal sealed class CounterpartyConfiguration : IEntityTypeConfiguration<Counterparty>
{
    public void Configure(EntityTypeBuilder<Counterparty> builder)
    {
        builder.MapAggregate(CrmTableNames.Counterparties);
        builder.Property(c => c.Name).HasMaxLength(300);
        builder.Property(c => c.NormalizedName).HasMaxLength(300);
        builder.Property(c => c.TaxId).HasMaxLength(64);
        builder.HasIndex(c => c.PartnerId);
        builder.HasIndex(c => c.TaxId);
        builder.HasIndex(c => c.NormalizedName);
    }
}
