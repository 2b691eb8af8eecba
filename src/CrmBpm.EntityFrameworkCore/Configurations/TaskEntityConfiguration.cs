using CrmBpm.EntityFrameworkCore.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmBpm.EntityFrameworkCore.Configurations;

internal sealed class TaskEntityConfiguration : IEntityTypeConfiguration<TaskEntity>
{
    public void Configure(EntityTypeBuilder<TaskEntity> builder)
    {
        builder.ToTable(TableNames.Tasks);
        builder.HasKey(t => t.Seq);
        builder.Property(t => t.Seq).ValueGeneratedOnAdd();
        builder.HasIndex(t => t.Id).IsUnique();
        builder.HasIndex(t => t.InstanceId);

        // My tasks, one index range per branch, already in page order: the tasks a user holds, and the pool tasks
        // of one role (and addressing object) that nobody holds. postponed_until rides along so the branch counts
        // (thousands of rows in a big pool) are answered from the index without reading the table.
        builder.HasIndex(t => new { t.AssigneeId, t.Active, t.DueSort, t.Seq, t.PostponedUntil });
        builder.HasIndex(t => new { t.PerformerRole, t.PerformerAddressingObject, t.AssigneeId, t.Active, t.DueSort, t.Seq, t.PostponedUntil });

        // The total of My tasks is the branch counters (open_task_counts) minus the branch's tasks postponed beyond now:
        // these small partial indexes (only postponed tasks) answer that subtraction with one short range each.
        builder.HasIndex(t => new { t.AssigneeId, t.Active, t.PostponedUntil }, "ix_tasks_postponed_held")
            .HasFilter("postponed_until IS NOT NULL");
        builder.HasIndex(t => new { t.PerformerRole, t.PerformerAddressingObject, t.AssigneeId, t.Active, t.PostponedUntil }, "ix_tasks_postponed_pool")
            .HasFilter("postponed_until IS NOT NULL");

        builder.Property(t => t.MapKey).HasMaxLength(200);
        builder.Property(t => t.PointId).HasMaxLength(200);
        builder.Property(t => t.Title).HasMaxLength(1000);
        builder.Property(t => t.PerformerUserId).HasMaxLength(200);
        builder.Property(t => t.PerformerRole).HasMaxLength(200);
        builder.Property(t => t.PerformerAddressingObject).HasMaxLength(200);
        builder.Property(t => t.AssigneeId).HasMaxLength(200);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(t => t.Stage).HasMaxLength(200);
        builder.Property(t => t.SubjectType).HasMaxLength(100);
        builder.Property(t => t.SubjectId).HasMaxLength(200);
        builder.Property(t => t.CompletedBy).HasMaxLength(200);
        builder.Property(t => t.Outcome).HasMaxLength(200);
        builder.Property(t => t.RowVersion).IsConcurrencyToken();
    }
}
