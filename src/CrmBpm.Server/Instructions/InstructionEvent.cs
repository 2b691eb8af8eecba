namespace CrmBpm.Server.Instructions;

/// <summary>One step of an instruction's history; <see cref="Comment"/> is a return's comment.</summary>
public sealed record InstructionEvent(DateTimeOffset At, InstructionEventKind Kind, string By, string? Comment);
