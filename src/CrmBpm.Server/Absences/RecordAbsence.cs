namespace CrmBpm.Server.Absences;

/// <summary>What recording an absence asks for: whose (default: oneself), the substitute, the period and optionally the performer roles covered.</summary>
public sealed record RecordAbsence(string? AbsentUserId, string? SubstituteUserId, DateTimeOffset? From, DateTimeOffset? To, IReadOnlyList<string>? PerformerRoles);
