using CrmBpm.Crm.Instructions;
using CrmBpm.Engine.Runtime;

namespace CrmBpm.Server.Api.Contracts;

/// <summary>An instruction.</summary>
public sealed record InstructionDto(
    Guid Id, string Title, string Description, string AuthorId, string PerformerId, SubjectReference? Subject, DateTimeOffset DueAt,
    InstructionStatus Status, bool IsSelfGiven, Guid? ProcessInstanceId, Guid? CurrentTaskId, int ExecutionRounds, string? Report,
    IReadOnlyList<InstructionReturn> Returns, DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt)
{
    /// <summary>Maps an instruction.</summary>
    public static InstructionDto From(Instruction i) => new(
        i.Id, i.Title, i.Description, i.AuthorId, i.PerformerId, i.Subject, i.DueAt, i.Status, i.IsSelfGiven, i.ProcessInstanceId,
        i.CurrentTaskId, i.ExecutionRounds, i.Report, i.Returns, i.CreatedAt, i.ClosedAt);
}

/// <summary>Giving an instruction, standalone or about a subject (<c>deal</c>, <c>claim</c>, <c>partner</c> + id).</summary>
public sealed record GiveInstructionRequest(string? Title, string? Description, string? PerformerId, string? SubjectType, string? SubjectId, DateTimeOffset? DueAt);

/// <summary>The performer's report.</summary>
public sealed record ReportInstructionRequest(string? Report);

/// <summary>The author's return with what is still to be done.</summary>
public sealed record ReturnInstructionRequest(string? Comment);

/// <summary>Which instructions a list shows, seen from the user.</summary>
public enum InstructionRole
{
    /// <summary>Given by me or to me.</summary>
    Any,

    /// <summary>Given by me.</summary>
    Author,

    /// <summary>Given to me.</summary>
    Performer,
}
