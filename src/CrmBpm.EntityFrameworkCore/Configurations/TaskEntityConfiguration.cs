using CrmBpm.EntityFrameworkCore.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmBpm.EntityFrameworkCore.Configurations;

internal sealed class TaskEntityConfiguration : IEntityTypeConfiguration<TaskEntity>
{
    // The terms of the My tasks indexes' conditions, written exactly as MyTasksSql writes them: SQLite uses a partial
    // index only when the query's WHERE contains each term of the index's.
    public const string ActiveTask = "active = TRUE";
    public const string Held = "assignee_id IS NOT NULL";
    public const string InPool = "assignee_id IS NULL";
    public const string WithoutObject = "performer_addressing_object IS NULL";
    public const string WithObject = "performer_addressing_object IS NOT NULL";
    public const string Postponed = "postponed_until IS NOT NULL";
    public const string WithoutRole = "performer_role IS NULL";

    /// <summary>The condition of the Done view's index (completed tasks: only a completion sets <c>completed_by</c>).</summary>
    public const string Completed = "completed_by IS NOT NULL";

    /// <summary>The condition of the Unassigned list and its index, shared with the schema step that adds the index.</summary>
    public const string Unassigned = $"{ActiveTask} AND {InPool} AND {WithoutRole}";

    public void Configure(EntityTypeBuilder<TaskEntity> builder)
    {
        builder.ToTable(TableNames.Tasks);
        builder.HasKey(t => t.Seq);
        builder.Property(t => t.Seq).ValueGeneratedOnAdd();
        builder.HasIndex(t => t.Id).IsUnique();
        builder.HasIndex(t => t.InstanceId);

        // My tasks, one index range per branch (MyTasksSql), already in page order: the tasks a user holds, the pool tasks
        // of one role, the pool tasks of one role and addressing object. Partial, over active tasks only, so closed tasks
        // never bloat them. Their conditions are disjoint (held / in a pool, with / without an addressing object): with
        // statistics SQLite once read "assignee_id IS NULL" (every pool task) through the held index. No NULL column
        // precedes due_sort, so PostgreSQL too knows the range is in due_sort order (an IS NULL key column does not count
        // as fixed for ordering there, and it sorts the whole pool). postponed_until rides along so "not postponed" is
        // answered from the index.
        builder.HasIndex(t => new { t.AssigneeId, t.DueSort, t.Seq, t.PostponedUntil }, "ix_tasks_my_held")
            .HasFilter($"{ActiveTask} AND {Held}");
        builder.HasIndex(t => new { t.PerformerRole, t.DueSort, t.Seq, t.PostponedUntil }, "ix_tasks_my_role_pool")
            .HasFilter($"{ActiveTask} AND {InPool} AND {WithoutObject}");
        builder.HasIndex(t => new { t.PerformerRole, t.PerformerAddressingObject, t.DueSort, t.Seq, t.PostponedUntil }, "ix_tasks_my_role_object_pool")
            .HasFilter($"{ActiveTask} AND {InPool} AND {WithObject}");

        // The total of My tasks is the branch counters (open_task_counts) minus the branch's tasks postponed beyond now:
        // these small partial indexes (only postponed tasks) answer that subtraction with one short range each.
        builder.HasIndex(t => new { t.AssigneeId, t.PostponedUntil }, "ix_tasks_postponed_held")
            .HasFilter($"{ActiveTask} AND {Held} AND {Postponed}");
        builder.HasIndex(t => new { t.PerformerRole, t.PerformerAddressingObject, t.PostponedUntil }, "ix_tasks_postponed_pool")
            .HasFilter($"{ActiveTask} AND {InPool} AND {Postponed}");

        // The Unassigned list (UnassignedTasksSql): active tasks nobody holds and no role addresses, in page order. Its own
        // partial index rather than the NULL range of ix_tasks_my_role_pool: PostgreSQL does not take an IS NULL key column
        // as fixed for ordering, so that range would be sorted whole; this one holds only the unassigned tasks.
        builder.HasIndex(t => new { t.DueSort, t.Seq }, "ix_tasks_unassigned")
            .HasFilter(Unassigned);

        // The Done view of My tasks (DoneTasksSql): one person's completed tasks, read backwards for newest first.
        builder.HasIndex(t => new { t.CompletedBy, t.ClosedAt, t.Seq }, "ix_tasks_done")
            .HasFilter(Completed);

        builder.Property(t => t.MapKey).HasMaxLength(200);
        builder.Property(t => t.PointId).HasMaxLength(200);
        // Unbounded like the names of imported points; empty by default, as schema step 9 added it to rows written before.
        builder.Property(t => t.PointName).HasDefaultValue("");
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
