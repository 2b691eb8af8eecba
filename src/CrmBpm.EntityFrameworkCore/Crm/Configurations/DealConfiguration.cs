using CrmBpm.Crm.Common;
using CrmBpm.Crm.Deals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmBpm.EntityFrameworkCore.Crm.Configurations;

internal sealed class DealConfiguration : IEntityTypeConfiguration<Deal>
{
    public void Configure(EntityTypeBuilder<Deal> builder)
    {
        builder.MapAggregate(CrmTableNames.Deals);
        builder.Property(d => d.Title).HasMaxLength(300);
        builder.Property(d => d.ManagerId).HasMaxLength(200);
        builder.Property(d => d.PotentialAmount).HasPrecision(18, 2);
        builder.Property(d => d.Probability).HasPrecision(5, 2);
        builder.Property(d => d.PrimaryDemand).HasMaxLength(4000);
        builder.Property(d => d.Interest).HasMaxLength(400);
        builder.Property(d => d.AdChannel).HasMaxLength(200);
        builder.Property(d => d.Description).HasMaxLength(8000);
        builder.Property(d => d.Kind).StoredByName();
        builder.Property(d => d.Status).StoredByName();
        builder.Property(d => d.Stage).HasMaxLength(100);
        builder.Property(d => d.StageName).HasMaxLength(200);
        builder.Property(d => d.RouteMapKey).HasMaxLength(200);
        builder.Property(d => d.OpenedBy).HasMaxLength(200);
        builder.Property(d => d.ClosedBy).HasMaxLength(200);
        builder.Ignore(d => d.ReachedStages);
        builder.Ignore(d => d.IsOpen);
        builder.Ignore(d => d.CurrentDetails);

        // The stage history is only ever read with its deal: one JSON column, written with the deal's row.
        builder.Ignore(d => d.StageChanges);
        builder.ComplexCollection<List<DealStageChange>, DealStageChange>("_stageChanges", changes =>
        {
            changes.ToJson("stage_changes");
            changes.Property(c => c.Source).HasConversion<string>();
        });

        // Corrections by hand, only read with the record: one JSON column.
        builder.Ignore(d => d.ChangeLog);
        builder.ComplexCollection<List<FieldChange>, FieldChange>("_changeLog", log => log.ToJson("change_log"));

        builder.HasIndex(d => new { d.ManagerId, d.Status });
        builder.HasIndex(d => d.PartnerId);
        builder.HasIndex(d => d.ProcessInstanceId);
    }
}
