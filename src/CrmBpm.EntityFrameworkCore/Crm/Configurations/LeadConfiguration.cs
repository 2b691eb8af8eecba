using CrmBpm.Crm.Leads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmBpm.EntityFrameworkCore.Crm.Configurations;

internal sealed class LeadConfiguration : IEntityTypeConfiguration<Lead>
{
    public void Configure(EntityTypeBuilder<Lead> builder)
    {
        builder.MapAggregate(CrmTableNames.Leads);
        builder.Property(l => l.CompanyName).HasMaxLength(300);
        builder.Property(l => l.NormalizedCompanyName).HasMaxLength(300);
        builder.Property(l => l.ContactName).HasMaxLength(200);
        builder.Property(l => l.Phone).HasMaxLength(32);
        builder.Property(l => l.Email).HasMaxLength(320);
        builder.Property(l => l.TaxId).HasMaxLength(64);
        builder.Property(l => l.AdChannel).HasMaxLength(200);
        builder.Property(l => l.PrimaryDemand).HasMaxLength(4000);
        builder.Property(l => l.OwnerId).HasMaxLength(200);
        builder.Property(l => l.Status).StoredByName();
        builder.Property(l => l.DiscardReason).HasMaxLength(1000);

        // Open leads take part in every duplicate check.
        builder.HasIndex(l => l.Status);
    }
}
