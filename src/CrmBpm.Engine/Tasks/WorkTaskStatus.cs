namespace CrmBpm.Engine.Tasks;

/// <summary>Lifecycle of a task: Open → Accepted → Completed, or Cancelled from either.</summary>
public enum WorkTaskStatus
{
    /// <summary>Waiting for its performer (or anyone in its pool).</summary>
    Open,

    /// <summary>Taken into work by <see cref="WorkTask.AssigneeId"/>.</summary>
    Accepted,

    /// <summary>Done; the token moved on.</summary>
    Completed,

    /// <summary>Withdrawn (instance terminated).</summary>
    Cancelled,
}
