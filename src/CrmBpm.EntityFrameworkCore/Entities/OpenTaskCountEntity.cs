namespace CrmBpm.EntityFrameworkCore.Entities;

/// <summary>
/// A row of <c>open_task_counts</c>: how many active tasks one branch of My tasks holds (a user's own tasks, a role
/// pool, a role + addressing object pool). Kept exact by the same transaction that opens, moves or closes a task, so
/// My tasks reads its total from a few rows instead of counting thousands of index entries.
/// </summary>
public sealed class OpenTaskCountEntity
{
    /// <summary>Which kind of branch: 0 held by a user, 1 a role pool, 2 a role + addressing object pool.</summary>
    public int Kind { get; set; }

    /// <summary>The user who holds the tasks, or the role of the pool.</summary>
    public required string Owner { get; set; }

    /// <summary>The addressing object of a role + addressing object pool; empty for the other kinds.</summary>
    public required string AddressingObject { get; set; }

    /// <summary>Active (Open or Accepted) tasks in the branch, postponed ones included.</summary>
    public long OpenTasks { get; set; }
}
