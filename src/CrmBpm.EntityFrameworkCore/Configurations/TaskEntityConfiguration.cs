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

        // My tasks: the tasks a user holds, and the pool tasks of the user's roles (and addressing objects).
        builder.HasIndex(t => new { t.AssigneeId, t.Status, t.DueAt });
        builder.HasIndex(t => new { t.PerformerRole, t.PerformerAddressingObject, t.Status, t.DueAt });

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
