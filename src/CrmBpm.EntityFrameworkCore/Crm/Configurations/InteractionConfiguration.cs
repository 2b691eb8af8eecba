using CrmBpm.Crm.Common;
using CrmBpm.Crm.Interactions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmBpm.EntityFrameworkCore.Crm.Configurations;

internal sealed class InteractionConfiguration : IEntityTypeConfiguration<Interaction>
{
    public void Configure(EntityTypeBuilder<Interaction> builder)
    {
        builder.MapAggregate(CrmTableNames.Interactions);
        builder.Property(i => i.Kind).StoredByName();
        builder.Property(i => i.Topic).HasMaxLength(300);
        builder.Property(i => i.SubjectType).HasMaxLength(100);
        builder.Property(i => i.SubjectId).HasMaxLength(200);
        builder.Property(i => i.AuthorId).HasMaxLength(200);

        // Corrections by hand, only read with the record: one JSON column.
        builder.Ignore(i => i.ChangeLog);
        builder.ComplexCollection<List<FieldChange>, FieldChange>("_changeLog", log => log.ToJson("change_log"));

        // Chains are read by subject, the calendar by date (and author).
        builder.HasIndex(i => new { i.SubjectType, i.SubjectId });
        builder.HasIndex(i => new { i.At, i.AuthorId });
    }
}
