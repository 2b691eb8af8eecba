using CrmBpm.Crm.Common;

namespace CrmBpm.Crm.Instructions;

/// <summary>An instruction was given.</summary>
public sealed record InstructionGiven(Guid InstructionId, string AuthorId, string PerformerId, DateTimeOffset At) : IDomainEvent;

/// <summary>The author returned the work with a comment.</summary>
public sealed record InstructionReturned(Guid InstructionId, string Comment, DateTimeOffset At) : IDomainEvent;

/// <summary>The instruction was completed.</summary>
public sealed record InstructionCompleted(Guid InstructionId, bool Verified, DateTimeOffset At) : IDomainEvent;
