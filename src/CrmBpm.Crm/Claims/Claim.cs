using CrmBpm.Crm.Common;
using CrmBpm.Engine.Errors;

namespace CrmBpm.Crm.Claims;

/// <summary>
/// A claim (complaint) from any partner — customer, supplier or other: reason from the catalogue, responsible
/// department and employee, description, attached files, and an action plan whose items become tasks. It is closed
/// with a result (Satisfied / Not satisfied) once every plan item is done.
/// </summary>
public sealed class Claim : AggregateRoot, IChangeLogged
{
    private readonly List<FieldChange> _changeLog = [];
    private readonly List<ClaimAttachment> _attachments = [];
    private readonly List<ClaimPlanItem> _planItems = [];

    private Claim()
    {
    }

    /// <summary>Registers a claim.</summary>
    public Claim(Guid partnerId, Guid reasonId, Guid? departmentId, string responsibleId, string description, string registeredBy, DateTimeOffset at)
    {
        Id = Guid.NewGuid();
        PartnerId = Guard.Id(partnerId, "partnerId", "The partner");
        ReasonId = Guard.Id(reasonId, "reason", "The claim reason");
        DepartmentId = departmentId;
        ResponsibleId = Guard.Required(responsibleId, "responsibleId", "The responsible employee", 200);
        Description = Guard.Required(description, "description", "A description of the claim", 8000);
        RegisteredBy = registeredBy;
        RegisteredAt = at;
        Raise(new ClaimRegistered(Id, PartnerId, ReasonId, at));
    }

    /// <summary>Who complains.</summary>
    public Guid PartnerId { get; private set; }

    /// <summary>Claim reason (catalogue item).</summary>
    public Guid ReasonId { get; private set; }

    /// <summary>Responsible department (catalogue item).</summary>
    public Guid? DepartmentId { get; private set; }

    /// <summary>Responsible employee; decides the claim.</summary>
    public string ResponsibleId { get; private set; } = "";

    /// <summary>What the partner complains about.</summary>
    public string Description { get; private set; } = "";

    /// <summary>Who registered it.</summary>
    public string RegisteredBy { get; private set; } = "";

    /// <summary>When it was registered.</summary>
    public DateTimeOffset RegisteredAt { get; private set; }

    /// <summary>In work or closed.</summary>
    public ClaimStatus Status { get; private set; }

    /// <summary>The decision, once closed.</summary>
    public ClaimResult? Result { get; private set; }

    /// <summary>What was decided and why.</summary>
    public string? ResultDetails { get; private set; }

    /// <summary>Who decided.</summary>
    public string? ClosedBy { get; private set; }

    /// <summary>When it was decided.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>The claim-handling process.</summary>
    public Guid? ProcessInstanceId { get; private set; }

    /// <summary>Attached files.</summary>
    public IReadOnlyList<ClaimAttachment> Attachments => _attachments;

    /// <summary>The action plan.</summary>
    public IReadOnlyList<ClaimPlanItem> PlanItems => _planItems;

    /// <summary>Plan items not yet done or cancelled.</summary>
    public IEnumerable<ClaimPlanItem> OpenPlanItems => _planItems.Where(i => i.IsOpen);

    /// <summary>Every correction made by hand (plan items edited or removed), oldest first.</summary>
    public IReadOnlyList<FieldChange> ChangeLog => _changeLog;

    string IChangeLogged.RecordType => "claim";

    string IChangeLogged.DisplayName => Description.Length > 60 ? Description[..60] + "…" : Description;

    /// <summary>
    /// Corrects an open plan item while the claim is in work; each changed field goes into <see cref="ChangeLog"/>. The
    /// returned revision tells the caller how the item's task must follow (redirect, or replace it by a new one).
    /// </summary>
    public PlanItemRevision EditPlanItem(Guid itemId, string title, string performerId, DateTimeOffset deadline, string by, DateTimeOffset at)
    {
        var item = OpenItem(itemId, "edited");
        var before = (item.Title, item.PerformerId, item.Deadline);
        var revision = item.Revise(title, performerId, deadline);
        var field = $"Plan item '{before.Title}'";
        Common.ChangeLog.Record(_changeLog, $"{field}: title", before.Title, item.Title, by, at);
        Common.ChangeLog.Record(_changeLog, $"{field}: performer", before.PerformerId, item.PerformerId, by, at);
        Common.ChangeLog.Record(_changeLog, $"{field}: deadline", Common.ChangeLog.Text(before.Deadline), Common.ChangeLog.Text(item.Deadline), by, at);
        return revision;
    }

    /// <summary>
    /// Takes an open plan item out of the plan while the claim is in work: it stays listed as cancelled, the removal is
    /// logged, and the task it had (returned) must be cancelled by the caller.
    /// </summary>
    public Guid? RemovePlanItem(Guid itemId, string by, DateTimeOffset at)
    {
        var item = OpenItem(itemId, "removed");
        var taskId = item.TaskId;
        item.Withdraw();
        Common.ChangeLog.Record(_changeLog, $"Plan item '{item.Title}'", $"{item.PerformerId}, due {Common.ChangeLog.Text(item.Deadline)}", "removed", by, at);
        return taskId;
    }

    /// <summary>Attaches a file reference.</summary>
    public ClaimAttachment AddAttachment(string fileName, string contentType, long size, string storageKey, string addedBy, DateTimeOffset at)
    {
        EnsureInWork("get attachments");
        if (size < 0)
        {
            throw new InputException("claim.attachment-size", "size", $"A file size cannot be negative ({size}).");
        }

        var attachment = new ClaimAttachment(Guid.NewGuid(), Guard.Required(fileName, "fileName", "A file name", 260),
            Guard.Required(contentType, "contentType", "A content type", 200), size, Guard.Required(storageKey, "storageKey", "A storage key", 500), addedBy, at);
        _attachments.Add(attachment);
        return attachment;
    }

    /// <summary>Adds an action-plan item; after the process started it is <see cref="ClaimPlanItem.AddedLate"/>.</summary>
    public ClaimPlanItem AddPlanItem(string title, string performerId, DateTimeOffset deadline, DateTimeOffset at)
    {
        EnsureInWork("get new plan items");
        var item = new ClaimPlanItem(title, performerId, deadline, addedLate: ProcessInstanceId is not null, at);
        _planItems.Add(item);
        Raise(new ClaimPlanItemAdded(Id, item.Id, item.AddedLate, at));
        return item;
    }

    /// <summary>Binds the claim-handling process.</summary>
    public void AttachProcess(Guid instanceId) => ProcessInstanceId ??= instanceId;

    /// <summary>A task was created for a plan item.</summary>
    public void PlanItemTaskCreated(Guid itemId, Guid taskId) => Item(itemId)?.TaskCreated(taskId);

    /// <summary>A plan item's task was completed.</summary>
    public void PlanItemCompleted(Guid itemId, string by, DateTimeOffset at) => Item(itemId)?.Completed(by, at);

    /// <summary>A plan item's task was cancelled.</summary>
    public void PlanItemCancelled(Guid itemId) => Item(itemId)?.Cancelled();

    /// <summary>Refuses while plan items are open, naming them.</summary>
    public void EnsureReadyForDecision()
    {
        EnsureInWork("be decided again");
        var open = OpenPlanItems.ToList();
        if (open.Count > 0)
        {
            throw new ConflictException("claim.plan-open",
                $"The claim cannot be decided while its action plan has open items: {string.Join(", ", open.Select(i => $"'{i.Title}' ({i.PerformerId}, due {i.Deadline:yyyy-MM-dd})"))}.");
        }
    }

    /// <summary>Closes the claim with a result once every plan item is done.</summary>
    public void Decide(ClaimResult result, string? details, string by, DateTimeOffset at)
    {
        EnsureReadyForDecision();
        if (result == ClaimResult.NotSatisfied && string.IsNullOrWhiteSpace(details))
        {
            throw new InputException("claim.details-required", "resultDetails", "Say why the claim was not satisfied.");
        }

        Status = ClaimStatus.Closed;
        Result = result;
        ResultDetails = string.IsNullOrWhiteSpace(details) ? null : details.Trim();
        ClosedBy = by;
        ClosedAt = at;
        Raise(new ClaimDecided(Id, result, at));
    }

    private ClaimPlanItem? Item(Guid itemId) => _planItems.FirstOrDefault(i => i.Id == itemId);

    private ClaimPlanItem OpenItem(Guid itemId, string verb)
    {
        EnsureInWork($"have plan items {verb}");
        var item = Item(itemId) ?? throw new NotFoundException("claim.plan-item-not-found", $"The claim has no plan item {itemId}.");
        return item.IsOpen
            ? item
            : throw new ConflictException("claim.plan-item-finished", $"Plan item '{item.Title}' is {item.Status.ToString().ToLowerInvariant()}; only open items can be {verb}.");
    }

    private void EnsureInWork(string verb)
    {
        if (Status == ClaimStatus.Closed)
        {
            throw new ConflictException("claim.closed", $"The claim was closed as {Result} on {ClosedAt:yyyy-MM-dd}; it cannot {verb}.");
        }
    }
}
