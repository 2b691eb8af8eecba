using CrmBpm.Crm.Common;
using CrmBpm.Crm.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmBpm.EntityFrameworkCore.Crm.Configurations;

internal sealed class ClaimConfiguration : IEntityTypeConfiguration<Claim>
{
    public void Configure(EntityTypeBuilder<Claim> builder)
    {
        builder.MapAggregate(CrmTableNames.Claims);
        builder.Property(c => c.ResponsibleId).HasMaxLength(200);
        builder.Property(c => c.Description).HasMaxLength(8000);
        builder.Property(c => c.RegisteredBy).HasMaxLength(200);
        builder.Property(c => c.Status).StoredByName();
        builder.Property(c => c.Result).StoredByName();
        builder.Property(c => c.ClosedBy).HasMaxLength(200);
        builder.Ignore(c => c.OpenPlanItems);

        // Attachments (file references) and the action plan are only read with their claim: JSON columns.
        builder.Ignore(c => c.Attachments);
        builder.Ignore(c => c.PlanItems);
        builder.ComplexCollection<List<ClaimAttachment>, ClaimAttachment>("_attachments", attachments => attachments.ToJson("attachments"));
        builder.ComplexCollection<List<ClaimPlanItem>, ClaimPlanItem>("_planItems", items =>
        {
            items.ToJson("plan_items");
            items.Property(i => i.Status).HasConversion<string>();
            items.Ignore(i => i.IsOpen);
        });

        // Corrections by hand, only read with the record: one JSON column.
        builder.Ignore(c => c.ChangeLog);
        builder.ComplexCollection<List<FieldChange>, FieldChange>("_changeLog", log => log.ToJson("change_log"));

        builder.HasIndex(c => c.PartnerId);
        builder.HasIndex(c => c.ProcessInstanceId);
    }
}
