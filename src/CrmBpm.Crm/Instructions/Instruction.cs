using CrmBpm.Crm.Common;
using CrmBpm.Engine.Runtime;

namespace CrmBpm.Crm.Instructions;

/// <summary>
/// An instruction (1C: задание) from an author to a performer, standalone or about a subject (deal, claim, partner):
/// the performer executes it, the author verifies and accepts it or returns it with a comment. Its progress is
/// mirrored from the built-in <see cref="InstructionRouteMap"/> process.
/// </summary>
public sealed class Instruction : AggregateRoot
{
    private readonly List<InstructionReturn> _returns = [];

    private Instruction()
    {
    }

    /// <summary>Gives an instruction.</summary>
    public Instruction(string title, string? description, string authorId, string performerId, SubjectReference? subject, DateTimeOffset dueAt, DateTimeOffset at)
    {
        Id = Guid.NewGuid();
        Title = Guard.Required(title, "title", "A title", 300);
        Description = Guard.Optional(description, "description", "A description");
        AuthorId = Guard.Required(authorId, "authorId", "The author", 200);
        PerformerId = Guard.Required(performerId, "performerId", "The performer", 200);
        SubjectType = subject?.Type;
        SubjectId = subject?.Id;
        DueAt = dueAt;
        CreatedAt = at;
        Raise(new InstructionGiven(Id, AuthorId, PerformerId, at));
    }

    /// <summary>What is to be done.</summary>
    public string Title { get; private set; } = "";

    /// <summary>Details.</summary>
    public string Description { get; private set; } = "";

    /// <summary>Who gave it and verifies it.</summary>
    public string AuthorId { get; private set; } = "";

    /// <summary>Who executes it.</summary>
    public string PerformerId { get; private set; } = "";

    /// <summary>Type of the subject it was given about (deal, claim, partner), or null.</summary>
    public string? SubjectType { get; private set; }

    /// <summary>Id of the subject.</summary>
    public string? SubjectId { get; private set; }

    /// <summary>The subject, if any.</summary>
    public SubjectReference? Subject => SubjectType is null || SubjectId is null ? null : new SubjectReference(SubjectType, SubjectId);

    /// <summary>Deadline of each execution round.</summary>
    public DateTimeOffset DueAt { get; private set; }

    /// <summary>Where it stands.</summary>
    public InstructionStatus Status { get; private set; }

    /// <summary>True when the author is the performer: no verification.</summary>
    public bool IsSelfGiven => AuthorId == PerformerId;

    /// <summary>The process running it.</summary>
    public Guid? ProcessInstanceId { get; private set; }

    /// <summary>The task currently open (Execute or Verify).</summary>
    public Guid? CurrentTaskId { get; private set; }

    /// <summary>How many times it was executed.</summary>
    public int ExecutionRounds { get; private set; }

    /// <summary>The performer's last report.</summary>
    public string? Report { get; private set; }

    /// <summary>Every return by the author, oldest first.</summary>
    public IReadOnlyList<InstructionReturn> Returns => _returns;

    /// <summary>When it was given.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When it was completed or cancelled.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Binds the process.</summary>
    public void AttachProcess(Guid instanceId) => ProcessInstanceId ??= instanceId;

    /// <summary>The performer got the Execute task.</summary>
    public void ExecutionStarted(Guid taskId)
    {
        Status = InstructionStatus.Executing;
        CurrentTaskId = taskId;
        ExecutionRounds++;
    }

    /// <summary>The performer finished executing.</summary>
    public void Executed(string? report) => Report = string.IsNullOrWhiteSpace(report) ? Report : report.Trim();

    /// <summary>The author got the Verify task.</summary>
    public void VerificationStarted(Guid taskId)
    {
        Status = InstructionStatus.Verifying;
        CurrentTaskId = taskId;
    }

    /// <summary>The author returned the work.</summary>
    public void Returned(string comment, string by, DateTimeOffset at)
    {
        _returns.Add(new InstructionReturn(comment, by, at));
        Raise(new InstructionReturned(Id, comment, at));
    }

    /// <summary>The process ended normally.</summary>
    public void Complete(DateTimeOffset at)
    {
        if (Status is InstructionStatus.Completed or InstructionStatus.Cancelled)
        {
            return;
        }

        Status = InstructionStatus.Completed;
        CurrentTaskId = null;
        ClosedAt = at;
        Raise(new InstructionCompleted(Id, !IsSelfGiven, at));
    }

    /// <summary>The process was terminated.</summary>
    public void Cancel(DateTimeOffset at)
    {
        if (Status is InstructionStatus.Completed or InstructionStatus.Cancelled)
        {
            return;
        }

        Status = InstructionStatus.Cancelled;
        CurrentTaskId = null;
        ClosedAt = at;
    }
}
