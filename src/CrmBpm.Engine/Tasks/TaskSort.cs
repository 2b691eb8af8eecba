namespace CrmBpm.Engine.Tasks;

/// <summary>What My tasks is sorted by (<see cref="TaskQuery.Sort"/>); ties always go by creation.</summary>
public enum TaskSort
{
    /// <summary>By deadline, tasks without one last.</summary>
    Deadline,

    /// <summary>By title, case not counting (lower-cased, then the database's collation).</summary>
    Title,

    /// <summary>By creation.</summary>
    Created,

    /// <summary>By whom the task is with: its holder's user id, else its pool's role; case not counting.</summary>
    Performer,

    /// <summary>Open (waiting to be taken) before accepted (in work).</summary>
    State,
}
