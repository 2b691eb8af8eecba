namespace CrmBpm.Server.Administration;

/// <summary>One administrative change: who made it, when, what (action and target) and the target before and after (JSON).</summary>
public sealed class AdminAuditEntry
{
    /// <summary>Ascending with time: the log's order.</summary>
    public long Id { get; set; }

    /// <summary>When the change was made.</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>Who made it (a user name, or <c>setup</c> for the first Administrator).</summary>
    public string Actor { get; set; } = "";

    /// <summary>What was done: <c>user.create</c>, <c>user.update</c>, <c>user.deactivate</c>, ...</summary>
    public string Action { get; set; } = "";

    /// <summary>What it was done to (a user name).</summary>
    public string Target { get; set; } = "";

    /// <summary>The target before the change, as JSON; null when it did not exist.</summary>
    public string? Before { get; set; }

    /// <summary>The target after the change, as JSON; null when it no longer exists.</summary>
    public string? After { get; set; }

    /// <summary>A note: where the user's tasks went, why.</summary>
    public string? Note { get; set; }
}
