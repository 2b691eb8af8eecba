using System.Text.Json;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Runtime;

namespace CrmBpm.Engine.Tasks;

/// <summary>
/// A task created by an Action point for a performer. Changes only through <see cref="ITaskService"/>.
/// </summary>
public sealed class WorkTask
{
    private string? _performerRole;
    private string? _performerAddressingObject;

    /// <summary>Identifier.</summary>
    public Guid Id { get; init; } = Runtime.Ids.Unguessable();

    /// <summary>The instance that created it.</summary>
    public required Guid InstanceId { get; init; }

    /// <summary>The top of the instance's nesting chain.</summary>
    public required Guid RootInstanceId { get; init; }

    /// <summary>The route map key of the instance.</summary>
    public required string MapKey { get; init; }

    /// <summary>The route map version of the instance.</summary>
    public required int MapVersion { get; init; }

    /// <summary>The Action point that created it.</summary>
    public required string PointId { get; init; }

    /// <summary>
    /// The Action point's name as the map showed it when the task was created (its id when it has no name), so a caller can
    /// say where a task stands without loading the map. Tasks stored before it existed carry their point's id.
    /// </summary>
    public string PointName { get; init; } = "";

    /// <summary>The token waiting for it.</summary>
    public required Guid TokenId { get; init; }

    /// <summary>For a multi-instance action: position of the item (0-based).</summary>
    public int? ItemIndex { get; init; }

    /// <summary>For a multi-instance action: the item this task is about.</summary>
    public JsonElement? Item { get; init; }

    /// <summary>Title with placeholders filled in.</summary>
    public required string Title { get; init; }

    /// <summary>What to do.</summary>
    public string Description { get; init; } = "";

    /// <summary>The user it was addressed to (null for a pool task).</summary>
    public string? PerformerUserId { get; init; }

    /// <summary>The role pool it was addressed to, or handed to later (<see cref="ITaskService.RedirectToPoolAsync"/>).</summary>
    public string? PerformerRole { get => _performerRole; init => _performerRole = value; }

    /// <summary>The addressing object narrowing the role pool.</summary>
    public string? PerformerAddressingObject { get => _performerAddressingObject; init => _performerAddressingObject = value; }

    /// <summary>Who holds the task now; null while it sits in the pool.</summary>
    public string? AssigneeId { get; internal set; }

    /// <summary>Lifecycle state.</summary>
    public WorkTaskStatus Status { get; internal set; } = WorkTaskStatus.Open;

    /// <summary>Must be accepted before it can be completed.</summary>
    public bool RequiresAcceptance { get; init; }

    /// <summary>Outcome buttons.</summary>
    public IReadOnlyList<string> Outcomes { get; init; } = [];

    /// <summary>Fields to fill when completing.</summary>
    public IReadOnlyList<FormField> FormFields { get; init; } = [];

    /// <summary>The deal stage the task represents.</summary>
    public string? Stage { get; init; }

    /// <summary>What the process is about.</summary>
    public SubjectReference? Subject { get; init; }

    /// <summary>When it was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it is due.</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>Hidden from My tasks until then.</summary>
    public DateTimeOffset? PostponedUntil { get; internal set; }

    /// <summary>When it was accepted.</summary>
    public DateTimeOffset? AcceptedAt { get; internal set; }

    /// <summary>When it was completed or cancelled.</summary>
    public DateTimeOffset? ClosedAt { get; internal set; }

    /// <summary>Who completed it.</summary>
    public string? CompletedBy { get; internal set; }

    /// <summary>The outcome chosen.</summary>
    public string? Outcome { get; internal set; }

    /// <summary>The last comment given with a redirect or return (shown to the next holder).</summary>
    public string? Comment { get; internal set; }

    /// <summary>True while it can be worked on.</summary>
    public bool IsActive => Status is WorkTaskStatus.Open or WorkTaskStatus.Accepted;

    /// <summary>True when it is active and past its deadline at <paramref name="now"/>.</summary>
    public bool IsOverdue(DateTimeOffset now) => IsActive && DueAt is { } due && due < now;

    /// <summary>True when the task sits in a role pool rather than with a person.</summary>
    public bool IsInPool => AssigneeId is null;

    /// <summary>
    /// True when nobody holds the task and it has no role either (its Action has no performer): it waits in the Unassigned
    /// list, in nobody's My tasks, until a supervisor redirects it to a person.
    /// </summary>
    public bool IsUnassigned => AssigneeId is null && PerformerRole is null;

    /// <summary>Puts the task into the pool of <paramref name="role"/> (and <paramref name="addressingObject"/>), held by nobody.</summary>
    internal void MoveToPool(string role, string? addressingObject)
    {
        _performerRole = role;
        _performerAddressingObject = addressingObject;
        AssigneeId = null;
    }

    /// <summary>A detached copy; for stores that keep objects in memory.</summary>
    public WorkTask Clone() => (WorkTask)MemberwiseClone();

    /// <summary>Restores the mutable state from storage; for persistence providers.</summary>
    public static WorkTask Restore(WorkTask template, WorkTaskState state)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(state);
        var task = template.Clone();
        task._performerRole = state.PerformerRole;
        task._performerAddressingObject = state.PerformerAddressingObject;
        task.AssigneeId = state.AssigneeId;
        task.Status = state.Status;
        task.PostponedUntil = state.PostponedUntil;
        task.AcceptedAt = state.AcceptedAt;
        task.ClosedAt = state.ClosedAt;
        task.CompletedBy = state.CompletedBy;
        task.Outcome = state.Outcome;
        task.Comment = state.Comment;
        return task;
    }

    /// <summary>The mutable part of the task; for persistence providers.</summary>
    public WorkTaskState State => new(PerformerRole, PerformerAddressingObject, AssigneeId, Status, PostponedUntil, AcceptedAt, ClosedAt, CompletedBy, Outcome, Comment);
}
