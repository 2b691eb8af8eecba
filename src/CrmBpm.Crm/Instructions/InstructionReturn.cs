namespace CrmBpm.Crm.Instructions;

/// <summary>The author sent the work back: with what comment, when.</summary>
public sealed record InstructionReturn(string Comment, string By, DateTimeOffset At);
