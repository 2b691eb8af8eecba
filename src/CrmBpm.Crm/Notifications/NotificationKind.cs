namespace CrmBpm.Crm.Notifications;

/// <summary>
/// What a <see cref="Notification"/> tells its reader. The reader's language renders the sentence from the kind and the
/// notification's data, so nothing stores a sentence in one language.
/// </summary>
public enum NotificationKind
{
    /// <summary>A task was created for the reader (addressed to them, or redirected to them).</summary>
    TaskAssigned,

    /// <summary>A task landed in a pool the reader is an active member of.</summary>
    PoolTask,

    /// <summary>The deadline of a task the reader holds (or of a task in their pool) is near.</summary>
    ReminderDue,

    /// <summary>The deadline of the reader's task passed while it was still open.</summary>
    DeadlineReached,

    /// <summary>A step of a task's escalation ladder concerns the reader: a reminder, a head told, or the task given to them.</summary>
    TaskEscalated,

    /// <summary>The author returned the reader's instruction for more work.</summary>
    InstructionReturned,

    /// <summary>The author accepted the result of the reader's instruction.</summary>
    InstructionAccepted,
}
