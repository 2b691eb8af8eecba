namespace CrmBpm.Server.Tasks;

/// <summary>Where a supervisor hands an unassigned task: a person (<see cref="ToUserId"/>) or a pool (<see cref="ToRole"/>, optionally narrowed).</summary>
public sealed record UnassignedTaskHandOver(string? ToUserId, string? ToRole, string? AddressingObject, string? Comment);
