using CrmBpm.Crm.Common;
using CrmBpm.Crm.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmBpm.EntityFrameworkCore.Crm.Configurations;

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.MapAggregate(CrmTableNames.Contacts);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Phone).HasMaxLength(32);
        builder.Property(c => c.Email).HasMaxLength(320);
        builder.Property(c => c.Position).HasMaxLength(200);

        // Every phone, e-mail and address with its kind; the main phone and e-mail stay columns (indexed for the duplicate check).
        builder.MapContactChannels();

        // Corrections by hand, only read with the record: one JSON column.
        builder.Ignore(c => c.ChangeLog);
        builder.ComplexCollection<List<FieldChange>, FieldChange>("_changeLog", log => log.ToJson("change_log"));

        builder.HasIndex(c => c.PartnerId);
        builder.HasIndex(c => c.Phone);
        builder.HasIndex(c => c.Email);
    }
}
