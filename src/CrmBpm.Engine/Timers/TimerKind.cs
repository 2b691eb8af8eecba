namespace CrmBpm.Engine.Timers;

/// <summary>What a due timer means.</summary>
public enum TimerKind
{
    /// <summary>A task's deadline passed.</summary>
    Deadline,

    /// <summary>A task's deadline is near.</summary>
    Reminder,
}
