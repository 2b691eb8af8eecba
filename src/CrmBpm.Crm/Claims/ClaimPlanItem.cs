using CrmBpm.Crm.Common;

namespace CrmBpm.Crm.Claims;

/// <summary>One step of a claim's action plan: who does what by when. It becomes a task of the claim's processes.</summary>
public sealed class ClaimPlanItem
{
    private ClaimPlanItem()
    {
    }

    internal ClaimPlanItem(string title, string performerId, DateTimeOffset deadline, bool addedLate, DateTimeOffset at)
    {
        Id = Guid.NewGuid();
        Title = Guard.Required(title, "title", "What is to be done", 300);
        PerformerId = Guard.Required(performerId, "performerId", "The performer", 200);
        Deadline = deadline;
        AddedLate = addedLate;
        AddedAt = at;
    }

    /// <summary>Identifier (also in the task's item, so the task finds its item).</summary>
    public Guid Id { get; private set; }

    /// <summary>What is to be done.</summary>
    public string Title { get; private set; } = "";

    /// <summary>Who does it.</summary>
    public string PerformerId { get; private set; } = "";

    /// <summary>By when.</summary>
    public DateTimeOffset Deadline { get; private set; }

    /// <summary>
    /// True when it runs in its own one-item process: it was added after the claim's process had started, or an edit of its
    /// title or deadline replaced its task.
    /// </summary>
    public bool AddedLate { get; private set; }

    /// <summary>When it was added.</summary>
    public DateTimeOffset AddedAt { get; private set; }

    /// <summary>State.</summary>
    public PlanItemStatus Status { get; private set; }

    /// <summary>The task doing it.</summary>
    public Guid? TaskId { get; private set; }

    /// <summary>Who completed it.</summary>
    public string? CompletedBy { get; private set; }

    /// <summary>When it was completed.</summary>
    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>True while its task is to be done (planned or in progress).</summary>
    public bool IsOpen => Status is PlanItemStatus.Planned or PlanItemStatus.InProgress;

    internal PlanItemRevision Revise(string title, string performerId, DateTimeOffset deadline)
    {
        title = Guard.Required(title, "title", "What is to be done", 300);
        performerId = Guard.Required(performerId, "performerId", "The performer", 200);
        var retitled = title != Title || deadline != Deadline;
        var reassigned = performerId != PerformerId;
        var previousTask = TaskId;
        Title = title;
        PerformerId = performerId;
        Deadline = deadline;
        if (TaskId is null || (!retitled && !reassigned))
        {
            return new PlanItemRevision(this, previousTask, PlanItemFollowUp.None);
        }

        if (!retitled)
        {
            return new PlanItemRevision(this, previousTask, PlanItemFollowUp.Redirect);
        }

        // A new task in a process of its own; the old task's cancellation is then no longer this item's news.
        TaskId = null;
        Status = PlanItemStatus.Planned;
        AddedLate = true;
        return new PlanItemRevision(this, previousTask, PlanItemFollowUp.Replace);
    }

    internal void Withdraw() => Status = PlanItemStatus.Cancelled;

    internal void TaskCreated(Guid taskId)
    {
        TaskId = taskId;
        if (Status == PlanItemStatus.Planned)
        {
            Status = PlanItemStatus.InProgress;
        }
    }

    internal void Completed(string by, DateTimeOffset at)
    {
        Status = PlanItemStatus.Done;
        CompletedBy = by;
        CompletedAt = at;
    }

    internal void Cancelled() => Status = Status == PlanItemStatus.Done ? Status : PlanItemStatus.Cancelled;
}
