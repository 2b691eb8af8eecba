using CrmBpm.Crm.Common;
using CrmBpm.Crm.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmBpm.EntityFrameworkCore.Crm.Configurations;

internal sealed class PartnerConfiguration : IEntityTypeConfiguration<Partner>
{
    public void Configure(EntityTypeBuilder<Partner> builder)
    {
        builder.MapAggregate(CrmTableNames.Partners);
        builder.Property(p => p.Name).HasMaxLength(300);
        builder.Property(p => p.NormalizedName).HasMaxLength(300);
        builder.Property(p => p.Kind).StoredByName();

        // A set of flags: stored as its number, so "customer and supplier" stays one value that bit tests can query.
        builder.Property(p => p.Relations);
        builder.Property(p => p.Phone).HasMaxLength(32);
        builder.Property(p => p.Email).HasMaxLength(320);
        builder.Property(p => p.CreatedBy).HasMaxLength(200);

        // Every phone, e-mail and address with its kind; the main phone and e-mail stay columns (indexed for the duplicate check).
        builder.MapContactChannels();

        // Corrections by hand, only read with the record: one JSON column.
        builder.Ignore(p => p.ChangeLog);
        builder.ComplexCollection<List<FieldChange>, FieldChange>("_changeLog", log => log.ToJson("change_log"));

        // The duplicate check compares names, phones and e-mails.
        builder.HasIndex(p => p.NormalizedName);
        builder.HasIndex(p => p.Phone);
        builder.HasIndex(p => p.Email);
        builder.HasIndex(p => p.HoldingId);
    }
}
