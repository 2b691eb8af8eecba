using System.Text.Json;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;

namespace CrmBpm.Server.Api.Contracts;

/// <summary>
/// A task as the API shows it. <c>PointName</c>: the name of the Action that created it. <c>OnBehalfOf</c>: the absent person
/// whose task this is when it is shown to (or was acted on by) their substitute; null for the user's own tasks.
/// </summary>
public sealed record TaskDto(
    Guid Id, string Title, string Description, WorkTaskStatus Status, bool Overdue,
    string MapKey, int MapVersion, Guid InstanceId, string PointId,
    string? PerformerUserId, string? PerformerRole, string? PerformerAddressingObject, string? AssigneeId, bool InPool,
    bool RequiresAcceptance, IReadOnlyList<string> Outcomes, IReadOnlyList<FormField> FormFields, string? Stage,
    SubjectReference? Subject, JsonElement? Item,
    DateTimeOffset CreatedAt, DateTimeOffset? DueAt, DateTimeOffset? PostponedUntil, DateTimeOffset? AcceptedAt, DateTimeOffset? ClosedAt,
    string? CompletedBy, string? Outcome, string? Comment, string? OnBehalfOf = null, string? PointName = null)
{
    /// <summary>Maps an engine task; <paramref name="actor"/>, when given, says on whose behalf the user sees it.</summary>
    public static TaskDto From(WorkTask t, DateTimeOffset now, Actor? actor = null) => new(
        t.Id, t.Title, t.Description, t.Status, t.IsOverdue(now),
        t.MapKey, t.MapVersion, t.InstanceId, t.PointId,
        t.PerformerUserId, t.PerformerRole, t.PerformerAddressingObject, t.AssigneeId, t.IsInPool,
        t.RequiresAcceptance, t.Outcomes, t.FormFields, t.Stage, t.Subject, t.Item,
        t.CreatedAt, t.DueAt, t.PostponedUntil, t.AcceptedAt, t.ClosedAt, t.CompletedBy, t.Outcome, t.Comment, actor?.OnBehalfOf(t), t.PointName);
}

/// <summary>Completing a task: the outcome button and the form values (any JSON).</summary>
public sealed record CompleteTaskRequest(string? Outcome, Dictionary<string, JsonElement>? Variables);

/// <summary>Handing a task to someone else.</summary>
public sealed record RedirectTaskRequest(string? ToUserId, string? Comment);

/// <summary>
/// A task of the Unassigned list (its Action has no performer): where it comes from (route map and point, by name), what
/// it is about, when it was created and is due.
/// </summary>
public sealed record UnassignedTaskDto(
    Guid Id, string Title, Guid InstanceId, string MapKey, int MapVersion, string MapName, string PointId, string PointName,
    SubjectReference? Subject, string? SubjectName, DateTimeOffset CreatedAt, DateTimeOffset? DueAt, bool Overdue)
{
    /// <summary>Maps a row of the list.</summary>
    public static UnassignedTaskDto From(Tasks.UnassignedTaskRow row, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(row);
        var t = row.Task;
        return new(t.Id, t.Title, t.InstanceId, t.MapKey, t.MapVersion, row.MapName, t.PointId, row.PointName,
            t.Subject, row.Subject?.Name, t.CreatedAt, t.DueAt, t.IsOverdue(now));
    }
}

/// <summary>Handing an unassigned task over: to a user (<c>toUserId</c>) or to a pool (<c>toRole</c>, optionally <c>addressingObject</c>).</summary>
public sealed record HandOverTaskRequest(string? ToUserId, string? ToRole, string? AddressingObject, string? Comment);

/// <summary>Hiding a task until a date.</summary>
public sealed record PostponeTaskRequest(DateTimeOffset? Until, string? Comment);

/// <summary>Putting a task back into its pool.</summary>
public sealed record ReturnTaskRequest(string? Comment);

/// <summary>Which tasks a list shows.</summary>
public enum TaskScope
{
    /// <summary>Mine and my pools' (My tasks).</summary>
    Mine,

    /// <summary>My team's (Head: the department; Administrator: everyone).</summary>
    Team,
}

/// <summary>Which view of My tasks a list shows.</summary>
public enum TaskView
{
    /// <summary>What is to be done today: active tasks not postponed beyond now.</summary>
    Open,

    /// <summary>Active tasks postponed beyond now, with their <c>postponedUntil</c>: they come back on that date, or when brought back.</summary>
    Postponed,

    /// <summary>The tasks I completed, newest first (only <see cref="TaskScope.Mine"/>; sorting does not apply).</summary>
    Done,
}
